import { periodToAddress } from "@complaints/domain/browser";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../app/trpc.ts";

/** What the case import pages ask the API for (packages/api's `cases` router). */
export type CasesOverview = Awaited<ReturnType<typeof api.cases.overview.query>>;
export type CaseImportResult = Awaited<ReturnType<typeof api.cases.finishUpload.mutate>>;
export type FigureCases = Awaited<ReturnType<typeof api.cases.figure.query>>;

export const overviewKey = (organisationCode: string) => ["cases.overview", organisationCode] as const;

/** The body's case import settings: timescales, saved mappings, the last import. `enabled` false for a user who may not read them. */
export function useCasesOverview(organisationCode: string, enabled = true) {
  return useQuery({ queryKey: overviewKey(organisationCode), queryFn: () => api.cases.overview.query({ organisationCode }), enabled });
}

/**
 * The fields of a return that link to their cases: those the case file gives, once the body has
 * imported one and has cases stored (a body that never did sees no links). Empty while loading.
 */
export function useCaseLinkFields(organisationCode: string, enabled: boolean): ReadonlySet<string> {
  const overview = useCasesOverview(organisationCode, enabled);
  const data = enabled ? overview.data : undefined;
  return useMemo(() => (data && data.lastImport !== null && data.storedCases > 0 ? new Set(data.computedFields) : noFields), [data]);
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
