import { aggregateReturns, compareToBenchmark, measures, sumReturns, type BenchmarkComparison, type Polarity } from "@complaints/metrics";
import { formatPeriodCode, isActiveIn, periodIndex } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { measureById, measureCells, measureInfo, type IntervalOut, type MeasureCell } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, departmentIn, forAggregation, heading, quartersChosen, type PeriodInput } from "./selection.ts";

export type ComparisonResult = BenchmarkComparison | "not compared";

export interface ComparedCell extends MeasureCell {
  /** Against the department benchmark at 95% and at 99.8% (Fingertips). */
  comparison95: ComparisonResult;
  comparison998: ComparisonResult;
}

/** compareToBenchmark, but "not compared" where a value, interval or benchmark is missing (it throws then). */
function compareSafely(value: number | null, limits: IntervalOut | null, benchmark: number | null, polarity: Polarity): ComparisonResult {
  if (value === null || limits === null || benchmark === null) return "not compared";
  return compareToBenchmark({ value, lower: limits.lower, upper: limits.upper }, benchmark, polarity);
}

/**
 * Bodies of a department side by side for a quarter or a financial year: each chosen measure
 * (default all) with its value, 95% and 99.8% intervals, and how it compares with the department
 * benchmark. The benchmark is the department's pooled aggregate — the counts of every included
 * return summed, then the ratio taken — never an average of the bodies' percentages.
 */
export async function compareBodies(ctx: ServiceContext, input: PeriodInput & { departmentCode: string; measures?: readonly string[] | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const { periods, label } = quartersChosen(input);
  const chosen = input.measures && input.measures.length > 0 ? [...new Set(input.measures)].map(measureById) : [...measures];
  const bodies = bodiesBelow(ctx, department.code);
  const expected = bodies.filter((b) => periods.some((p) => isActiveIn(b, p)));
  const indexes = periods.map(periodIndex);
  const list = await countedReturns(ctx, bodies.map((b) => b.code), Math.min(...indexes), Math.max(...indexes));

  const byBody = aggregateReturns(list.map(forAggregation), "organisation");
  const pooled = measureCells(sumReturns(list.map(forAggregation)), chosen);
  const benchmarkOf = new Map(pooled.map((c) => [c.id, c.value]));
  const polarityOf = new Map(chosen.map((m) => [m.id, m.polarity]));
  const provisionalCodes = new Set(list.filter((r) => r.status !== "accepted").map((r) => r.organisationCode));
  const nameOf = new Map(bodies.map((b) => [b.code, b.name]));

  const rows = byBody.map((group) => ({
    organisationCode: group.key,
    name: nameOf.get(group.key) ?? group.key,
    periods: group.periods,
    provisional: provisionalCodes.has(group.key),
    measures: measureCells(group.sums, chosen).map(
      (cell): ComparedCell => ({
        ...cell,
        comparison95: compareSafely(cell.value, cell.interval95, benchmarkOf.get(cell.id) ?? null, polarityOf.get(cell.id)!),
        comparison998: compareSafely(cell.value, cell.interval998, benchmarkOf.get(cell.id) ?? null, polarityOf.get(cell.id)!),
      }),
    ),
  }));
  const included = new Set(rows.map((r) => r.organisationCode));
  return {
    ...heading(department, input, label),
    periods: periods.map(formatPeriodCode),
    countedStatuses,
    measures: chosen.map(measureInfo),
    /** "32 of 40 bodies": bodies active in the period, and those with returns that count. */
    bodies: { expected: expected.length, included: rows.length },
    missing: expected.filter((b) => !included.has(b.code)).map((b) => ({ organisationCode: b.code, name: b.name })),
    benchmark: { returns: list.length, provisional: provisionalCodes.size > 0, measures: pooled },
    rows,
  };
}

