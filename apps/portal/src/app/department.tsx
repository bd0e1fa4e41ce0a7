import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { NoAccessPage, NotFoundPage } from "../pages/not-found.tsx";
import { RequireSignIn, ServiceProblem, type Me } from "./auth.tsx";
import { api, errorCode } from "./trpc.ts";

export type Organisation = Awaited<ReturnType<typeof api.organisations.get.query>>;

export function useOrganisation(code: string) {
  return useQuery({ queryKey: ["organisations.get", code], queryFn: () => api.organisations.get.query({ code }), staleTime: 300_000 });
}

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
      {(me) => (departmentOf(me) ? <DepartmentGate code={code} me={me}>{children}</DepartmentGate> : <NoAccessPage />)}
    </RequireSignIn>
  );
}

function DepartmentGate({ code, me, children }: { code: string; me: Me; children: (dept: Organisation, me: Me) => ReactNode }) {
  const org = useOrganisation(code);
  if (org.isPending) return <p className="govuk-body" role="status">Loading…</p>;
  if (org.isError) {
    const c = errorCode(org.error);
    if (c === "FORBIDDEN") return <NoAccessPage />;
    if (c === "NOT_FOUND" || c === "BAD_REQUEST") return <NotFoundPage />;
    return <ServiceProblem />;
  }
  if (org.data.kind !== "department") return <NotFoundPage />;
  return <>{children(org.data, me)}</>;
}

/** A department page whose address is `/portal/:dept/…`. */
export function DepartmentRoute({ children }: { children: (dept: Organisation, me: Me) => ReactNode }) {
  const { dept = "" } = useParams();
  return <RequireDepartment code={dept}>{children}</RequireDepartment>;
}
