import { currentCaseImport, getCaseImport, type CaseImportRecord } from "@complaints/db";
import { caseComputedFields, casesBehindFigure, computeCaseReturns, currentTemplate, DomainError, formatPeriodLabel, requirePeriod, templateFields, ukDateOf, type CaseRow, type CaseSettings, type Organisation } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { getReturnFor } from "../returns.ts";

import { quarterCases } from "./stored.ts";
import { caseSettingsOf, caseSettingsOfImport } from "./settings.ts";

export const casesPerPage = 50;

export interface CasesBehind {
  period: string;
  field: string;
  /** The template's question. */
  label: string;
  /** The figure: the sum of the amounts (a count, working days, or pence). */
  total: number;
  /** Cases behind it. */
  count: number;
  cases: { ref: string; amount: number }[];
  /** 1-based; `pages` is at least 1. */
  page: number;
  pages: number;
}

/**
 * The stored cases behind a quarter's figures as the caller sees them, with the settings they were
 * computed with; null when there are none. A department's users see the return last sent to them
 * (refused, naming only its status, when none has been) and the cases of the import it was computed
 * from, not those of a correction being prepared. A body's users see the return being worked on:
 * the cases of the import its current revision was computed from or, for a quarter not computed
 * from cases, the body's current cases.
 */
async function quarterCasesSeen(ctx: ServiceContext, org: Organisation, period: string): Promise<{ cases: CaseRow[]; settings: CaseSettings } | null> {
  const seen = await getReturnFor(ctx, org.code, period);
  let caseImport: CaseImportRecord | null;
  if (ctx.scope.actsFor === "department") {
    const label = formatPeriodLabel(requirePeriod(period));
    if (!seen) throw new DomainError("NOT_FOUND", `${org.name} has not sent a return for ${label}.`);
    if (!seen.caseImportId) throw new DomainError("NOT_FOUND", `The return ${org.name} sent for ${label} was not computed from a case file, so no cases lie behind its figures.`);
    caseImport = await getCaseImport(ctx.db, seen.caseImportId);
  } else {
    caseImport = seen?.caseImportId ? await getCaseImport(ctx.db, seen.caseImportId) : await currentCaseImport(ctx.db, org.code);
  }
  if (!caseImport) return null;
  return { cases: await quarterCases(ctx.db, caseImport.id, period), settings: await caseSettingsOfImport(ctx.db, org, caseImport) };
}

/**
 * The stored cases behind one computed figure of a quarter, a page at a time, with the same rules
 * as the computation (the domain's `casesBehindFigure`). A department's users see them once the
 * body has sent that quarter's return, as they see the return itself: those of the revision sent.
 */
export async function casesBehind(ctx: ServiceContext, input: { organisationCode: string; period: string; field: string; page: number }): Promise<CasesBehind> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  requirePeriod(input.period);
  const seen = await quarterCasesSeen(ctx, org, input.period);
  const field = templateFields(currentTemplate, org.serviceAreas).find((f) => f.id === input.field);
  if (!field) throw new DomainError("INVALID_INPUT", `“${input.field}” is not a field of the return.`);
  const settings = seen?.settings ?? (await caseSettingsOf(ctx.db, org));
  if (!caseComputedFields(settings).includes(field.id)) throw new DomainError("INVALID_INPUT", `‘${field.label}’ is not computed from the case file, so no cases lie behind it.`);
  const behind = seen ? casesBehindFigure(seen.cases, input.period, input.field, settings, ukDateOf(ctx.now)) : [];
  const pages = Math.max(1, Math.ceil(behind.length / casesPerPage));
  const page = Math.min(Math.max(1, input.page), pages);
  return {
    period: input.period,
    field: input.field,
    label: field.label,
    total: behind.reduce((sum, c) => sum + c.amount, 0),
    count: behind.length,
    cases: behind.slice((page - 1) * casesPerPage, page * casesPerPage),
    page,
    pages,
  };
}

/**
 * The figures of one quarter that the stored cases give (those its figures were computed from, as
 * `casesBehind` reads them), for the links from the return's section pages and "check your answers"
 * to the cases behind each figure. None when the body has no cases stored, or none reaching the
 * quarter; not a breakdown the computation left for the user (a case received in the quarter has no
 * channel, say), whose cases would not add up to it.
 */
export async function quarterCaseFields(ctx: ServiceContext, input: { organisationCode: string; period: string }): Promise<{ period: string; fields: string[] }> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  requirePeriod(input.period);
  const seen = await quarterCasesSeen(ctx, org, input.period);
  const quarter = seen && computeCaseReturns(seen.cases, seen.settings, ukDateOf(ctx.now)).find((q) => q.period === input.period);
  return { period: input.period, fields: quarter ? Object.keys(quarter.values) : [] };
}
