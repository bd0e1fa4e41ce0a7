import { PhaseBanner, ServiceFrame, type ServiceNavigationItem } from "@complaints/ui";
import type { ReactNode } from "react";
import { useLocation, useNavigationType } from "react-router";
import { useAppIdentity } from "./app-shell.tsx";
import { useMe } from "./auth.tsx";
import { useServicePages } from "./service-pages.ts";

/** The standard pages every GOV.UK service links from its footer, at the same address in both apps. */
export const standardPagePaths = { help: "/help", accessibility: "/accessibility", cookies: "/cookies", privacy: "/privacy" } as const;

/**
 * The frame of every page of either app (packages/ui's ServiceFrame): the app's own sections, then
 * who is signed in (their name, linking to their account page) and "Sign out"; the phase banner the
 * department configured; and the footer's support links. The sign-in and sign-out pages show no one.
 */
export function AppFrame({ navigation, aboveMain, children }: { navigation: ServiceNavigationItem[]; aboveMain?: ReactNode; children: ReactNode }) {
  const { serviceName, base } = useAppIdentity();
  const location = useLocation();
  // A redirect inside the app on first load (an address that picks its latest quarter) is still part
  // of that load, so it does not move focus as a navigation would.
  const redirected = useNavigationType() === "REPLACE";
  const onSignIn = location.pathname === "/sign-in" || location.pathname === "/sign-out";
  const me = useMe();
  const user = onSignIn ? undefined : me.data;
  const pages = useServicePages().data;

  const items = [...navigation];
  if (user) {
    items.push(
      {
        // The name is what shows; "Your account" is read out before it, so the link says where it goes.
        children: (
          <>
            <span className="govuk-visually-hidden">Your account: </span>
            {user.displayName}
          </>
        ),
        href: `${base}/account`,
        current: location.pathname === "/account",
        active: location.pathname === "/account",
      },
      { text: "Sign out", href: `${base}/sign-out` },
    );
  }
  const feedbackUrl = pages?.feedbackUrl ?? `${base}${standardPagePaths.help}`;
  const phase = pages?.phase ?? "none";

  return (
    <ServiceFrame
      serviceName={serviceName}
      homeUrl={`${base}/`}
      navigation={items}
      page={location.hash ? null : location.pathname}
      redirected={redirected}
      aboveMain={aboveMain}
      belowHeader={
        phase === "none" ? null : (
          <PhaseBanner tag={{ text: phase === "alpha" ? "Alpha" : "Beta" }}>
            This is a new service. Help us improve it by{" "}
            <a className="govuk-link" href={feedbackUrl}>
              giving your feedback
            </a>
            .
          </PhaseBanner>
        )
      }
      footerLinks={[
        { text: "Help and contact", href: `${base}${standardPagePaths.help}` },
        { text: "Accessibility statement", href: `${base}${standardPagePaths.accessibility}` },
        { text: "Cookies", href: `${base}${standardPagePaths.cookies}` },
        { text: "Privacy notice", href: `${base}${standardPagePaths.privacy}` },
        { text: "Feedback", href: feedbackUrl },
      ]}
    >
      {children}
    </ServiceFrame>
  );
}
