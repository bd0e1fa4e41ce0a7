import { useRef, type ReactNode } from "react";
import { GenericHeader } from "../generic-header/generic-header.tsx";
import { Link } from "../shared/link.tsx";
import { ServiceNavigation, type ServiceNavigationItem } from "../service-navigation/service-navigation.tsx";
import { SkipLink } from "../skip-link/skip-link.tsx";
import { useFocusHeadingOnNavigate } from "./focus-heading.ts";

export interface ServiceFrameProps {
  serviceName: string;
  /** The service's start page (`/agency/`, `/portal/`): the header and the service name link there. */
  homeUrl: string;
  navigation: ServiceNavigationItem[];
  /** Under the service navigation, before the width container: the phase banner. */
  belowHeader?: ReactNode;
  /** The footer's support links (help, accessibility statement, cookies, privacy, feedback). */
  footerLinks?: { text: string; href: string }[];
  /** Shown above the main content area, inside the width container (the MOJ organisation switcher). */
  aboveMain?: ReactNode;
  /**
   * The page's address (its path): when it changes, focus moves to the new page's main heading.
   * Null for an address that points at something on the page (a `#figure`), which scrolls there.
   */
  page?: string | null;
  /** The address was replaced (a redirect), not navigated to: on the first page loaded, focus stays where a page load leaves it. */
  redirected?: boolean;
  children: ReactNode;
}

/**
 * The page frame both apps share: skip link, the generic header (an internal service, not a page on
 * GOV.UK), service navigation, the phase banner, the main content area the skip link reaches, and a
 * footer with the support links and a line saying the data is synthetic.
 */
export function ServiceFrame({ serviceName, homeUrl, navigation, belowHeader, footerLinks = [], aboveMain, page = null, redirected = false, children }: ServiceFrameProps) {
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(page, main, redirected);
  return (
    <>
      <SkipLink text="Skip to main content" href="#main-content" />
      <GenericHeader logoText="Complaints oversight" url={homeUrl} />
      <ServiceNavigation serviceName={serviceName} serviceUrl={homeUrl} navigation={navigation} />
      {belowHeader}
      <div className="govuk-width-container">
        {aboveMain}
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              {/* govukFooter's meta items (components/footer/template.njk), without the Crown copyright of GOV.UK's own pages. */}
              {footerLinks.length > 0 ? (
                <>
                  <h2 className="govuk-visually-hidden">Support links</h2>
                  <ul className="govuk-footer__inline-list">
                    {footerLinks.map((l) => (
                      <li key={l.href} className="govuk-footer__inline-list-item">
                        <Link className="govuk-footer__link" href={l.href}>
                          {l.text}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p className="govuk-body-s">Synthetic demo data: never load it into a real system.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
