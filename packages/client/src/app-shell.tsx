import { QueryClientProvider } from "@tanstack/react-query";
import { LinkProvider, NoAccess, PageNotFound, type RenderLink } from "@complaints/ui";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { BrowserRouter, Link as RouterLink } from "react-router";
import { queryClient } from "./query.ts";

/** What differs between the two browser apps' frames: the service's name, where it is served, and what its start page is called. */
export interface AppIdentity {
  /** "Complaints returns", "Department portal": the second part of every page title. */
  serviceName: string;
  /** Where the app is served ("/agency"): the router's basename. */
  base: string;
  /** The words of the link back to the app's start page on "Page not found" and "You do not have access". */
  homeText: string;
}

const IdentityContext = createContext<AppIdentity>({ serviceName: "", base: "", homeText: "" });

export function useAppIdentity(): AppIdentity {
  return useContext(IdentityContext);
}

/**
 * Everything a page of either app sits in: the query cache, the router under the app's base, and
 * links that go through the router for the app's own pages (no page load) while others, downloads
 * and new windows stay plain links (packages/ui's components render their links this way).
 */
export function AppShell({ identity, children }: { identity: AppIdentity; children: ReactNode }) {
  const { base } = identity;
  const renderLink: RenderLink = ({ href, ...rest }) =>
    (href === base || href.startsWith(`${base}/`)) && !rest.download && !rest.target ? <RouterLink to={href.slice(base.length) || "/"} {...rest} /> : <a href={href} {...rest} />;
  return (
    <IdentityContext.Provider value={identity}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename={base}>
          <LinkProvider renderLink={renderLink}>{children}</LinkProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </IdentityContext.Provider>
  );
}

/** Sets the document title as GOV.UK pages do: "Page – Service – GOV.UK" less GOV.UK, "Error: " first when the page shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  const { serviceName } = useAppIdentity();
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} – ${serviceName}`;
  }, [title, hasErrors, serviceName]);
}

export function NotFoundPage() {
  const { base, homeText } = useAppIdentity();
  usePageTitle("Page not found");
  return <PageNotFound homeHref={`${base}/`} homeText={homeText} />;
}

export function NoAccessPage() {
  const { base, homeText } = useAppIdentity();
  usePageTitle("You do not have access");
  return <NoAccess homeHref={`${base}/`} homeText={homeText} />;
}
