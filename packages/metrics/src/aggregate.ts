import { financialYearCode, parsePeriodCode } from "@complaints/domain";
import { measures } from "./measures.ts";

/**
 * Aggregation of quarterly returns: sum the counts, then recompute every ratio from the sums
 * (`computeMeasures`). Percentages are never averaged (DESIGN.md section 3; GSS guidance on
 * combining rates: a ratio of totals, not a mean of ratios).
 */

/** One return's values keyed by template field id. A marker (`[x]`, `[z]`) or null is missing; other text is ignored. */
export interface ReturnForAggregation {
  readonly organisationCode: string;
  /** `2025-26 Q1` */
  readonly period: string;
  readonly values: Readonly<Record<string, number | string | null>>;
}

export interface FieldTotal {
  readonly sum: number;
  /** Returns that gave a number for this field. */
  readonly reported: number;
  /** Returns that gave `[x]`, `[z]` or left it blank: the caller can say "not available" or "based on n of m". */
  readonly missing: number;
}

/**
 * Numerator and denominator of one measure summed over the returns that reported every field
 * the measure uses, so a body missing one side never distorts the ratio.
 */
export interface MeasureTotal {
  readonly numerator: number;
  readonly denominator: number;
  readonly returns: number;
}

export interface Sums {
  readonly returns: number;
  readonly fields: Readonly<Record<string, FieldTotal>>;
  readonly measures: Readonly<Record<string, MeasureTotal>>;
}

export interface AggregateGroup {
  readonly key: string;
  readonly organisations: readonly string[];
  readonly periods: readonly string[];
  readonly sums: Sums;
}

/**
 * How to group returns: by organisation code, by quarter, by financial year (four quarters),
 * everything in one group ('all', key "all"), or any function of the return (for example a
 * department or peer group looked up from the organisation code).
 */
export type GroupBy = "organisation" | "period" | "financialYear" | "all" | ((r: ReturnForAggregation) => string);

/** `2025-26 Q3` → `2025-26`. Throws RangeError for anything that is not a period code. */
export function financialYearOf(period: string): string {
  const parsed = parsePeriodCode(period);
  if (!parsed) throw new RangeError(`not a reporting period: ${JSON.stringify(period)}`);
  return financialYearCode(parsed.startYear);
}

const missingMarkers = new Set(["[x]", "[z]"]);

function emptySums(): { returns: number; fields: Record<string, FieldTotal>; measures: Record<string, MeasureTotal> } {
  return {
    returns: 0,
    fields: {},
    measures: Object.fromEntries(measures.map((m) => [m.id, { numerator: 0, denominator: 0, returns: 0 }])),
  };
}

function sumOne(r: ReturnForAggregation): Sums {
  const out = emptySums();
  out.returns = 1;
  for (const [id, value] of Object.entries(r.values)) {
    if (typeof value === "number" && Number.isFinite(value)) out.fields[id] = { sum: value, reported: 1, missing: 0 };
    else if (value === null || (typeof value === "string" && missingMarkers.has(value))) {
      out.fields[id] = { sum: 0, reported: 0, missing: 1 };
    }
  }
  for (const m of measures) {
    const num = m.numerator.map((id) => r.values[id]);
    const den = m.denominator.map((id) => r.values[id]);
    const all = [...num, ...den];
    if (all.every((v) => typeof v === "number" && Number.isFinite(v))) {
      out.measures[m.id] = {
        numerator: (num as number[]).reduce((a, b) => a + b, 0),
        denominator: (den as number[]).reduce((a, b) => a + b, 0),
        returns: 1,
      };
    }
  }
  return out;
}

/** Adds sums together; aggregating A ∪ B equals merging the sums of A and of B. */
export function mergeSums(...parts: readonly Sums[]): Sums {
  const out = emptySums();
  for (const part of parts) {
    out.returns += part.returns;
    for (const [id, t] of Object.entries(part.fields)) {
      const prev = out.fields[id] ?? { sum: 0, reported: 0, missing: 0 };
      out.fields[id] = { sum: prev.sum + t.sum, reported: prev.reported + t.reported, missing: prev.missing + t.missing };
    }
    for (const [id, t] of Object.entries(part.measures)) {
      const prev = out.measures[id] ?? { numerator: 0, denominator: 0, returns: 0 };
      out.measures[id] = {
        numerator: prev.numerator + t.numerator,
        denominator: prev.denominator + t.denominator,
        returns: prev.returns + t.returns,
      };
    }
  }
  return out;
}

/** Sums a set of returns into one group. */
export function sumReturns(returns: readonly ReturnForAggregation[]): Sums {
  return mergeSums(...returns.map(sumOne));
}

function keyFunction(groupBy: GroupBy): (r: ReturnForAggregation) => string {
  if (typeof groupBy === "function") return groupBy;
  switch (groupBy) {
    case "organisation":
      return (r) => r.organisationCode;
    case "period":
      return (r) => r.period;
    case "financialYear":
      return (r) => financialYearOf(r.period);
    case "all":
      return () => "all";
  }
}

/** Groups returns and sums each group; groups come back sorted by key (period codes sort in time order). */
export function aggregateReturns(returns: readonly ReturnForAggregation[], groupBy: GroupBy): AggregateGroup[] {
  const keyOf = keyFunction(groupBy);
  const groups = new Map<string, ReturnForAggregation[]>();
  for (const r of returns) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => ({
      key,
      organisations: [...new Set(list.map((r) => r.organisationCode))].toSorted(),
      periods: [...new Set(list.map((r) => r.period))].toSorted(),
      sums: sumReturns(list),
    }));
}
