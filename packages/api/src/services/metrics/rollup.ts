import { currentTemplate, financialYearCode, formatPeriodCode, outputFields, quartersTaken, type FieldDeclaration, type FieldId, type QuartersTaken, formatPeriodLabel, groupFieldId, isActiveIn, periodIndex, requirePeriod, specialPaymentThreshold, templates, type Organisation, type ReportingPeriod } from "@complaints/domain";
import { matchedPanel, measures, sumReturns, type LeftOutReason, type ReturnForAggregation } from "@complaints/metrics";
import type { ServiceContext } from "../actor.ts";
import { measureCells, measureInfo, type MeasureCell } from "./cells.ts";
import { bodiesBelow, countedReturns, countedStatuses, departmentIn, forAggregation, heading, quartersChosen, type PeriodInput } from "./selection.ts";

/**
 * The department roll-up: a department's totals and measures for a quarter or a financial year, and
 * the same by body type. Counts are summed over the returns that count (selection.ts), then every
 * measure is recomputed from the sums (metrics `sumReturns`, `computeMeasures`): percentages are
 * never averaged. `current` is everyone who has sent so far, labelled with its coverage and never
 * given a change; `comparison` sets the period beside the same period a year earlier over the
 * matched panel only (metrics `matchedPanel`: the body-quarters counted in both years).
 */

/**
 * How a field adds up over a period, as the template declares it (`quartersTaken`): flows add over
 * quarters; complaints open at the start of a financial year are those open at the start of its first
 * quarter, those open at the end (and levels such as staff time) come from its last quarter's returns.
 * For one quarter, all three are the same returns.
 */
export type FieldAggregation = "flow" | "opening" | "closing";

const aggregationOf: Record<QuartersTaken, FieldAggregation> = { all: "flow", first: "opening", last: "closing" };

/** The main count fields of the roll-up, in the order the page shows them (the template's `rollup` output). */
export const rollupFields: readonly FieldDeclaration<FieldId>[] = outputFields(currentTemplate, "rollup");

/**
 * Fields the roll-up page does not show but the annual report complaints section needs (the
 * template's `annual-report` output): the Ombudsman's figures, payments of compensation for
 * maladministration, and the cost and staff time of handling complaints.
 */
export const reportFields: readonly FieldDeclaration<FieldId>[] = outputFields(currentTemplate, "annual-report");

export interface RollupFieldInfo {
  id: string;
  label: string;
  /** "count", "money" (pence) or "fte" (full-time equivalent staff, one decimal place). */
  type: "count" | "money" | "fte";
  aggregation: FieldAggregation;
}

/** One special payment over £300,000 as a version 2 return lists it (template v2 group `special_payments`). */
export interface SpecialPaymentItem {
  organisationCode: string;
  period: string;
  /** Pence. */
  amount: number;
  datePaid: string | null;
  description: string;
}

/**
 * Special payments over £300,000 (Managing Public Money: disclosed individually). Template v1 asked
 * for a count (`special_payments_over_threshold`); v2 lists each payment (`special_payments.N.*`),
 * so a v2 return that lists none reports none. `count` adds both; only v2's have amounts.
 */
export interface SpecialPaymentsFigures {
  /** Pence: the threshold a payment must exceed. */
  threshold: number;
  count: number;
  /** The payments v2 returns listed, largest first. */
  items: SpecialPaymentItem[];
  /** Payments v1 returns counted without amounts. */
  countedWithoutAmounts: number;
  /** Returns that said how many there were (a v1 count, or any v2 return), and v1 returns that did not. */
  reported: number;
  missing: number;
}

export interface FieldCell {
  id: string;
  /** The sum over the returns that gave a number; null when none did. Money in pence. */
  value: number | null;
  /** Returns that gave a number, and those that gave `[x]`, `[z]` or nothing. */
  reported: number;
  missing: number;
}

export interface RollupFigures {
  /** Bodies active in the period (expected to report) and bodies with at least one return that counts. */
  bodies: { expected: number; counted: number };
  returns: number;
  /** Quarters of the period with at least one return that counts. */
  quartersReported: number;
  /**
   * Each quarter of the period: the bodies active in it (expected to send a return) and the returns
   * that count. A quarter with fewer returns than bodies expected is incomplete.
   */
  quarters: { period: string; expected: number; returns: number }[];
  /** Some returns counted are not yet accepted by the department. */
  provisional: boolean;
  /**
   * The cost of handling complaints (pence) and complaints closed at either stage, over only the
   * returns that gave the cost and both counts of complaints closed, so a cost per complaint closed
   * divides like by like (the annual report section).
   */
  costAndClosed: { returns: number; cost: number; closed: number };
  fields: FieldCell[];
  /** `reportFields`, for the annual report section. */
  reportFields: FieldCell[];
  specialPayments: SpecialPaymentsFigures;
  measures: MeasureCell[];
}

export type Direction = "up" | "down" | "no change" | "not compared";

export interface Change {
  direction: Direction;
  /** Relative change in percent (counts, rates and means); null without a figure a year earlier, or from 0. */
  percent: number | null;
  /** Difference in percentage points (proportions only). */
  points: number | null;
  /** "up 12%", "down 3.1 percentage points", "no change", "up from 0", "not compared". */
  words: string;
}

/**
 * The 95% intervals of this period and of a year earlier side by side: "similar" when they overlap,
 * otherwise "higher" or "lower". Non-overlapping 95% intervals mean a real difference; overlapping
 * ones do not prove there is none (the test is conservative), so "similar" means "no clear change".
 */
export type IntervalComparison = "similar" | "higher" | "lower" | "not compared";

export interface FieldChange extends Change {
  id: string;
}

export interface MeasureChange extends Change {
  id: string;
  intervals: IntervalComparison;
}

export interface RollupChanges {
  fields: FieldChange[];
  measures: MeasureChange[];
}

/** Who a comparison with a year earlier covers: the matched panel, in the organisations' names. */
export interface PanelCoverage {
  /** Bodies expected to report in the period. */
  expected: number;
  /** Bodies with at least one quarter counted in both years. */
  covered: { organisationCode: string; name: string }[];
  /** Covered bodies with quarters left out, and those quarters ("Oct to Dec 2026"). */
  partly: { organisationCode: string; name: string; quarters: string[]; words: string }[];
  /** Bodies with no quarter in both years, with why in words ("no return counted for Jul to Sep 2025"). */
  leftOut: { organisationCode: string; name: string; reason: LeftOutReason; words: string }[];
  /** The panel covers half the bodies expected or fewer: lead with coverage and give no headline change. */
  lowCoverage: boolean;
}

/** The period beside the same period a year earlier, both over the matched panel, and the changes. */
export interface RollupComparison {
  panel: PanelCoverage;
  current: RollupFigures;
  previousYear: RollupFigures;
  changes: RollupChanges;
}

const relative = (now: number, then: number) => ((now - then) / Math.abs(then)) * 100;

/** One decimal place, dropping ".0": 12 → "12", 3.14 → "3.1". */
function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The change from a year earlier, in words that round the way people read them. */
export function describeChange(now: number | null, then: number | null, kind: "count" | "proportion" | "other"): Change {
  if (now === null || then === null) return { direction: "not compared", percent: null, points: null, words: "not compared" };
  if (now === then) return { direction: "no change", percent: 0, points: kind === "proportion" ? 0 : null, words: "no change" };
  const direction: Direction = now > then ? "up" : "down";
  if (kind === "proportion") {
    const points = (now - then) * 100;
    const size = Math.abs(points) < 0.05 ? "less than 0.1" : oneDecimal(Math.abs(points));
    return { direction, percent: then === 0 ? null : relative(now, then), points, words: `${direction} ${size} percentage ${size === "1" ? "point" : "points"}` };
  }
  if (then === 0) return { direction, percent: null, points: null, words: `${direction} from 0` };
  const percent = relative(now, then);
  const size = Math.abs(percent) < 0.5 ? "less than 1" : String(Math.round(Math.abs(percent)));
  return { direction, percent, points: null, words: `${direction} ${size}%` };
}

export function compareIntervals(now: MeasureCell, then: MeasureCell): IntervalComparison {
  const a = now.interval95;
  const b = then.interval95;
  if (!a || !b || now.value === null || then.value === null) return "not compared";
  if (a.lower > b.upper) return "higher";
  if (a.upper < b.lower) return "lower";
  return "similar";
}

function changesBetween(now: RollupFigures, then: RollupFigures): RollupChanges {
  const thenField = new Map(then.fields.map((f) => [f.id, f]));
  const thenMeasure = new Map(then.measures.map((m) => [m.id, m]));
  const kindOf = new Map(measures.map((m) => [m.id, m.kind]));
  return {
    fields: now.fields.map((f) => ({ id: f.id, ...describeChange(f.value, thenField.get(f.id)?.value ?? null, "count") })),
    measures: now.measures.map((m) => {
      const before = thenMeasure.get(m.id)!;
      return { id: m.id, ...describeChange(m.value, before.value, kindOf.get(m.id) === "proportion" ? "proportion" : "other"), intervals: compareIntervals(m, before) };
    }),
  };
}

type Counted = Awaited<ReturnType<typeof countedReturns>>[number];

const v1Count = "special_payments_over_threshold";

/** The special payments over £300,000 in some counted returns (see `SpecialPaymentsFigures`). */
export function specialPaymentsIn(list: readonly Counted[]): SpecialPaymentsFigures {
  const items: SpecialPaymentItem[] = [];
  let countedWithoutAmounts = 0;
  let reported = 0;
  let missing = 0;
  for (const r of list) {
    const template = templates[r.templateVersion];
    const group = template?.groups.find((g) => g.id === "special_payments");
    if (group) {
      reported += 1;
      for (let item = 1; item <= group.maxItems; item += 1) {
        const amount = r.values[groupFieldId(group.id, item, "amount")];
        if (typeof amount !== "number") continue;
        const date = r.values[groupFieldId(group.id, item, "date_paid")];
        const description = r.values[groupFieldId(group.id, item, "description")];
        items.push({ organisationCode: r.organisationCode, period: r.period, amount, datePaid: typeof date === "string" ? date : null, description: typeof description === "string" ? description : "" });
      }
    } else {
      const count = r.values[v1Count];
      if (typeof count === "number") {
        reported += 1;
        countedWithoutAmounts += count;
      } else missing += 1;
    }
  }
  items.sort((a, b) => b.amount - a.amount || a.organisationCode.localeCompare(b.organisationCode) || a.period.localeCompare(b.period));
  return { threshold: specialPaymentThreshold, count: items.length + countedWithoutAmounts, items, countedWithoutAmounts, reported, missing };
}

const fieldCell = (source: Record<QuartersTaken, ReturnType<typeof sumReturns>>, field: FieldDeclaration<FieldId>): FieldCell => {
  const total = source[quartersTaken(field)].fields[field.id];
  return { id: field.id, value: total && total.reported > 0 ? total.sum : null, reported: total?.reported ?? 0, missing: total?.missing ?? 0 };
};

/** The cost of handling complaints and the complaints closed at either stage it is divided by. */
const costFields = { cost: "handling_cost", closed: ["er_closed", "cl_closed"] } as const satisfies { cost: FieldId; closed: readonly FieldId[] };

/** See `RollupFigures.costAndClosed`. */
function costAndClosedIn(list: readonly Counted[]): RollupFigures["costAndClosed"] {
  const total = { returns: 0, cost: 0, closed: 0 };
  for (const r of list) {
    const cost = r.values[costFields.cost];
    const closed = costFields.closed.map((id) => r.values[id]);
    if (typeof cost !== "number" || !closed.every((v): v is number => typeof v === "number")) continue;
    total.returns += 1;
    total.cost += cost;
    total.closed += closed.reduce((a, b) => a + b, 0);
  }
  return total;
}

/** Totals and measures of some bodies' counted returns over the quarters of a period. */
function figures(bodies: readonly Organisation[], periods: readonly ReportingPeriod[], all: readonly Counted[]): RollupFigures {
  const codes = new Set(bodies.map((b) => b.code));
  const indexes = new Set(periods.map(periodIndex));
  const list = all.filter((r) => codes.has(r.organisationCode) && indexes.has(r.periodIndex));
  const first = formatPeriodCode(periods[0]!);
  const last = formatPeriodCode(periods[periods.length - 1]!);
  const toAggregate = (rs: readonly Counted[]): ReturnForAggregation[] => rs.map(forAggregation);
  const whole = sumReturns(toAggregate(list));
  const opening = sumReturns(toAggregate(list.filter((r) => r.period === first)));
  const closing = sumReturns(toAggregate(list.filter((r) => r.period === last)));
  const sourceOf = { all: whole, first: opening, last: closing };
  return {
    bodies: { expected: bodies.filter((b) => periods.some((p) => isActiveIn(b, p))).length, counted: new Set(list.map((r) => r.organisationCode)).size },
    returns: list.length,
    quartersReported: new Set(list.map((r) => r.period)).size,
    quarters: periods.map((p) => {
      const code = formatPeriodCode(p);
      return { period: code, expected: bodies.filter((b) => isActiveIn(b, p)).length, returns: list.filter((r) => r.period === code).length };
    }),
    costAndClosed: costAndClosedIn(list),
    provisional: list.some((r) => r.status !== "accepted"),
    fields: rollupFields.map((f) => fieldCell(sourceOf, f)),
    reportFields: reportFields.map((f) => fieldCell(sourceOf, f)),
    specialPayments: specialPaymentsIn(list),
    measures: measureCells(whole, measures),
  };
}

/** The same quarter, or the same financial year, one year earlier. */
function yearEarlier(choice: PeriodInput): PeriodInput {
  if (choice.financialYear !== undefined) {
    return { financialYear: financialYearCode(Number(choice.financialYear.slice(0, 4)) - 1) };
  }
  const { periods } = quartersChosen(choice);
  const p = periods[0]!;
  return { period: formatPeriodCode({ startYear: p.startYear - 1, quarter: p.quarter }) };
}

const quarterLabel = (code: string) => formatPeriodLabel(requirePeriod(code));

/** Why a body is left out of the comparison, in the words every output prints. */
function leftOutWords(reason: LeftOutReason, now: string, then: string): string {
  switch (reason) {
    case "not-sent":
      return `no return counts for ${now} yet`;
    case "none-earlier":
      return `no return counted for ${then}`;
    case "no-quarter-in-both":
      return `no quarter counted in both ${now} and ${then}`;
    case "not-expected":
      return `not open in ${now}`;
  }
}

/**
 * A group of bodies' figures over the matched panel of the two periods (metrics `matchedPanel`),
 * the changes between them, and who the panel covers.
 */
function comparisonOver(group: readonly Organisation[], current: { periods: ReportingPeriod[]; label: string }, earlier: { periods: ReportingPeriod[]; label: string }, list: readonly Counted[]): RollupComparison {
  const now = current.periods.map(formatPeriodCode);
  const then = earlier.periods.map(formatPeriodCode);
  const panel = matchedPanel({
    bodies: group.map((b) => ({ key: b.code, name: b.name, expected: current.periods.some((p) => isActiveIn(b, p)) })),
    current: now,
    earlier: then,
    counted: list.map((r) => ({ key: r.organisationCode, period: r.period })),
  });
  const inNow = new Set(panel.pairs.map((p) => `${p.key} ${p.current}`));
  const inThen = new Set(panel.pairs.map((p) => `${p.key} ${p.earlier}`));
  const matched = list.filter((r) => inNow.has(`${r.organisationCode} ${r.period}`) || inThen.has(`${r.organisationCode} ${r.period}`));
  const nowFigures = figures(group, current.periods, matched);
  const thenFigures = figures(group, earlier.periods, matched);
  return {
    panel: {
      expected: panel.expected,
      covered: panel.covered.map((b) => ({ organisationCode: b.key, name: b.name })),
      partly: panel.partly.map((b) => {
        const quarters = b.quarters.map(quarterLabel);
        return { organisationCode: b.key, name: b.name, quarters, words: `${quarters.join(", ")} left out: not counted in both years` };
      }),
      leftOut: panel.leftOut.map((b) => ({ organisationCode: b.key, name: b.name, reason: b.reason, words: leftOutWords(b.reason, current.label, earlier.label) })),
      lowCoverage: panel.lowCoverage,
    },
    current: nowFigures,
    previousYear: thenFigures,
    changes: changesBetween(nowFigures, thenFigures),
  };
}

export async function departmentRollup(ctx: ServiceContext, input: PeriodInput & { departmentCode: string }) {
  const department = departmentIn(ctx, input.departmentCode);
  const current = quartersChosen(input);
  const earlierChoice = yearEarlier(input);
  const earlier = quartersChosen(earlierChoice);
  const bodies = bodiesBelow(ctx, department.code);
  const indexes = [...current.periods, ...earlier.periods].map(periodIndex);
  // One read for both periods: the year earlier comes first, so the smallest index is its first quarter.
  const list = await countedReturns(ctx, bodies.map((b) => b.code), Math.min(...indexes), Math.max(...indexes));

  const side = (group: readonly Organisation[]): { current: RollupFigures; comparison: RollupComparison } => ({
    current: figures(group, current.periods, list),
    comparison: comparisonOver(group, current, earlier, list),
  });

  // The body types the department has, alphabetically.
  const types = [...new Set(bodies.map((b) => b.bodyType))];
  const info = (f: FieldDeclaration): RollupFieldInfo => ({ id: f.id, label: f.label, type: f.type === "money" || f.type === "fte" ? f.type : "count", aggregation: aggregationOf[quartersTaken(f)] });
  return {
    ...heading(department, input, current.label),
    periods: current.periods.map(formatPeriodCode),
    /** The same quarter, or financial year, a year earlier. */
    yearEarlier: { period: earlierChoice.period ?? null, financialYear: earlierChoice.financialYear ?? null, label: earlier.label, periods: earlier.periods.map(formatPeriodCode) },
    countedStatuses,
    fields: rollupFields.map(info),
    /** The fields of `reportFields`, for the annual report section (the page shows `fields`). */
    reportFields: reportFields.map(info),
    measures: measures.map(measureInfo),
    /** The department: everyone who has sent so far (no change), and the matched comparison with a year earlier. */
    ...side(bodies),
    byBodyType: types
      .map((bodyType) => ({ bodyType, ...side(bodies.filter((b) => b.bodyType === bodyType)) }))
      // A type none of whose bodies was expected or reported in either period (all closed) says nothing.
      .filter((g) => g.current.bodies.expected + g.current.bodies.counted + g.comparison.panel.leftOut.length > 0)
      .sort((a, b) => a.bodyType.localeCompare(b.bodyType, "en-GB")),
  };
}
