import { GenericHeader, ServiceNavigation, SkipLink, type ServiceNavigationItem } from "@complaints/ui";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { useMe } from "./auth.tsx";
import { departmentOf } from "./department.tsx";
import { serviceName } from "./page-title.ts";

const base = "/portal";

/** The portal's sections, in the order of a quarter's work; `match` is the address prefix that marks a section active. */
export function portalSections(dept: string): { text: string; href: string; match: string }[] {
  return [
    { text: "Summary", href: `/${dept}/`, match: `/${dept}/` },
    { text: "Tracker", href: `/${dept}/tracker`, match: `/${dept}/tracker` },
    { text: "Compare", href: `/${dept}/compare`, match: `/${dept}/compare` },
    { text: "Themes", href: `/${dept}/themes`, match: `/${dept}/themes` },
    { text: "Action plans", href: `/${dept}/actions`, match: `/${dept}/actions` },
    { text: "Learning", href: `/${dept}/learning`, match: `/${dept}/learning` },
  ];
}

/**
 * The page frame every page shares, as in the agency app: skip link, the generic header, service
 * navigation with the department's sections and "Sign out", and the main content area.
 */
export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const onSignIn = location.pathname === "/sign-in" || location.pathname === "/sign-out";
  const me = useMe();
  const user = onSignIn ? undefined : me.data;
  const dept = user ? departmentOf(user) : null;
  const path = location.pathname;

  const navigation: ServiceNavigationItem[] = [];
  if (dept) {
    const sections = portalSections(dept.code);
    // The summary is active only on itself; every other section on its own addresses.
    for (const s of sections) {
      const active = s.match === `/${dept.code}/` ? path === s.match : path.startsWith(s.match);
      navigation.push({ text: s.text, href: `${base}${s.href}`, current: path === s.href, active });
    }
  }
  if (user) navigation.push({ text: "Sign out", href: `${base}/sign-out` });

  return (
    <>
      <SkipLink text="Skip to main content" href="#main-content" />
      <GenericHeader logoText="Complaints oversight" url={`${base}/`} />
      <ServiceNavigation serviceName={serviceName} serviceUrl={`${base}/`} navigation={navigation} />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">Synthetic demo data: never load it into a real system.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
