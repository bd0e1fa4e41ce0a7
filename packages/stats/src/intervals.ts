import { twoSidedZ } from "./normal.ts";
import { assertCount, poissonInterval, type Interval } from "./poisson.ts";

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
