import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";

/**
 * govuk-frontend `govukInsetText` (components/inset-text/template.njk); props mirror its macro
 * options, with `children` for the macro's `caller` block.
 */
export interface InsetTextProps extends GovukContent {
  id?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export function InsetText(props: InsetTextProps) {
  return <div {...(props.id ? { id: props.id } : {})} className={classNames("govuk-inset-text", props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}
