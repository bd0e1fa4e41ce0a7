import type { ServiceNavigationItem } from "@complaints/ui";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { AppFrame, useAppIdentity, useMe } from "@complaints/client";
import { isAdministrator } from "../admin/admin-route.tsx";
import { departmentOf } from "./department-route.tsx";

/** The portal's sections, in the order of a quarter's work; `match` is the address prefix that marks a section active (`alsoMatch`: others that do too). */
export function portalSections(dept: string): { text: string; href: string; match: string; alsoMatch?: string[] }[] {
  return [
    { text: "Summary", href: `/${dept}/`, match: `/${dept}/` },
    { text: "Tracker", href: `/${dept}/tracker`, match: `/${dept}/tracker` },
    { text: "Compare", href: `/${dept}/compare`, match: `/${dept}/compare` },
    { text: "Totals", href: `/${dept}/summary`, match: `/${dept}/summary` },
    { text: "Themes", href: `/${dept}/themes`, match: `/${dept}/themes` },
    { text: "Action plans", href: `/${dept}/actions`, match: `/${dept}/actions` },
    { text: "Learning", href: `/${dept}/learning`, match: `/${dept}/learning` },
    // The board packs, and the annual report section they link to.
    { text: "Reports", href: `/${dept}/reports`, match: `/${dept}/reports`, alsoMatch: [`/${dept}/annual-report/`] },
  ];
}

/**
 * The page frame every page shares (packages/client's AppFrame, as in the agency app, which adds the
 * signed-in person's account link and "Sign out"), with the department's sections in the service navigation.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { base } = useAppIdentity();
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
      const active = s.match === `/${dept.code}/` ? path === s.match : [s.match, ...(s.alsoMatch ?? [])].some((m) => path.startsWith(m));
      navigation.push({ text: s.text, href: `${base}${s.href}`, current: path === s.href, active });
    }
  }
  // Administration: shown only to the department's administrators (the pages refuse anyone else too).
  if (dept && user && isAdministrator(user)) navigation.push({ text: "Administration", href: `${base}/${dept.code}/admin`, current: path === `/${dept.code}/admin`, active: path.startsWith(`/${dept.code}/admin`) });

  return (
    <AppFrame navigation={navigation}>{children}</AppFrame>
  );
}
