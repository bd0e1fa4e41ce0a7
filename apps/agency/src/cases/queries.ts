import { periodToAddress } from "@complaints/domain/browser";
import { useQuery } from "@tanstack/react-query";
import { api } from "../app/trpc.ts";

/** What the case import pages ask the API for (packages/api's `cases` router). */
export type CasesOverview = Awaited<ReturnType<typeof api.cases.overview.query>>;
export type CaseImportResult = Awaited<ReturnType<typeof api.cases.finishUpload.mutate>>;
export type FigureCases = Awaited<ReturnType<typeof api.cases.figure.query>>;

export const overviewKey = (organisationCode: string) => ["cases.overview", organisationCode] as const;

/** The body's case import settings: timescales, saved mappings, the last import. */
export function useCasesOverview(organisationCode: string) {
  return useQuery({ queryKey: overviewKey(organisationCode), queryFn: () => api.cases.overview.query({ organisationCode }) });
}

/** `/ORG/returns/2026-27-q2/cases` (router paths, under the app's /agency basename). */
export function casesPath(organisationCode: string, periodCode: string): string {
  return `/${organisationCode}/returns/${periodToAddress(periodCode)}/cases`;
}

/** `/ORG/returns/2026-27-q2/cases/received_by_channel.online`: the cases behind one figure. */
export function figurePath(organisationCode: string, periodCode: string, field: string): string {
  return `${casesPath(organisationCode, periodCode)}/${encodeURIComponent(field)}`;
}

/** `/ORG/cases/mapping`: mappings and timescales. */
export function settingsPath(organisationCode: string): string {
  return `/${organisationCode}/cases/mapping`;
}
