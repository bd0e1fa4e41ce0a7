import { listCurrentReturns, type CurrentReturn } from "@complaints/db";
import {
  DomainError,
  formatPeriodCode,
  formatPeriodLabel,
  periodChoiceSpan,
  periodFromIndex,
  periodIndex,
  requirePeriod,
  sentStatuses,
  subtreeCodes,
  type Organisation,
  type ReportingPeriod,
  type ReturnStatus,
} from "@complaints/domain";
import type { ReturnForAggregation } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";

/**
 * Oversight metrics for the portal (DESIGN.md section 3): every statistic comes from the metrics
 * package; this file chooses which returns count and which quarters and bodies a question covers; the
 * other files of this folder group them and shape each answer.
 *
 * Which returns count: those sent to the department (domain `sentStatuses`: approved by the body's
 * senior accountable officer, or accepted), each with its last revision sent, so an accepted return
 * reopened for correction counts with its accepted figures until the correction is approved. Drafts,
 * returns awaiting sign-off and returns back with the body are left out. Figures not yet accepted
 * by the department are provisional (flagged, GSS shorthand [p]).
 *
 * Values: proportions as 0–1, rates per 10,000, means in the unit their measure declares. Anything that cannot be
 * calculated is null (never NaN, which JSON cannot carry).
 */
export const countedStatuses: readonly ReturnStatus[] = sentStatuses;

/** Default length of trend and theme series: 12 quarters, the fewest that give XmR limits that are not trial limits. */
export const defaultQuarters = 12;
/** Longest series a caller may ask for (25 years). */
const maxQuarters = 100;
const allTime = { from: 0, to: 2_147_483_647 };

/** A quarter or a financial year as procedures take it: exactly one of the two is given (the browser's `PeriodChoice` says which). */
export interface PeriodInput {
  period?: string | undefined;
  financialYear?: string | undefined;
}

/** What a department-and-period answer is about, said the same way by every procedure. */
export function heading(department: Organisation, input: PeriodInput, label: string) {
  return { departmentCode: department.code, departmentName: department.name, period: input.period ?? null, financialYear: input.financialYear ?? null, label };
}

export function departmentIn(ctx: ServiceContext, code: string): Organisation {
  return ctx.scope.organisation(code, "department");
}

/** Every body below a department (closed ones too: their past returns still count in their quarters). */
export function bodiesBelow(ctx: ServiceContext, departmentCode: string): Organisation[] {
  const below = new Set(subtreeCodes(ctx.scope.organisations, departmentCode));
  return ctx.scope.organisations.filter((o) => o.kind === "body" && below.has(o.code));
}

export function forAggregation(r: CurrentReturn): ReturnForAggregation {
  return { organisationCode: r.organisationCode, period: r.period, values: r.values };
}

/** A quarter, or the four quarters of a financial year (`2025-26`). */
export function quartersChosen(choice: PeriodInput): { periods: ReportingPeriod[]; label: string } {
  if (choice.period !== undefined && choice.financialYear === undefined) {
    const period = requirePeriod(choice.period);
    return { periods: [period], label: formatPeriodLabel(period) };
  }
  if (choice.financialYear !== undefined && choice.period === undefined) {
    const startYear = Number(choice.financialYear.slice(0, 4));
    const periods = ([1, 2, 3, 4] as const).map((quarter) => ({ startYear, quarter }));
    return { periods, label: periodChoiceSpan({ kind: "year", financialYear: choice.financialYear }) };
  }
  throw new DomainError("INVALID_INPUT", "Choose either a quarter or a financial year.");
}

/** The revisions that count (see `countedStatuses`) for these organisations and quarters, with values: two queries. */
export function countedReturns(ctx: ServiceContext, codes: readonly string[], fromIndex: number, toIndex: number, withValues = true) {
  return listCurrentReturns(ctx.db, codes, fromIndex, toIndex, { revision: "sent", withValues });
}

/**
 * The quarters a series covers: `to` defaults to the latest quarter with a counted return (one
 * query without values), `from` to `defaultQuarters` − 1 quarters before `to`. Null when nothing
 * has been reported and no range was given.
 */
export async function seriesRange(ctx: ServiceContext, codes: readonly string[], from: string | undefined, to: string | undefined): Promise<{ fromIndex: number; toIndex: number } | null> {
  const fromGiven = from === undefined ? null : periodIndex(requirePeriod(from));
  let toIndex = to === undefined ? null : periodIndex(requirePeriod(to));
  if (toIndex === null) {
    const heads = await countedReturns(ctx, codes, fromGiven ?? allTime.from, allTime.to, false);
    const latest = heads.length > 0 ? Math.max(...heads.map((h) => h.periodIndex)) : null;
    toIndex = latest ?? fromGiven;
  }
  if (toIndex === null) return null;
  const fromIndex = fromGiven ?? toIndex - defaultQuarters + 1;
  if (fromIndex > toIndex) throw new DomainError("INVALID_INPUT", "The first quarter must not be after the last quarter.");
  if (toIndex - fromIndex + 1 > maxQuarters) throw new DomainError("INVALID_INPUT", `Choose at most ${maxQuarters} quarters.`);
  return { fromIndex, toIndex };
}

export function quarterRange(fromIndex: number, toIndex: number): string[] {
  return Array.from({ length: toIndex - fromIndex + 1 }, (_, k) => formatPeriodCode(periodFromIndex(fromIndex + k)));
}

