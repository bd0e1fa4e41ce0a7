import { GenericHeader, OrganisationSwitcher, ServiceNavigation, SkipLink, type ServiceNavigationItem } from "@complaints/ui";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { useMe } from "./auth.tsx";
import { serviceName } from "./page-title.ts";

const base = "/agency";

/**
 * The page frame every page shares: skip link, the generic header (an internal service, not a page
 * on GOV.UK), service navigation with the body's pages and "Sign out" (`/agency/sign-out`), and the
 * main content area the skip link reaches.
 */
export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const onSignIn = location.pathname === "/sign-in" || location.pathname === "/sign-out";
  const me = useMe();
  const user = onSignIn ? undefined : me.data;
  // The body whose pages these are: the one in the address, else the user's only body.
  const bodies = user ? user.organisations.filter((o) => o.kind === "body") : [];
  const inAddress = location.pathname.split("/")[1];
  const body = bodies.find((o) => o.code === inAddress) ?? (bodies.length === 1 ? bodies[0]! : null);

  const navigation: ServiceNavigationItem[] = [];
  if (body) {
    const home = `/${body.code}/`;
    const inActions = location.pathname.startsWith(`/${body.code}/actions`);
    const inReturns = !inActions && location.pathname.startsWith(home);
    navigation.push(
      { text: "Returns", href: `${base}${home}`, current: location.pathname === home, active: inReturns },
      { text: "Action plans", href: `${base}/${body.code}/actions`, current: location.pathname === `/${body.code}/actions`, active: inActions },
    );
  }
  if (user) navigation.push({ text: "Sign out", href: `${base}/sign-out` });

  // A user acting for several bodies (auth.me's organisations) switches between them with the MOJ
  // organisation switcher; everyone else never sees it.
  const organisations = user?.organisations ?? [];

  return (
    <>
      <SkipLink text="Skip to main content" href="#main-content" />
      <GenericHeader logoText="Complaints oversight" url={`${base}/`} />
      <ServiceNavigation serviceName={serviceName} serviceUrl={`${base}/`} navigation={navigation} />
      <div className="govuk-width-container">
        {organisations.length > 1 && body ? <OrganisationSwitcher text={body.name} link={{ href: `${base}/`, text: "Change organisation" }} /> : null}
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
