import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";

/** govuk-frontend `govukTag` (components/tag/template.njk); props mirror its macro options. */
export interface TagProps extends GovukContent {
  classes?: string;
  attributes?: GovukAttributes;
}

export function Tag(props: TagProps) {
  return <strong className={classNames("govuk-tag", props.classes)} {...attributeProps(props.attributes)} {...contentProps(props)} />;
}
