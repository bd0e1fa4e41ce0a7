import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";

/** govuk-frontend `govukHint` (components/hint/template.njk); props mirror its macro options. */
export interface HintProps extends GovukContent {
  id?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export function Hint(props: HintProps) {
  return <div {...(props.id ? { id: props.id } : {})} className={classNames("govuk-hint", props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}
