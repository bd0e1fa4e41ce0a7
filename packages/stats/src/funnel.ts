import type { Interval } from "./poisson.ts";
import { assertConfidence, twoSidedZ } from "./normal.ts";

/**
 * Funnel limits for a proportion at size `trials`: the proportions whose Wilson score interval
 * (at `confidence`) just reaches the pooled average, clamped to [0, 1], as PHEindicatormethods
 * R/Funnels.R `sigma_adjustment` (Fingertips technical guidance); 0.95 gives the "2s" limits,
 * 0.998 the "3s" limits. NaN limits for 0 trials.
 *
 * A Wilson limit is a root π of n(p − π)² = z²π(1 − π), so the observed p whose interval ends at
 * the pooled average π is π ± z√(π(1 − π)/n): the closed form that sigma_adjustment's quadratic
 * reduces to, written this way because it keeps full precision near 0 and 1.
 */
export function funnelLimits(pooledProportion: number, trials: number, confidence: number): Interval {
  assertConfidence(confidence);
  if (!(pooledProportion >= 0 && pooledProportion <= 1)) {
    throw new RangeError(`pooled proportion must be between 0 and 1; got ${pooledProportion}`);
  }
  if (!(trials >= 0) || !Number.isFinite(trials)) throw new RangeError(`trials must be a finite number ≥ 0; got ${trials}`);
  if (trials === 0) return { lower: Number.NaN, upper: Number.NaN };
  const a = pooledProportion;
  const half = twoSidedZ(confidence) * Math.sqrt((a * (1 - a)) / trials);
  return { lower: Math.min(1, Math.max(0, a - half)), upper: Math.min(1, Math.max(0, a + half)) };
}

/**
 * Funnel limits at size `trials` for any between-body variance: with `tau2` 0 these are
 * PHEindicatormethods' Wilson-based limits (`funnelLimits`); with `tau2` > 0, Spiegelhalter's
 * additive random-effects limits on the arcsine square-root scale, sin²(asin√pooled ± z·√(1/(4n) + τ²)),
 * as FunnelPlotR draws them for proportions (R/calculate_limits.R, data type "PR") and as
 * `funnelPlot` gives each body when adjusted. One function for the curves and the bodies, so a
 * body's limits are the curve's at its size.
 */
export function funnelLimitsAt(pooledProportion: number, trials: number, confidence: number, tau2 = 0): Interval {
  if (!(tau2 >= 0) || !Number.isFinite(tau2)) throw new RangeError(`τ² must be a finite number ≥ 0; got ${tau2}`);
  if (tau2 === 0) return funnelLimits(pooledProportion, trials, confidence);
  assertConfidence(confidence);
  if (!(pooledProportion >= 0 && pooledProportion <= 1)) {
    throw new RangeError(`pooled proportion must be between 0 and 1; got ${pooledProportion}`);
  }
  if (!(trials >= 0) || !Number.isFinite(trials)) throw new RangeError(`trials must be a finite number ≥ 0; got ${trials}`);
  if (trials === 0) return { lower: Number.NaN, upper: Number.NaN };
  return arcsineLimits(Math.asin(Math.sqrt(pooledProportion)), 1 / (4 * trials) + tau2, confidence);
}

/** The 95% and 99.8% limits at one size: a point of the curves drawn on a funnel plot (proportions 0–1). */
export interface FunnelCurvePoint {
  readonly trials: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/** R's round(): halves go to the even neighbour (IEC 60559). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * The size axis PHEindicatormethods draws a funnel over (R/Funnels.R `phe_funnels`): from 0 when
 * the largest denominator is more than twice the smallest, else from the smallest rounded down
 * (`signif.floor`, 95% of it to its leading digit), to the largest rounded up (`signif.ceiling`,
 * 105% of it to its two leading digits). The curve starts at 1 at least.
 */
export function funnelAxis(denominators: readonly number[]): { from: number; to: number } {
  const positive = denominators.filter((d) => d > 0 && Number.isFinite(d));
  if (positive.length === 0) return { from: 1, to: 1 };
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const digits = (x: number) => String(x).length;
  const floorSignificant = (x: number) => {
    const n = digits(Math.floor(x * 0.95)) - 1;
    return Math.floor((x * 0.95) / 10 ** n) * 10 ** n;
  };
  const ceilingSignificant = (x: number) => {
    const n = Math.max(0, digits(Math.ceil(x * 1.05)) - 2);
    return Math.ceil((x * 1.05) / 10 ** n) * 10 ** n;
  };
  const axisMinimum = max > 2 * min ? 0 : floorSignificant(min);
  return { from: Math.max(1, axisMinimum), to: ceilingSignificant(max) };
}

/**
 * The funnel's limit curves, sampled at `steps` sizes from `from` to `to` (default: the plot's
 * `funnelAxis`, 100 sizes) spaced geometrically as PHEindicatormethods does (each size the previous
 * one times (to / previous)^(1 / steps left), rounded, and at least one more), so the curves are
 * smooth where the funnel bends. Limits are the plot's own: adjusted by its τ² when it was
 * adjusted for over-dispersion.
 */
export function funnelCurve(plot: FunnelPlot, options: { from?: number; to?: number; steps?: number } = {}): FunnelCurvePoint[] {
  if (!Number.isFinite(plot.pooledProportion)) return [];
  const axis = funnelAxis(plot.points.map((p) => p.denominator));
  const from = options.from ?? axis.from;
  const to = options.to ?? axis.to;
  const steps = options.steps ?? 100;
  if (!(from >= 1) || !(to >= from) || !Number.isInteger(steps) || steps < 2) {
    throw new RangeError(`need 1 ≤ from ≤ to and at least 2 steps; got from ${from}, to ${to}, steps ${steps}`);
  }
  const tau2 = plot.overdispersion?.tau2 ?? 0;
  const sizes = [from];
  for (let j = 1; j < steps; j++) {
    const previous = sizes[j - 1]!;
    sizes.push(Math.max(roundHalfEven((to / previous) ** (1 / (steps - j)) * previous), previous + 1));
  }
  return sizes.map((trials) => {
    const l95 = funnelLimitsAt(plot.pooledProportion, trials, 0.95, tau2);
    const l998 = funnelLimitsAt(plot.pooledProportion, trials, 0.998, tau2);
    return { trials, lower95: l95.lower, upper95: l95.upper, lower998: l998.lower, upper998: l998.upper };
  });
}

export interface FunnelInput {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface FunnelPoint {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator (NaN when the denominator is 0). */
  readonly proportion: number;
  /**
   * z-score on the arcsine square-root scale (FunnelPlotR R/od_adjustment.R, data type "PR"):
   * (asin√p − asin√pooled) / s with s = 1 / (2√n), and s² + τ² in place of s² when adjusted
   * for over-dispersion.
   */
  readonly zScore: number;
  readonly limits95: Interval;
  readonly limits998: Interval;
  readonly outside95: boolean;
  readonly outside998: boolean;
  /** Which side of the 95% limits the point lies, or null when inside them. */
  readonly side: "above" | "below" | null;
}

export interface Overdispersion {
  /** Dispersion ratio φ: mean squared (trimmed) z-score; above 1 means over-dispersion. */
  readonly phi: number;
  /** Between-body variance τ² (DerSimonian–Laird), added to each body's s². */
  readonly tau2: number;
}

export interface FunnelPlot {
  /** Sum of numerators ÷ sum of denominators: never an average of the bodies' proportions. */
  readonly pooledProportion: number;
  readonly overdispersion: Overdispersion | null;
  readonly points: readonly FunnelPoint[];
}

/**
 * Funnel plot for proportions across bodies of different sizes.
 *
 * Without over-dispersion the limits are PHEindicatormethods' (see `funnelLimits`) and a body is
 * outside when its proportion is strictly below the lower or above the upper limit (R/Funnels.R
 * `phe_funnel_significance`). With `overdispersion: true` the limits are Spiegelhalter's
 * additive random-effects limits as FunnelPlotR computes them for proportions
 * (R/calculate_limits.R, data type "PR"): sin²(asin√pooled ± z·√(s² + τ²)), with φ and τ² from
 * z-scores Winsorised at the 10th and 90th percentiles (Spiegelhalter DJ (2005) Handling
 * over-dispersion of performance indicators, Qual Saf Health Care 14:347–351).
 * When the bodies vary no more than chance (τ² = 0) the adjustment changes nothing: the limits stay
 * PHEindicatormethods' (see `funnelLimitsAt`), so adjusted and unadjusted plots agree.
 * Bodies with a zero denominator get NaN values and are never outside.
 */
export function funnelPlot(points: readonly FunnelInput[], options: { overdispersion?: boolean } = {}): FunnelPlot {
  for (const p of points) {
    if (!(p.numerator >= 0) || !(p.denominator >= 0) || p.numerator > p.denominator) {
      throw new RangeError(`funnel point ${p.id}: need 0 ≤ numerator ≤ denominator; got ${p.numerator}/${p.denominator}`);
    }
  }
  const totalNumerator = points.reduce((s, p) => s + p.numerator, 0);
  const totalDenominator = points.reduce((s, p) => s + p.denominator, 0);
  const pooled = totalDenominator > 0 ? totalNumerator / totalDenominator : Number.NaN;
  if (Number.isNaN(pooled)) {
    return { pooledProportion: pooled, overdispersion: null, points: points.map((p) => emptyPoint(p)) };
  }

  const target = Math.asin(Math.sqrt(pooled));
  const counted = points.filter((p) => p.denominator > 0);
  const rawZ = counted.map((p) => (Math.asin(Math.sqrt(p.numerator / p.denominator)) - target) * 2 * Math.sqrt(p.denominator));
  const dispersion = options.overdispersion
    ? overdispersion(
        rawZ,
        counted.map((p) => 1 / (2 * Math.sqrt(p.denominator))),
        { method: "winsorise" },
      )
    : null;
  const tau2 = dispersion?.tau2 ?? 0;

  const result = points.map((p): FunnelPoint => {
    if (p.denominator === 0) return emptyPoint(p);
    const proportion = p.numerator / p.denominator;
    const s2 = 1 / (4 * p.denominator);
    const zScore = (Math.asin(Math.sqrt(proportion)) - target) / Math.sqrt(s2 + tau2);
    const limits95 = funnelLimitsAt(pooled, p.denominator, 0.95, tau2);
    const limits998 = funnelLimitsAt(pooled, p.denominator, 0.998, tau2);
    const outside95 = proportion < limits95.lower || proportion > limits95.upper;
    const outside998 = proportion < limits998.lower || proportion > limits998.upper;
    const side = !outside95 ? null : proportion > limits95.upper ? "above" : "below";
    return { ...identity(p), proportion, zScore, limits95, limits998, outside95, outside998, side };
  });
  return { pooledProportion: pooled, overdispersion: dispersion, points: result };
}

function identity(p: FunnelInput) {
  return { id: p.id, numerator: p.numerator, denominator: p.denominator };
}

function emptyPoint(p: FunnelInput): FunnelPoint {
  const none = { lower: Number.NaN, upper: Number.NaN };
  return {
    ...identity(p),
    proportion: Number.NaN,
    zScore: Number.NaN,
    limits95: none,
    limits998: none,
    outside95: false,
    outside998: false,
    side: null,
  };
}

const clampAngle = (angle: number) => Math.min(Math.PI / 2, Math.max(0, angle));

/** sin²(θ ± z·√variance) with the angle kept inside [0, π/2] (FunnelPlotR R/calculate_limits.R, "PR"). */
function arcsineLimits(target: number, variance: number, confidence: number): Interval {
  const half = twoSidedZ(confidence) * Math.sqrt(variance);
  return { lower: Math.sin(clampAngle(target - half)) ** 2, upper: Math.sin(clampAngle(target + half)) ** 2 };
}

/**
 * Over-dispersion φ and between-unit variance τ² from unadjusted z-scores and their standard
 * errors (FunnelPlotR R/od_adjustment.R `phi_func`, `tau_func`; Spiegelhalter 2005):
 * φ = mean of squared trimmed z-scores; τ² = max(0, (nφ − (n − 1)) / (Σw − Σw²/Σw)), w = 1/s²,
 * and 0 when nφ < n − 1.
 *
 * method 'winsorise' (Spiegelhalter, CQC, FunnelPlotR for proportions) pulls z-scores beyond the
 * `trimBy` and 1 − `trimBy` quantiles (R type 7) in to those quantiles; 'truncate' (NHS Digital's
 * SHMI method) drops the units ranked in the bottom and top `trimBy` groups instead.
 */
export function overdispersion(
  zScores: readonly number[],
  standardErrors: readonly number[],
  options: { method: "winsorise" | "truncate"; trimBy?: number },
): Overdispersion {
  if (zScores.length !== standardErrors.length) throw new RangeError("need one standard error per z-score");
  const trimBy = options.trimBy ?? 0.1;
  let kept: { z: number; s: number }[];
  if (options.method === "winsorise") {
    const lz = quantileType7(zScores, trimBy);
    const uz = quantileType7(zScores, 1 - trimBy);
    kept = zScores.map((z, i) => ({ z: Math.min(uz, Math.max(lz, z)), s: standardErrors[i]! }));
  } else {
    const groups = 1 / trimBy;
    const ranks = averageRanks(zScores);
    kept = zScores
      .map((z, i) => ({ z, s: standardErrors[i]!, group: Math.floor((ranks[i]! * groups) / (zScores.length + 1)) }))
      .filter((u) => u.group > 0 && u.group < groups - 1);
  }
  const n = kept.length;
  if (n === 0) return { phi: Number.NaN, tau2: 0 };
  const phi = kept.reduce((sum, u) => sum + u.z * u.z, 0) / n;
  if (n * phi < n - 1) return { phi, tau2: 0 };
  const weights = kept.map((u) => 1 / (u.s * u.s));
  const sumW = weights.reduce((a, b) => a + b, 0);
  const sumW2 = weights.reduce((a, b) => a + b * b, 0);
  const tau2 = Math.max(0, (n * phi - (n - 1)) / (sumW - sumW2 / sumW));
  return { phi, tau2: Number.isFinite(tau2) ? tau2 : 0 };
}

/** R's default quantile (type 7): linear interpolation between order statistics. */
export function quantileType7(values: readonly number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/** Ranks 1..n with ties given their average rank (R's rank(ties.method = "average")). */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).toSorted((a, b) => a.v - b.v);
  const ranks = Array.from({ length: values.length }, () => 0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}
