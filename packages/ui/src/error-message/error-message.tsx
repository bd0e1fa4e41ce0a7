import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, escapeHtml, type GovukContent } from "../shared/content.ts";

/** govuk-frontend `govukErrorMessage` (components/error-message/template.njk); props mirror its macro options. */
export interface ErrorMessageProps extends GovukContent {
  id?: string;
  classes?: string;
  attributes?: GovukAttributes;
  /** Prefix read before the message; "" leaves it out (translations may put their own in `html`). */
  visuallyHiddenText?: string;
}

export function ErrorMessage(props: ErrorMessageProps) {
  const hidden = props.visuallyHiddenText ?? "Error";
  const own = { ...(props.id ? { id: props.id } : {}), className: classNames("govuk-error-message", props.classes), ...attributeProps(props.attributes) };
  // Raw html next to the prefix: assemble one HTML string rather than add a wrapper element.
  if (props.html && props.children === undefined) {
    const prefix = hidden ? `<span class="govuk-visually-hidden">${escapeHtml(hidden)}:</span> ` : "";
    return <p {...own} dangerouslySetInnerHTML={{ __html: prefix + props.html.trim() }} />;
  }
  return (
    <p {...own}>
      {hidden ? <span className="govuk-visually-hidden">{hidden}:</span> : null}
      {hidden ? " " : null}
      {contentProps(props).children}
    </p>
  );
}
