import { DomainError } from "@complaints/domain";
import { computeMeasures, measures, type MeasureDeclaration, type Polarity, type Sums } from "@complaints/metrics";

/** One measure's figures for a group of returns, as the portal shows them; the measures are the template's declaration. */

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

export interface MeasureInfo {
  id: string;
  label: string;
  kind: MeasureDeclaration["kind"];
  polarity: Polarity;
  /** What its figures are in, what its numerator and denominator count, and its decimals: what `formatMeasure` needs. */
  unit: string;
  nouns: { numerator: string; denominator: string };
  decimals: number;
}

export function finite(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

export function interval(lower: number | null, upper: number | null): IntervalOut | null {
  const l = finite(lower);
  const u = finite(upper);
  return l === null || u === null ? null : { lower: l, upper: u };
}

export function measureInfo(m: MeasureDeclaration): MeasureInfo {
  return { id: m.id, label: m.label, kind: m.kind, polarity: m.polarity, unit: m.unit, nouns: m.nouns, decimals: m.decimals };
}

export function measureById(id: string): MeasureDeclaration {
  const m = measures.find((x) => x.id === id);
  if (!m) throw new DomainError("INVALID_INPUT", `There is no measure called ${id}.`);
  return m;
}

export function measureCells(sums: Sums, chosen: readonly MeasureDeclaration[]): MeasureCell[] {
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

