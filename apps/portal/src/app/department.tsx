import { type Me, NoAccessPage, NotFoundPage, type Organisation, OrganisationGate, RequireSignIn } from "@complaints/client";
import type { ReactNode } from "react";
import { useParams } from "react-router";

export { useOrganisation, type Organisation } from "@complaints/client";

/** The department a department user acts for, or null for anyone else (a body's people use the agency app). */
export function departmentOf(me: Me): { code: string; name: string } | null {
  return me.organisation?.kind === "department" ? me.organisation : null;
}

/**
 * Pages of one department (`/portal/{DEPT}/…`): for its own department users only. The API decides:
 * outside the user's scope the page says "You do not have access" and shows nothing of the
 * department; a body's code, or an unknown or malformed code, is "Page not found".
 */
export function RequireDepartment({ code, children }: { code: string; children: (dept: Organisation, me: Me) => ReactNode }) {
  return (
    <RequireSignIn>
      {(me) =>
        departmentOf(me) ? (
          <OrganisationGate code={code} kind="department" notFound={<NotFoundPage />} noAccess={<NoAccessPage />}>
            {(dept) => children(dept, me)}
          </OrganisationGate>
        ) : (
          <NoAccessPage />
        )
      }
    </RequireSignIn>
  );
}

/** A department page whose address is `/portal/:dept/…`. */
export function DepartmentRoute({ children }: { children: (dept: Organisation, me: Me) => ReactNode }) {
  const { dept = "" } = useParams();
  return <RequireDepartment code={dept}>{children}</RequireDepartment>;
}
