import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";

/**
 * Reference values read from peer projects' own tests (PHEindicatormethods, NHSRplotthedots,
 * FunnelPlotR, nhspy-plotthedots). A copy of shared/reference/statistics-vectors.json kept beside
 * this file so the package's tests need nothing outside it; see README.md here. Every case has a
 * `source` field (`owner/repo:path@commit [sheet/row]`) that the tests put in their titles.
 */

export interface WilsonCase {
  id: string;
  x: number;
  n: number;
  confidence_percent: number;
  multiplier: number;
  expected_lower: number;
  expected_upper: number;
  source: string;
}

export interface CountCase {
  id: string;
  count: number;
  denominator: number | null;
  multiplier: number | null;
  confidence_percent: number;
  expected_lower: number | null;
  expected_upper: number;
  source: string;
}

export interface FunnelCase {
  id: string;
  input_rows_used: string;
  baseline_percent: number;
  population: number;
  expected_lower_95: number;
  expected_upper_95: number;
  expected_lower_99_8: number;
  expected_upper_99_8: number;
  source: string;
}

export interface FunnelInputs {
  id: string;
  source: string;
  rows: { area: string; numerator: number; denominator: number; expected_significance: string }[];
}

export interface PoissonRatioCase {
  expected_events: number;
  target: number;
  expected_lower_95: number;
  expected_upper_95: number;
  expected_lower_99_8: number;
  expected_upper_99_8: number;
  source: string;
}

export interface OverdispersionCase {
  id: string;
  numerator: number[];
  denominator: number[];
  expected_phi_rounded_6dp: number;
  source: string;
}

export interface SpcCase {
  id: string;
  kind: string;
  source: string;
  y: (number | null)[];
  x?: string[];
  improvement_direction?: "increase" | "decrease";
  screen_outliers?: boolean;
  fix_after_n_points?: number | null;
  rebase_dates?: string[];
  expected: Record<string, unknown>;
}

export interface RuleUnitCase {
  function: string;
  inputs: Record<string, number[]>;
  expected: (number | string)[];
  source: string;
}

export interface AssuranceCase {
  improvement_direction: "increase" | "decrease" | "neutral";
  target: number;
  lpl?: number;
  mean?: number;
  upl?: number;
  expected_assurance_type?: string | null;
  cases?: { rows: [number, number, number][]; expected: string }[];
  source: string;
}

export interface Vectors {
  wilson: WilsonCase[];
  byar: CountCase[];
  rate_exact_poisson: CountCase[];
  funnel: FunnelCase[];
  funnel_inputs: FunnelInputs[];
  funnel_poisson_ratio_limits: PoissonRatioCase[];
  overdispersion: OverdispersionCase[];
  spc: SpcCase[];
  spc_rule_units: RuleUnitCase[];
  spc_assurance: AssuranceCase[];
}

export const vectors: Vectors = JSON.parse(
  readFileSync(join(import.meta.dirname, "statistics-vectors.json"), "utf8"),
) as Vectors;

/** Shortens a source reference for a test title: repository and path, without the commit. */
export function cite(source: string): string {
  return source.replace(/@[0-9a-f]{40}/, "");
}

/** |actual − expected| ≤ max(abs, rel × |expected|). */
export function expectClose(actual: number, expected: number, tolerance: { rel?: number; abs?: number }): void {
  const allowed = Math.max(tolerance.abs ?? 0, (tolerance.rel ?? 0) * Math.abs(expected));
  if (!(Math.abs(actual - expected) <= allowed)) {
    expect.fail(`expected ${actual} to be within ${allowed} of ${expected} (difference ${actual - expected})`);
  }
}

/** Rounds to `digits` significant figures, as R's signif and pillar's printing do. */
export function signif(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}
