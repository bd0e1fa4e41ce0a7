import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";

/** govuk-frontend `govukBackLink` (components/back-link/template.njk); props mirror its macro options. */
export interface BackLinkProps extends GovukContent {
  href?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export function BackLink(props: BackLinkProps) {
  return <Link href={props.href || "#"} className={classNames("govuk-back-link", props.classes)} {...attributeProps(props.attributes)} {...contentProps(props, "Back")} />;
}
