import { listCurrentReturns, type CurrentReturn } from "@complaints/db";
import {
  currentTemplate,
  DomainError,
  formatPeriodCode,
  formatPeriodLabel,
  isActiveIn,
  periodFromIndex,
  periodIndex,
  requirePeriod,
  sentStatuses,
  subtreeCodes,
  templateFields,
  type Organisation,
  type ReportingPeriod,
  type ReturnStatus,
} from "@complaints/domain";
import {
  aggregateReturns,
  compareToBenchmark,
  computeMeasures,
  emergingThemes,
  funnelPlot,
  measures,
  sumReturns,
  xmr,
  type BenchmarkComparison,
  type FunnelInput,
  type ImprovementDirection,
  type MeasureDeclaration,
  type Polarity,
  type ReturnForAggregation,
  type Sums,
  type ThemeSeries,
} from "@complaints/metrics";
import { assertInScope } from "../scope.ts";
import type { ServiceContext } from "./actor.ts";

/**
 * Oversight metrics for the portal (DESIGN.md section 3): every statistic comes from the metrics
 * package; this file only chooses which returns count, groups them and shapes the answer.
 *
 * Which returns count: those sent to the department (domain `sentStatuses`: approved by the body's
 * senior accountable officer, or accepted), each with its last revision sent, so an accepted return
 * reopened for correction counts with its accepted figures until the correction is approved. Drafts,
 * returns awaiting sign-off and returns back with the body are left out. Figures not yet accepted
 * by the department are provisional (flagged, GSS shorthand [p]).
 *
 * Values: proportions as 0–1, rates per 10,000, means in working days. Anything that cannot be
 * calculated is null (never NaN, which JSON cannot carry).
 */
export const countedStatuses: readonly ReturnStatus[] = sentStatuses;

/** Default length of trend and theme series: 12 quarters, the fewest that give XmR limits that are not trial limits. */
export const defaultQuarters = 12;
/** Longest series a caller may ask for (25 years). */
const maxQuarters = 100;
const allTime = { from: 0, to: 2_147_483_647 };

export type ComparisonResult = BenchmarkComparison | "not compared";

export interface IntervalOut {
  lower: number;
  upper: number;
}

export interface MeasureCell {
  id: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** Returns that reported every field of the measure. */
  returns: number;
  /** Wilson (proportions) or Byar / exact Poisson (rates); null for means and where it cannot be calculated. */
  interval95: IntervalOut | null;
  interval998: IntervalOut | null;
}

export interface ComparedCell extends MeasureCell {
  /** Against the department benchmark at 95% and at 99.8% (Fingertips). */
  comparison95: ComparisonResult;
  comparison998: ComparisonResult;
}

export interface MeasureInfo {
  id: string;
  label: string;
  kind: MeasureDeclaration["kind"];
  polarity: Polarity;
}

export interface PeriodChoice {
  period?: string | undefined;
  financialYear?: string | undefined;
}

function finite(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

function interval(lower: number | null, upper: number | null): IntervalOut | null {
  const l = finite(lower);
  const u = finite(upper);
  return l === null || u === null ? null : { lower: l, upper: u };
}

/** What a department-and-period answer is about, said the same way by every procedure. */
function heading(department: Organisation, input: PeriodChoice, label: string) {
  return { departmentCode: department.code, departmentName: department.name, period: input.period ?? null, financialYear: input.financialYear ?? null, label };
}

function measureInfo(m: MeasureDeclaration): MeasureInfo {
  return { id: m.id, label: m.label, kind: m.kind, polarity: m.polarity };
}

function measureById(id: string): MeasureDeclaration {
  const m = measures.find((x) => x.id === id);
  if (!m) throw new DomainError("INVALID_INPUT", `There is no measure called ${id}.`);
  return m;
}

function departmentIn(ctx: ServiceContext, code: string): Organisation {
  assertInScope(ctx.scope, code);
  const org = ctx.scope.organisations.find((o) => o.code === code);
  if (!org || org.kind !== "department") throw new DomainError("INVALID_INPUT", `${code} is not a department.`);
  return org;
}

/** Every body below a department (closed ones too: their past returns still count in their quarters). */
function bodiesBelow(ctx: ServiceContext, departmentCode: string): Organisation[] {
  const below = new Set(subtreeCodes(ctx.scope.organisations, departmentCode));
  return ctx.scope.organisations.filter((o) => o.kind === "body" && below.has(o.code));
}

function forAggregation(r: CurrentReturn): ReturnForAggregation {
  return { organisationCode: r.organisationCode, period: r.period, values: r.values };
}

/** A quarter, or the four quarters of a financial year (`2025-26`). */
export function quartersChosen(choice: PeriodChoice): { periods: ReportingPeriod[]; label: string } {
  if (choice.period !== undefined && choice.financialYear === undefined) {
    const period = requirePeriod(choice.period);
    return { periods: [period], label: formatPeriodLabel(period) };
  }
  if (choice.financialYear !== undefined && choice.period === undefined) {
    const startYear = Number(choice.financialYear.slice(0, 4));
    const periods = ([1, 2, 3, 4] as const).map((quarter) => ({ startYear, quarter }));
    return { periods, label: `Apr ${startYear} to Mar ${startYear + 1}` };
  }
  throw new DomainError("INVALID_INPUT", "Choose either a quarter or a financial year.");
}

/** Current revisions that count (see `countedStatuses`) for these organisations and quarters, with values: two queries. */
function countedReturns(ctx: ServiceContext, codes: readonly string[], fromIndex: number, toIndex: number, withValues = true) {
  return listCurrentReturns(ctx.db, codes, fromIndex, toIndex, { revision: "sent", withValues });
}

function measureCells(sums: Sums, chosen: readonly MeasureDeclaration[]): MeasureCell[] {
  const at95 = new Map(computeMeasures(sums, 0.95).map((m) => [m.id, m]));
  const at998 = new Map(computeMeasures(sums, 0.998).map((m) => [m.id, m]));
  return chosen.map((m) => {
    const a = at95.get(m.id)!;
    const b = at998.get(m.id)!;
    return {
      id: m.id,
      value: finite(a.value),
      numerator: a.numerator,
      denominator: a.denominator,
      returns: a.returns,
      interval95: interval(a.lower, a.upper),
      interval998: interval(b.lower, b.upper),
    };
  });
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
export async function compareBodies(ctx: ServiceContext, input: PeriodChoice & { departmentCode: string; measures?: readonly string[] | undefined }) {
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

function improvementOf(polarity: Polarity): ImprovementDirection {
  return polarity === "higher-is-better" ? "increase" : polarity === "lower-is-better" ? "decrease" : "neither";
}

/**
 * The quarters a series covers: `to` defaults to the latest quarter with a counted return (one
 * query without values), `from` to `defaultQuarters` − 1 quarters before `to`. Null when nothing
 * has been reported and no range was given.
 */
async function seriesRange(ctx: ServiceContext, codes: readonly string[], from: string | undefined, to: string | undefined): Promise<{ fromIndex: number; toIndex: number } | null> {
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

function quarterRange(fromIndex: number, toIndex: number): string[] {
  return Array.from({ length: toIndex - fromIndex + 1 }, (_, k) => formatPeriodCode(periodFromIndex(fromIndex + k)));
}

/**
 * A measure quarter by quarter for a body, or for a department (the pooled aggregate of its
 * bodies), with an XmR chart over it (Making Data Count). Quarters without a value are null and
 * keep their place. The direction of improvement comes from the measure's polarity.
 */
export async function measureTrend(ctx: ServiceContext, input: { organisationCode: string; measure: string; from?: string | undefined; to?: string | undefined }) {
  assertInScope(ctx.scope, input.organisationCode);
  const org = ctx.scope.organisations.find((o) => o.code === input.organisationCode);
  if (!org) throw new DomainError("NOT_FOUND", `There is no organisation with code ${input.organisationCode}.`);
  const measure = measureById(input.measure);
  const codes = org.kind === "body" ? [org.code] : bodiesBelow(ctx, org.code).map((b) => b.code);
  const base = { organisationCode: org.code, name: org.name, kind: org.kind, measure: measureInfo(measure), countedStatuses };

  const range = await seriesRange(ctx, codes, input.from, input.to);
  if (!range) return { ...base, from: null, to: null, points: [], chart: null };
  const list = await countedReturns(ctx, codes, range.fromIndex, range.toIndex);
  const byPeriod = new Map(aggregateReturns(list.map(forAggregation), "period").map((g) => [g.key, g]));
  const cells = quarterRange(range.fromIndex, range.toIndex).map((period) => {
    const group = byPeriod.get(period);
    const cell = group ? measureCells(group.sums, [measure])[0]! : null;
    return { period, group, cell };
  });
  const values = cells.map((c) => c.cell?.value ?? null);
  const chart = values.some((v) => v !== null) ? xmr(values, { improvement: improvementOf(measure.polarity) }) : null;

  return {
    ...base,
    from: formatPeriodCode(periodFromIndex(range.fromIndex)),
    to: formatPeriodCode(periodFromIndex(range.toIndex)),
    points: cells.map((c, i) => {
      const p = chart?.points[i];
      return {
        period: c.period,
        periodLabel: formatPeriodLabel(requirePeriod(c.period)),
        value: c.cell?.value ?? null,
        numerator: c.cell?.numerator ?? null,
        denominator: c.cell?.denominator ?? null,
        /** Bodies whose returns count in this quarter (1 or 0 for a body). */
        bodies: c.group?.organisations.length ?? 0,
        interval95: c.cell?.interval95 ?? null,
        specialCause: p?.specialCause ?? null,
        variation: p?.variation ?? "common-cause",
      };
    }),
    chart: chart
      ? {
          mean: finite(chart.mean),
          upperLimit: finite(chart.upperLimit),
          lowerLimit: finite(chart.lowerLimit),
          upperTwoSigma: finite(chart.upperTwoSigma),
          lowerTwoSigma: finite(chart.lowerTwoSigma),
          trial: chart.trial,
          improvement: improvementOf(measure.polarity),
          variation: chart.variation,
        }
      : null,
  };
}

/**
 * Funnel plot of a proportion measure across a department's bodies for a quarter or financial
 * year (PHEindicatormethods limits; optional Spiegelhalter over-dispersion adjustment). Bodies
 * that did not report the measure, had nothing to count, or whose figures are inconsistent are
 * listed as excluded rather than plotted.
 */
export async function funnelForDepartment(ctx: ServiceContext, input: PeriodChoice & { departmentCode: string; measure: string; overdispersion?: boolean | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const measure = measureById(input.measure);
  if (measure.kind !== "proportion") {
    throw new DomainError("INVALID_INPUT", `A funnel plot needs a proportion; ‘${measure.label}’ is ${measure.kind === "mean" ? "an average" : "a rate per 10,000"}.`);
  }
  const { periods, label } = quartersChosen(input);
  const bodies = bodiesBelow(ctx, department.code);
  const expected = bodies.filter((b) => periods.some((p) => isActiveIn(b, p)));
  const indexes = periods.map(periodIndex);
  const list = await countedReturns(ctx, bodies.map((b) => b.code), Math.min(...indexes), Math.max(...indexes));
  const nameOf = new Map(bodies.map((b) => [b.code, b.name]));

  const plotted: FunnelInput[] = [];
  const excluded: { organisationCode: string; name: string; reason: string }[] = [];
  for (const group of aggregateReturns(list.map(forAggregation), "organisation")) {
    const total = group.sums.measures[measure.id] ?? { numerator: 0, denominator: 0, returns: 0 };
    const reason =
      total.returns === 0
        ? "did not report the figures for this measure"
        : total.denominator === 0
          ? "had nothing to count (denominator 0)"
          : total.numerator < 0 || total.numerator > total.denominator
            ? "figures are inconsistent (numerator above denominator)"
            : null;
    if (reason) excluded.push({ organisationCode: group.key, name: nameOf.get(group.key) ?? group.key, reason });
    else plotted.push({ id: group.key, numerator: total.numerator, denominator: total.denominator });
  }
  const plot = funnelPlot(plotted, { overdispersion: input.overdispersion ?? false });
  return {
    ...heading(department, input, label),
    measure: measureInfo(measure),
    countedStatuses,
    bodies: { expected: expected.length, included: plotted.length },
    pooledProportion: finite(plot.pooledProportion),
    overdispersion: plot.overdispersion ? { phi: finite(plot.overdispersion.phi), tau2: plot.overdispersion.tau2 } : null,
    points: plot.points.map((p) => ({
      organisationCode: p.id,
      name: nameOf.get(p.id) ?? p.id,
      numerator: p.numerator,
      denominator: p.denominator,
      proportion: p.proportion,
      zScore: finite(p.zScore),
      limits95: interval(p.limits95.lower, p.limits95.upper),
      limits998: interval(p.limits998.lower, p.limits998.upper),
      outside95: p.outside95,
      outside998: p.outside998,
      side: p.side,
    })),
    excluded,
  };
}

/** Theme fields of the template (`theme_*`), in form order, labelled for a table. */
function themeFields() {
  return templateFields(currentTemplate)
    .filter((f) => f.section === "themes" && f.id.startsWith("theme_"))
    .map((f) => {
      const short = f.label.replace(/^Theme: /, "");
      return { id: f.id, label: short.charAt(0).toUpperCase() + short.slice(1) };
    });
}

/**
 * Complaint theme counts by body and quarter and for the department as a whole (the sum over the
 * bodies whose returns count that quarter), each series flagged when its latest quarter is an
 * emerging theme: special-cause high on an XmR chart (metrics `emergingThemes`).
 */
export async function themesForDepartment(ctx: ServiceContext, input: { departmentCode: string; from?: string | undefined; to?: string | undefined }) {
  const department = departmentIn(ctx, input.departmentCode);
  const bodies = bodiesBelow(ctx, department.code);
  const codes = bodies.map((b) => b.code);
  const themes = themeFields();
  const labelOf = new Map(themes.map((t) => [t.id, t.label]));
  const nameOf = new Map([...bodies.map((b): [string, string] => [b.code, b.name]), [department.code, department.name]]);
  const base = { departmentCode: department.code, departmentName: department.name, countedStatuses, themes };

  const range = await seriesRange(ctx, codes, input.from, input.to);
  if (!range) return { ...base, from: null, to: null, periods: [], department: { bodies: [], series: [] }, bodies: [], emerging: [] };
  const periods = quarterRange(range.fromIndex, range.toIndex);
  const list = await countedReturns(ctx, codes, range.fromIndex, range.toIndex);

  const numberOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const byPeriod = new Map(aggregateReturns(list.map(forAggregation), "period").map((g) => [g.key, g]));
  const departmentSeries = new Map(
    themes.map((t) => [
      t.id,
      periods.map((p) => {
        const total = byPeriod.get(p)?.sums.fields[t.id];
        return total && total.reported > 0 ? total.sum : null;
      }),
    ]),
  );
  const bodySeries = new Map<string, Map<string, (number | null)[]>>();
  for (const code of [...new Set(list.map((r) => r.organisationCode))].toSorted()) {
    const own = new Map(list.filter((r) => r.organisationCode === code).map((r) => [r.period, r.values]));
    bodySeries.set(code, new Map(themes.map((t) => [t.id, periods.map((p) => numberOrNull(own.get(p)?.[t.id]))])));
  }

  const asThemeSeries = (key: string, series: Map<string, (number | null)[]>): ThemeSeries[] =>
    [...series.entries()].map(([theme, values]) => ({ key, theme, points: periods.map((period, i) => ({ period, value: values[i] ?? null })) }));
  const found = emergingThemes([
    ...asThemeSeries(department.code, departmentSeries),
    ...[...bodySeries.entries()].flatMap(([code, series]) => asThemeSeries(code, series)),
  ]);
  const emergingOf = new Map(found.map((e) => [`${e.key}\u0000${e.theme}`, e.reason]));
  const flagged = (key: string, series: Map<string, (number | null)[]>) =>
    [...series.entries()].map(([theme, values]) => ({ theme, values, emerging: emergingOf.get(`${key}\u0000${theme}`) ?? null }));

  return {
    ...base,
    from: periods[0]!,
    to: periods.at(-1)!,
    periods: periods.map((period) => ({ period, periodLabel: formatPeriodLabel(requirePeriod(period)) })),
    department: {
      /** Bodies whose returns count, per quarter: the department totals are over these. */
      bodies: periods.map((p) => byPeriod.get(p)?.organisations.length ?? 0),
      series: flagged(department.code, departmentSeries),
    },
    bodies: [...bodySeries.entries()].map(([code, series]) => ({ organisationCode: code, name: nameOf.get(code) ?? code, series: flagged(code, series) })),
    emerging: found.map((e) => ({
      scope: e.key === department.code ? ("department" as const) : ("body" as const),
      organisationCode: e.key,
      name: nameOf.get(e.key) ?? e.key,
      theme: e.theme,
      themeLabel: labelOf.get(e.theme) ?? e.theme,
      period: e.period,
      value: e.value,
      reason: e.reason,
      mean: finite(e.mean),
      upperLimit: finite(e.upperLimit),
      trial: e.trial,
    })),
  };
}
