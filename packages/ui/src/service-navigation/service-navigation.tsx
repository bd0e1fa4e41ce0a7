import { isValidElement, type ReactNode } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, hasContent, type GovukContent } from "../shared/content.ts";
import { Link } from "../shared/link.tsx";
import { useMenuToggle } from "./menu-toggle.ts";

/** One navigation item; `children` is our addition, React content in place of `text` or `html`. */
export interface ServiceNavigationItem extends GovukContent {
  current?: boolean;
  active?: boolean;
  href?: string;
  attributes?: GovukAttributes;
}

/**
 * The macro's slots. They take React nodes where the macro takes HTML strings: a slot sits beside
 * other content, and React can only set an element's whole content from an HTML string.
 */
export interface ServiceNavigationSlots {
  start?: ReactNode;
  end?: ReactNode | { html?: ReactNode; align?: "inline" };
  navigationStart?: ReactNode;
  navigationEnd?: ReactNode;
}

/**
 * govuk-frontend `govukServiceNavigation` (components/service-navigation/template.njk); props mirror
 * its macro options. The mobile menu button works in React (see menu-toggle.ts).
 */
export interface ServiceNavigationProps {
  classes?: string;
  attributes?: GovukAttributes;
  ariaLabel?: string;
  menuButtonText?: string;
  menuButtonLabel?: string;
  navigationLabel?: string;
  navigationId?: string;
  navigationClasses?: string;
  collapseNavigationOnMobile?: boolean;
  serviceName?: string;
  serviceUrl?: string;
  /** Empty entries are skipped, as the template's `select("truthy")` does, so items can be conditional. */
  navigation?: (ServiceNavigationItem | null | undefined | false | "")[];
  slots?: ServiceNavigationSlots;
}

function isEndSlotObject(end: ServiceNavigationSlots["end"]): end is { html?: ReactNode; align?: "inline" } {
  return typeof end === "object" && end !== null && !isValidElement(end) && !Array.isArray(end) && !(Symbol.iterator in end);
}

export function ServiceNavigation(props: ServiceNavigationProps) {
  const menuButtonText = props.menuButtonText || "Menu";
  const navigationId = props.navigationId || "navigation";
  const slots = props.slots ?? {};
  const endSlot = isEndSlotObject(slots.end) ? slots.end.html : slots.end;
  const endSlotInline = isEndSlotObject(slots.end) && slots.end.align === "inline";
  const items = (props.navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const collapseNavigationOnMobile = props.collapseNavigationOnMobile ?? items.length > 1;
  const hasNavigation = items.length > 0 || Boolean(slots.navigationStart) || Boolean(slots.navigationEnd);
  const menu = useMenuToggle(hasNavigation && collapseNavigationOnMobile);

  const common = { className: classNames("govuk-service-navigation", props.classes), "data-module": "govuk-service-navigation", ...attributeProps(props.attributes) };
  const inner = (
    <div className={classNames("govuk-width-container", endSlotInline && "govuk-service-navigation__inlining-container")}>
      {slots.start}
      <div className="govuk-service-navigation__container">
        {props.serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {props.serviceUrl ? (
              <Link href={props.serviceUrl} className="govuk-service-navigation__link">
                {props.serviceName}
              </Link>
            ) : (
              <span className="govuk-service-navigation__text">{props.serviceName}</span>
            )}
          </span>
        ) : null}
        {hasNavigation ? (
          <nav aria-label={props.navigationLabel || menuButtonText} className={classNames("govuk-service-navigation__wrapper", props.navigationClasses)}>
            {collapseNavigationOnMobile ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                {...(props.menuButtonLabel && props.menuButtonLabel !== menuButtonText ? { "aria-label": props.menuButtonLabel } : {})}
                {...menu.button}
                onClick={menu.toggle}
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={navigationId} {...(collapseNavigationOnMobile && menu.listHidden ? { hidden: true } : {})}>
              {slots.navigationStart}
              {items.map((item, index) => (
                <NavigationItem key={index} item={item} />
              ))}
              {slots.navigationEnd}
            </ul>
          </nav>
        ) : null}
      </div>
      {endSlot}
    </div>
  );
  // With a service name or slots, a <section> is the landmark; otherwise the <nav> is enough (template.njk).
  return props.serviceName || slots.start || endSlot ? (
    <section aria-label={props.ariaLabel ?? "Service information"} {...common}>
      {inner}
    </section>
  ) : (
    <div {...common}>{inner}</div>
  );
}

function NavigationItem({ item }: { item: ServiceNavigationItem }) {
  const active = Boolean(item.active || item.current);
  const current = active ? { "aria-current": item.current ? ("page" as const) : ("true" as const) } : {};
  // Active items are also in <strong>, so users who override colours still see which one it is.
  const content = active ? <strong className="govuk-service-navigation__active-fallback" {...contentProps(item)} /> : null;
  return (
    <li className={classNames("govuk-service-navigation__item", active && "govuk-service-navigation__item--active")}>
      {item.href ? (
        <Link className="govuk-service-navigation__link" href={item.href} {...current} {...attributeProps(item.attributes)} {...(content ? { children: content } : contentProps(item))} />
      ) : hasContent(item) ? (
        <span className="govuk-service-navigation__text" {...current} {...(content ? { children: content } : contentProps(item))} />
      ) : null}
    </li>
  );
}
