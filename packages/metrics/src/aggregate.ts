import { financialYearCode, measureTerms, parsePeriodCode } from "@complaints/domain";
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

// Field totals are worked out only when someone reads `fields`: aggregation runs over every body and
// quarter (16,000 returns at whole-of-government scale) and most callers need only the measures,
// which touch a few fields each instead of all of them.
function fieldTotals(returns: readonly ReturnForAggregation[], parts: readonly Sums[]): Record<string, FieldTotal> {
  const totals = new Map<string, { sum: number; reported: number; missing: number }>();
  const add = (id: string, s: number, r: number, m: number) => {
    const t = totals.get(id);
    if (t) {
      t.sum += s;
      t.reported += r;
      t.missing += m;
    } else totals.set(id, { sum: s, reported: r, missing: m });
  };
  for (const r of returns) {
    for (const id in r.values) {
      const value = r.values[id];
      if (typeof value === "number" && Number.isFinite(value)) add(id, value, 1, 0);
      else if (value === null || (typeof value === "string" && missingMarkers.has(value))) add(id, 0, 0, 1);
    }
  }
  for (const part of parts) for (const [id, f] of Object.entries(part.fields)) add(id, f.sum, f.reported, f.missing);
  return Object.fromEntries(totals);
}

// The distinct fields the measures use, and each measure as signed positions in that list, worked
// out once from the template's declaration (every version declares the same measures).
const measureFields = [...new Set(measures.flatMap((m) => [...measureTerms(m.numerator), ...measureTerms(m.denominator)].map((t) => t.field)))];
const positions = (terms: ReturnType<typeof measureTerms>) => ({
  add: terms.filter((t) => t.sign === 1).map((t) => measureFields.indexOf(t.field)),
  subtract: terms.filter((t) => t.sign === -1).map((t) => measureFields.indexOf(t.field)),
});
const measurePlans = measures.map((m) => ({ numerator: positions(measureTerms(m.numerator)), denominator: positions(measureTerms(m.denominator)) }));
const fieldScratch = new Float64Array(measureFields.length);
const emptyTotals: number[] = measures.flatMap(() => [0, 0, 0]);

/** Running totals of one group (a class, so each group costs one object, not a closure per method). */
class Accumulator {
  readonly sources: ReturnForAggregation[] = [];
  readonly parts: Sums[] = [];
  /** numerator, denominator, returns for each measure in turn (a plain array: small typed arrays are slow to create). */
  readonly totals: number[] = emptyTotals.slice();
  returns = 0;

  addReturn(r: ReturnForAggregation) {
    this.returns += 1;
    this.sources.push(r);
    // Each field the measures use is read once per return (several measures share fields).
    const values = r.values;
    for (let f = 0; f < measureFields.length; f += 1) {
      const v = values[measureFields[f]!];
      fieldScratch[f] = typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
    }
    const totals = this.totals;
    for (let i = 0; i < measurePlans.length; i += 1) {
      const plan = measurePlans[i]!;
      let numerator = 0;
      let denominator = 0;
      for (const f of plan.numerator.add) numerator += fieldScratch[f]!;
      for (const f of plan.numerator.subtract) numerator -= fieldScratch[f]!;
      for (const f of plan.denominator.add) denominator += fieldScratch[f]!;
      for (const f of plan.denominator.subtract) denominator -= fieldScratch[f]!;
      // NaN (a missing field) on either side leaves this return out of the measure.
      if (Number.isNaN(numerator) || Number.isNaN(denominator)) continue;
      totals[i * 3]! += numerator;
      totals[i * 3 + 1]! += denominator;
      totals[i * 3 + 2]! += 1;
    }
  }

  addSums(part: Sums) {
    this.returns += part.returns;
    this.parts.push(part);
    measures.forEach((m, i) => {
      const p = part.measures[m.id];
      if (!p) return;
      this.totals[i * 3]! += p.numerator;
      this.totals[i * 3 + 1]! += p.denominator;
      this.totals[i * 3 + 2]! += p.returns;
    });
  }

  result(): Sums {
    const byId: Record<string, MeasureTotal> = {};
    for (let i = 0; i < measures.length; i += 1) {
      byId[measures[i]!.id] = { numerator: this.totals[i * 3]!, denominator: this.totals[i * 3 + 1]!, returns: this.totals[i * 3 + 2]! };
    }
    return new LazySums(this.returns, byId, this.sources, this.parts);
  }
}

/** Sums whose field totals are computed on first read (a getter on the prototype, cheap to create). */
class LazySums implements Sums {
  #fields: Record<string, FieldTotal> | undefined;
  readonly #sources: readonly ReturnForAggregation[];
  readonly #parts: readonly Sums[];
  readonly measures: Readonly<Record<string, MeasureTotal>>;
  constructor(
    readonly returns: number,
    totals: Readonly<Record<string, MeasureTotal>>,
    sources: readonly ReturnForAggregation[],
    parts: readonly Sums[],
  ) {
    this.measures = totals;
    this.#sources = sources;
    this.#parts = parts;
  }
  get fields(): Readonly<Record<string, FieldTotal>> {
    this.#fields ??= fieldTotals(this.#sources, this.#parts);
    return this.#fields;
  }
  /** Plain data when serialised (tRPC, JSON). */
  toJSON() {
    return { returns: this.returns, fields: this.fields, measures: this.measures };
  }
}

/** Adds sums together; aggregating A ∪ B equals merging the sums of A and of B. */
export function mergeSums(...parts: readonly Sums[]): Sums {
  const acc = new Accumulator();
  for (const part of parts) acc.addSums(part);
  return acc.result();
}

/** Sums a set of returns into one group. */
export function sumReturns(returns: readonly ReturnForAggregation[]): Sums {
  const acc = new Accumulator();
  for (const r of returns) acc.addReturn(r);
  return acc.result();
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
  // One pass: each return goes straight into its group's running totals. Most groups have one
  // organisation or one period, so a set is made only when a second one turns up.
  const groups = new Map<string, { acc: Accumulator; organisations: Distinct; periods: Distinct }>();
  for (const r of returns) {
    const key = keyOf(r);
    const group = groups.get(key);
    if (group) {
      group.acc.addReturn(r);
      group.organisations = withValue(group.organisations, r.organisationCode);
      group.periods = withValue(group.periods, r.period);
    } else {
      const acc = new Accumulator();
      acc.addReturn(r);
      groups.set(key, { acc, organisations: r.organisationCode, periods: r.period });
    }
  }
  const sorted = (d: Distinct) => (typeof d === "string" ? [d] : [...d].toSorted());
  return [...groups.keys()].toSorted().map((key) => {
    const group = groups.get(key)!;
    return { key, organisations: sorted(group.organisations), periods: sorted(group.periods), sums: group.acc.result() };
  });
}

type Distinct = string | Set<string>;
function withValue(d: Distinct, value: string): Distinct {
  if (typeof d === "string") return d === value ? d : new Set([d, value]);
  d.add(value);
  return d;
}
