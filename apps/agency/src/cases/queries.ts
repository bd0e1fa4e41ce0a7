import { periodToAddress } from "@complaints/domain";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api, procedureQuery, type QueryOutput } from "@complaints/client";

/** What the case import pages ask the API for (packages/api's `cases` router). */
export type CasesOverview = QueryOutput<"cases.overview">;
export type CaseImportResult = Awaited<ReturnType<typeof api.cases.finishUpload.mutate>>;
export type FigureCases = QueryOutput<"cases.figure">;

export const overviewQuery = (organisationCode: string) => procedureQuery("cases.overview", { organisationCode });

/** The body's case import settings: timescales, saved mappings, the last import. */
export function useCasesOverview(organisationCode: string) {
  return useQuery(overviewQuery(organisationCode));
}

/**
 * The fields of a quarter's return that link to their cases: those the body's stored cases give
 * for the quarter (none for a body that never imported a case file). Empty while loading, or for a
 * user who may not read the case import (`enabled` false), so the page never waits for them.
 * `periodCode` as the API writes it ("2026-27 Q2").
 */
export function useCaseLinkFields(organisationCode: string, periodCode: string, enabled: boolean): ReadonlySet<string> {
  const quarter = useQuery({
    ...procedureQuery("cases.quarterFields", { organisationCode, period: periodCode }),
    enabled,
  });
  const fields = enabled ? quarter.data?.fields : undefined;
  return useMemo(() => (fields && fields.length > 0 ? new Set(fields) : noFields), [fields]);
}

const noFields: ReadonlySet<string> = new Set();

/** `/ORG/returns/2026-27-q2` (router paths, under the app's /agency basename): the return, whose pages extend it. */
export function returnPath(organisationCode: string, periodCode: string): string {
  return `/${organisationCode}/returns/${periodToAddress(periodCode)}`;
}

/** `/ORG/returns/2026-27-q2/cases`. */
export function casesPath(organisationCode: string, periodCode: string): string {
  return `${returnPath(organisationCode, periodCode)}/cases`;
}

/** `/ORG/returns/2026-27-q2/cases/received_by_channel.online`: the cases behind one figure. */
export function figurePath(organisationCode: string, periodCode: string, field: string): string {
  return `${casesPath(organisationCode, periodCode)}/${encodeURIComponent(field)}`;
}

/** `/ORG/cases/mapping`: mappings and timescales. */
export function settingsPath(organisationCode: string): string {
  return `/${organisationCode}/cases/mapping`;
}
