import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, hasContent, type GovukContent } from "../shared/content.ts";

/** govuk-frontend `govukLabel` (components/label/template.njk); props mirror its macro options. */
export interface LabelProps extends GovukContent {
  for?: string;
  isPageHeading?: boolean;
  classes?: string;
  attributes?: GovukAttributes;
}

export function Label(props: LabelProps) {
  // The template renders nothing without text or html.
  if (!hasContent(props)) return null;
  const label = <label className={classNames("govuk-label", props.classes)} {...attributeProps(props.attributes)} {...(props.for ? { htmlFor: props.for } : {})} {...contentProps(props)} />;
  return props.isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
