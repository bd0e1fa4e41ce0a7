import { OrganisationSwitcher, type ServiceNavigationItem } from "@complaints/ui";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { AppFrame, useAppIdentity, useMe } from "@complaints/client";


/**
 * The page frame every page shares (packages/client's AppFrame, which adds the signed-in person's
 * account link and "Sign out"), with the body's pages in the service navigation, and the
 * organisation switcher for a user acting for several bodies.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { base } = useAppIdentity();
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

  // A user acting for several bodies (auth.me's organisations) switches between them with the MOJ
  // organisation switcher; everyone else never sees it.
  const organisations = user?.organisations ?? [];

  return (
    <AppFrame
      navigation={navigation}
      aboveMain={organisations.length > 1 && body ? <OrganisationSwitcher text={body.name} link={{ href: `${base}/`, text: "Change organisation" }} /> : null}
    >
      {children}
    </AppFrame>
  );
}
