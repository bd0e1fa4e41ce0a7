import type { ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";

/**
 * govuk-frontend `govukDetails` (components/details/template.njk); props mirror its macro options,
 * with `children` for the macro's `caller` block. A native <details>: opening it needs no script.
 */
export interface DetailsProps extends GovukContent {
  summaryText?: string;
  summaryHtml?: string;
  /** Our addition: React content for the summary, in place of `summaryText` or `summaryHtml`. */
  summaryChildren?: ReactNode;
  id?: string;
  /** Open on first render; afterwards the browser keeps track as the user opens and closes it. */
  open?: boolean;
  classes?: string;
  attributes?: GovukAttributes;
}

export function Details(props: DetailsProps) {
  return (
    <details {...(props.id ? { id: props.id } : {})} className={classNames("govuk-details", props.classes)} {...attributeProps(props.attributes)} {...(props.open ? { open: true } : {})}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text" {...contentProps({ html: props.summaryHtml, text: props.summaryText, children: props.summaryChildren })} />
      </summary>
      <div className="govuk-details__text" {...contentProps(props)} />
    </details>
  );
}
