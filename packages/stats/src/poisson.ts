import { assertConfidence, gammaQuantile, twoSidedZ } from "./normal.ts";

/**
 * Confidence intervals for a Poisson count, shared by the metrics (rates, funnel limits) and the
 * outlier check on returns, so both use one implementation.
 */

/** Lower and upper confidence limits. NaN means "cannot be calculated" (for example 0 trials). */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

export function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0; got ${value}`);
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
