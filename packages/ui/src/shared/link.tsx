import { createContext, useContext, type AnchorHTMLAttributes, type ReactNode } from "react";

/**
 * What a component passes to render one of its links: the anchor's attributes as React props,
 * with `href` always set. Content is `children`, or `dangerouslySetInnerHTML` for a macro's `html`
 * option (so the default `<a>` keeps the fixture's markup).
 */
export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ReactNode };

/** Renders a link; an app supplies one that renders its router's link (see README.md). */
export type RenderLink = (props: LinkProps) => ReactNode;

/** A plain `<a>`: what govuk-frontend renders, and what a page without a router gets. */
export const renderAnchor: RenderLink = (props) => <a {...props} />;

const LinkContext = createContext<RenderLink>(renderAnchor);

/**
 * Sets how every link inside renders, once near the app's root, e.g. with react-router:
 * `<LinkProvider renderLink={({ href, ...rest }) => <RouterLink to={href} {...rest} />}>`.
 * One mechanism for all components, so no component grows its own link prop.
 */
export function LinkProvider(props: { renderLink: RenderLink; children?: ReactNode }) {
  return <LinkContext value={props.renderLink}>{props.children}</LinkContext>;
}

/** A link rendered the app's way (a plain `<a>` unless a LinkProvider says otherwise). */
export function Link(props: LinkProps) {
  const renderLink = useContext(LinkContext);
  return <>{renderLink(props)}</>;
}
