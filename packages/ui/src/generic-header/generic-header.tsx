import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";

/**
 * govuk-frontend `govukGenericHeader` (components/generic-header/template.njk, 6.3+): the header for a
 * service that is not on GOV.UK, so no crown. Props mirror its macro options.
 */
export interface GenericHeaderProps {
  url?: string;
  logoText?: string;
  logoHtml?: string;
  containerClasses?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

export function GenericHeader(props: GenericHeaderProps) {
  return (
    <div className={classNames("govuk-generic-header", props.classes)} {...attributeProps(props.attributes)}>
      <div className={classNames("govuk-generic-header__container", props.containerClasses || "govuk-width-container")}>
        <div className="govuk-generic-header__logo">
          <Link href={props.url || "/"} className="govuk-generic-header__homepage-link" {...contentProps({ text: props.logoText, html: props.logoHtml })} />
        </div>
      </div>
    </div>
  );
}
