import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";

export interface OrganisationSwitcherLink {
  id?: string;
  href: string;
  /** "Change organisation" by default. */
  text?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

/**
 * MOJ Frontend `mojOrganisationSwitcher` (moj/components/organisation-switcher/template.njk, 11.1):
 * the organisation a user is acting for, and a link to change it. Props mirror the template's
 * parameters (its README lists none); `children` is our addition, React content for the name.
 */
export interface OrganisationSwitcherProps extends GovukContent {
  id?: string;
  /** The landmark's label, "Organisation switcher" by default. */
  label?: string;
  link?: OrganisationSwitcherLink;
  classes?: string;
  attributes?: GovukAttributes;
}

export function OrganisationSwitcher(props: OrganisationSwitcherProps) {
  return (
    <div {...(props.id ? { id: props.id } : {})} className={classNames("moj-organisation-nav", props.classes)} aria-label={props.label ?? "Organisation switcher"} {...attributeProps(props.attributes)}>
      <div className="moj-organisation-nav__title" {...contentProps(props)} />
      {props.link ? (
        <Link {...(props.link.id ? { id: props.link.id } : {})} href={props.link.href} className={classNames("moj-organisation-nav__link", props.link.classes)} {...attributeProps(props.link.attributes)}>
          {props.link.text ?? "Change organisation"}
        </Link>
      ) : null}
    </div>
  );
}
