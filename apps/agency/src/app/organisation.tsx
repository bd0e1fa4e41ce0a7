import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { NoAccessPage, NotFoundPage } from "../pages/not-found.tsx";
import { ServiceProblem } from "./auth.tsx";
import { api, errorCode } from "./trpc.ts";

export type Organisation = Awaited<ReturnType<typeof api.organisations.get.query>>;

export function useOrganisation(code: string) {
  return useQuery({ queryKey: ["organisations.get", code], queryFn: () => api.organisations.get.query({ code }), staleTime: 300_000 });
}

/**
 * Pages of one body (`/agency/{ORG}/…`): the API decides who may see it. Outside the user's scope
 * the page says "You do not have access" and shows nothing of the body; an unknown or malformed
 * code, or a department's code, is "Page not found".
 */
export function RequireBody({ code, children }: { code: string; children: (org: Organisation) => ReactNode }) {
  const org = useOrganisation(code);
  if (org.isPending) return <p className="govuk-body" role="status">Loading…</p>;
  if (org.isError) {
    const c = errorCode(org.error);
    if (c === "FORBIDDEN") return <NoAccessPage />;
    if (c === "NOT_FOUND" || c === "BAD_REQUEST") return <NotFoundPage />;
    return <ServiceProblem />;
  }
  if (org.data.kind !== "body") return <NotFoundPage />;
  return <>{children(org.data)}</>;
}
