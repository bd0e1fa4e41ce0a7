import { useQueryClient } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { GenericHeader, OrganisationSwitcher, ServiceNavigation, SkipLink, type ServiceNavigationItem } from "../pages/govuk-pending.tsx";
import { useMe } from "./auth.tsx";
import { serviceName } from "./page-title.ts";
import { api } from "./trpc.ts";

const base = "/agency";

/**
 * Links inside the app are plain `<a href="/agency/…">` (the packages/ui components know nothing of
 * the router): a click on one is handled by the router instead of loading the page again.
 */
function useRouterLinks() {
  const navigate = useNavigate();
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a");
      if (!link || link.target || link.hasAttribute("download")) return;
      const href = link.getAttribute("href");
      if (!href || !(href === base || href.startsWith(`${base}/`))) return;
      event.preventDefault();
      void navigate(href.slice(base.length) || "/");
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [navigate]);
}

/**
 * The page frame every page shares: skip link, the generic header (an internal service, not a page
 * on GOV.UK), service navigation with the body's pages and "Sign out", and the main content area
 * the skip link reaches.
 */
export function Layout({ children }: { children: ReactNode }) {
  useRouterLinks();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onSignIn = location.pathname === "/sign-in";
  const me = useMe();
  const user = onSignIn ? undefined : me.data;
  const body = user?.organisation?.kind === "body" ? user.organisation : null;

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

  async function signOut() {
    try {
      await api.auth.signOut.mutate();
    } finally {
      // Nothing of this user's stays in memory for whoever signs in next in this browser.
      queryClient.clear();
      void navigate("/sign-in", { replace: true });
    }
  }

  // Users act for one organisation today (auth.me); the switcher appears once someone acts for more.
  const organisations = user?.organisation ? [user.organisation] : [];

  return (
    <>
      <SkipLink />
      <GenericHeader logoText="Complaints oversight" url={`${base}/`} />
      <ServiceNavigation
        serviceName={serviceName}
        serviceUrl={`${base}/`}
        navigation={navigation}
        onItemClick={(item, event) => {
          if (item.text !== "Sign out") return;
          event.preventDefault();
          void signOut();
        }}
      />
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
