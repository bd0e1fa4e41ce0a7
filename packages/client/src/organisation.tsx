import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { NotFoundPage } from "./app-shell.tsx";
import { procedureQuery, type QueryOutput } from "./procedure-query.ts";
import { QueryBoundary } from "./query-boundary.tsx";

export type Organisation = QueryOutput<"organisations.get">;

export function useOrganisation(code: string) {
  return useQuery({ ...procedureQuery("organisations.get", { code }), staleTime: 300_000 });
}

/**
 * Pages of one organisation of a kind (a body's in the agency app, a department's in the portal):
 * the API decides who may see it. Outside the user's scope the page is "You do not have access" and
 * shows nothing of the organisation; an unknown or malformed code, or one of the other kind, is "Page not found".
 */
export function OrganisationGate(props: { code: string; kind: Organisation["kind"]; children: (org: Organisation) => ReactNode }) {
  const org = useOrganisation(props.code);
  return <QueryBoundary queries={[org]}>{(found) => (found.kind === props.kind ? props.children(found) : <NotFoundPage />)}</QueryBoundary>;
}
