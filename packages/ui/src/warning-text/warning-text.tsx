import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { escapeHtml, type GovukContent } from "../shared/content.ts";

/** govuk-frontend `govukWarningText` (components/warning-text/template.njk); props mirror its macro options. */
export interface WarningTextProps extends GovukContent {
  /** Read out before the text in place of the icon; "Warning" by default. */
  iconFallbackText?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export function WarningText(props: WarningTextProps) {
  const fallback = props.iconFallbackText || "Warning";
  const hasChildren = props.children !== undefined && props.children !== null;
  return (
    <div className={classNames("govuk-warning-text", props.classes)} {...attributeProps(props.attributes)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      {props.html && !hasChildren ? (
        // The HTML follows the hidden fallback inside one element, so the whole content is one HTML string.
        <strong className="govuk-warning-text__text" dangerouslySetInnerHTML={{ __html: `<span class="govuk-visually-hidden">${escapeHtml(fallback)}</span>${props.html}` }} />
      ) : (
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{fallback}</span>
          {hasChildren ? props.children : props.text}
        </strong>
      )}
    </div>
  );
}
