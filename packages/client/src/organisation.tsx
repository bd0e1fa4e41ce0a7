import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ServiceProblem } from "./auth.tsx";
import { api, errorCode } from "./trpc.ts";

export type Organisation = Awaited<ReturnType<typeof api.organisations.get.query>>;

export function useOrganisation(code: string) {
  return useQuery({ queryKey: ["organisations.get", code], queryFn: () => api.organisations.get.query({ code }), staleTime: 300_000 });
}

/**
 * Pages of one organisation of a kind (a body's in the agency app, a department's in the portal):
 * the API decides who may see it. Outside the user's scope the page is `noAccess` and shows nothing
 * of the organisation; an unknown or malformed code, or one of the other kind, is `notFound`.
 */
export function OrganisationGate(props: { code: string; kind: Organisation["kind"]; notFound: ReactNode; noAccess: ReactNode; children: (org: Organisation) => ReactNode }) {
  const org = useOrganisation(props.code);
  if (org.isPending) return <p className="govuk-body" role="status">Loading…</p>;
  if (org.isError) {
    const c = errorCode(org.error);
    if (c === "FORBIDDEN") return <>{props.noAccess}</>;
    if (c === "NOT_FOUND" || c === "BAD_REQUEST") return <>{props.notFound}</>;
    return <ServiceProblem />;
  }
  if (org.data.kind !== props.kind) return <>{props.notFound}</>;
  return <>{props.children(org.data)}</>;
}
