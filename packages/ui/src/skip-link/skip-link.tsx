import type { MouseEvent } from "react";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, type GovukContent } from "../shared/content.ts";
import { setFocus } from "../shared/set-focus.ts";

/** govuk-frontend `govukSkipLink` (components/skip-link/template.njk); props mirror its macro options. */
export interface SkipLinkProps extends GovukContent {
  href?: string;
  classes?: string;
  attributes?: GovukAttributes;
}

/**
 * A link to the page's main content. It stays a plain `<a>` (an in-page fragment, not a route), and
 * on click moves focus to the target as skip-link.mjs does, since not every browser does so itself.
 */
export function SkipLink(props: SkipLinkProps) {
  const href = props.href || "#content";
  return <a href={href} className={classNames("govuk-skip-link", props.classes)} {...attributeProps(props.attributes)} data-module="govuk-skip-link" onClick={focusTarget} {...contentProps(props)} />;
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const link = event.currentTarget;
  // Only a fragment of this page (skip-link.mjs checks origin and path the same way).
  if (link.origin !== window.location.origin || link.pathname !== window.location.pathname) return;
  const target = link.hash ? document.getElementById(link.hash.slice(1)) : null;
  if (!target) return;
  setFocus(target, {
    onBeforeFocus: () => target.classList.add("govuk-skip-link-focused-element"),
    onBlur: () => target.classList.remove("govuk-skip-link-focused-element"),
  });
}
