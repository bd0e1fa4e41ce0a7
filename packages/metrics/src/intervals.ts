import { assertConfidence, gammaQuantile, twoSidedZ } from "./normal.ts";

/** Lower and upper confidence limits. NaN means "cannot be calculated" (for example 0 trials). */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0; got ${value}`);
}

/**
 * Wilson score interval for a proportion, without continuity correction, as Fingertips and
 * PHEindicatormethods (R/utils.R `wilson_lower` / `wilson_upper`) compute it.
 * Wilson EB (1927) J Am Stat Assoc 22:209–212; Newcombe & Altman, Statistics with confidence (2000) pp 46–48.
 *
 * Returns proportions (0–1). With 0 trials there is no information: both limits are NaN.
 * Throws RangeError for negative counts, successes > trials, or a confidence outside (0, 1).
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Interval {
  assertCount("successes", successes);
  assertCount("trials", trials);
  if (successes > trials) throw new RangeError(`successes (${successes}) cannot exceed trials (${trials})`);
  const z = twoSidedZ(confidence);
  if (trials === 0) return { lower: Number.NaN, upper: Number.NaN };
  const x = successes;
  const n = trials;
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const lower = (2 * x + z2 - spread) / 2 / (n + z2);
  const upper = (2 * x + z2 + spread) / 2 / (n + z2);
  // x = 0 gives exactly 0 and x = n exactly 1 in exact arithmetic: say so rather than leave rounding
  // noise (0.9999999999999998) that would make a wider interval look narrower.
  return { lower: x === 0 ? 0 : Math.max(0, lower), upper: x === n ? 1 : Math.min(1, upper) };
}

/**
 * Byar's approximation to the Poisson confidence interval for a count.
 * Breslow NE, Day NE (1987) Statistical methods in cancer research vol. II, IARC; as
 * PHEindicatormethods R/utils.R `byars_lower` / `byars_upper`.
 *
 * Byar's lower limit is negative for very small counts at high confidence (1 event at 99.8%):
 * like the R package (which returns NA) the lower limit is then NaN. Use `poissonInterval`,
 * which switches to exact limits below 10 events, for anything published.
 */
export function byarInterval(count: number, confidence = 0.95): Interval {
  assertCount("count", count);
  const z = twoSidedZ(confidence);
  const x = count;
  const lower = x === 0 ? 0 : x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  const upper = (x + 1) * Math.pow(1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1)), 3);
  return { lower: lower < 0 ? Number.NaN : lower, upper };
}

/**
 * Exact Poisson interval for a count from chi-square quantiles (Garwood 1936):
 * lower = qchisq(α/2, 2x)/2, upper = qchisq(1 − α/2, 2x + 2)/2, as PHEindicatormethods R/Rates.R
 * (method "exact") and FunnelPlotR R/poisson_limits.R.
 */
export function exactPoissonInterval(count: number, confidence = 0.95): Interval {
  assertCount("count", count);
  assertConfidence(confidence);
  const alpha = 1 - confidence;
  // qchisq(p, 2k) / 2 is the gamma quantile with shape k.
  const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
  const upper = gammaQuantile(1 - alpha / 2, count + 1);
  return { lower, upper };
}

/**
 * Confidence interval for a count as Fingertips computes it (PHEindicatormethods R/Rates.R `phe_rate`):
 * exact Poisson below 10 events, Byar's method from 10 events.
 */
export function poissonInterval(count: number, confidence = 0.95): Interval {
  return count < 10 ? exactPoissonInterval(count, confidence) : byarInterval(count, confidence);
}

/**
 * Interval for a crude rate count / denominator × multiplier: the count's `poissonInterval`
 * divided by the denominator and times the multiplier (PHEindicatormethods R/Rates.R).
 * With a zero denominator the limits are NaN.
 */
export function rateInterval(count: number, denominator: number, multiplier = 1, confidence = 0.95): Interval {
  assertCount("denominator", denominator);
  const limits = poissonInterval(count, confidence);
  if (denominator === 0) return { lower: Number.NaN, upper: Number.NaN };
  return { lower: (limits.lower / denominator) * multiplier, upper: (limits.upper / denominator) * multiplier };
}
