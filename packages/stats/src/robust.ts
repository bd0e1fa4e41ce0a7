import { poissonInterval } from "./poisson.ts";

/**
 * Robust z-score of a value against a history, so one odd quarter in the history does not hide the
 * next (DHIS2's users' complaint that outlier checks assume normal data).
 *
 * Modified z-score of Iglewicz and Hoaglin (1993), "How to Detect and Handle Outliers", ASQC Basic
 * References in Quality Control vol. 16: z = (x − median) / (1.4826 × MAD), flagged above 3.5.
 * When the MAD is 0 (more than half the history identical) it falls back to the mean absolute
 * deviation scaled by 1.2533 (√(π/2)), as IBM SPSS Modeler's anomaly documentation does; when that is
 * 0 too, any different value is infinitely far.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function robustZScore(value: number, history: readonly number[]): { z: number; median: number } | null {
  if (history.length === 0) return null;
  const m = median(history);
  const mad = median(history.map((h) => Math.abs(h - m)));
  if (mad > 0) return { z: (value - m) / (1.4826 * mad), median: m };
  const meanAd = history.reduce((s, h) => s + Math.abs(h - m), 0) / history.length;
  if (meanAd > 0) return { z: (value - m) / (1.2533 * meanAd), median: m };
  return { z: value === m ? 0 : Math.sign(value - m) * Number.POSITIVE_INFINITY, median: m };
}

/** How a field's value is judged against its history: counts by Poisson noise, money by a minimum change. */
export type OutlierRule =
  | { readonly kind: "count"; readonly threshold: number; readonly confidence: number }
  | { readonly kind: "money"; readonly threshold: number; readonly minimumDifference: number };

/**
 * The value's robust z-score and the history's median when the value is an outlier by `rule`, else null.
 *
 * A robust z-score alone nags small bodies: after 0,0,0,0,0,0,0,0 a 1 has z = ∞, and after
 * 1,1,1,1,1,2,1,1 a 2 has z ≈ 6.4. So a value must also be more than noise:
 *
 * - Counts must lie outside the 99.8% Poisson interval around the history's median, the same
 *   `poissonInterval` the metrics use (exact Garwood limits below 10, Byar's from 10; PHEindicatormethods
 *   R/Rates.R). These are the limits FunnelPlotR (R/poisson_limits.R) draws for a count with E expected
 *   events, qchisq(α/2, 2E)/2 to qchisq(1 − α/2, 2E + 2)/2, as in the funnel plots of Spiegelhalter (2005)
 *   "Funnel plots for comparing institutional performance", Stat Med 24:1185–1202, and PHE's technical
 *   guide to funnel plots. We use them rather than the narrower quantiles of Poisson(median) on purpose:
 *   the median of a few quarters is itself an estimate, and the Poisson(median) range is degenerate
 *   at a median of 0 ({0} only, so any complaint would warn). Around a median of 0 the interval is
 *   [0, −ln 0.001 ≈ 6.9]: up to 6 complaints after a run of zeros is noise, 7 or more warns.
 * - Money is not a count of events (one payment can be £50 or £50,000), so no Poisson test: the
 *   change from the median must instead be at least `minimumDifference` pence (the template's, £1,000
 *   by default), so pennies on a flat history do not warn.
 */
export function outlierAgainstHistory(value: number, history: readonly number[], rule: OutlierRule): { z: number; median: number } | null {
  const score = robustZScore(value, history);
  if (score === null || !(Math.abs(score.z) > rule.threshold)) return null;
  if (rule.kind === "money") return Math.abs(value - score.median) >= rule.minimumDifference ? score : null;
  const limits = poissonInterval(Math.max(0, score.median), rule.confidence);
  // Byar's lower limit is NaN for tiny counts at high confidence; nothing is then "too low".
  const tooLow = !Number.isNaN(limits.lower) && value < limits.lower;
  return tooLow || value > limits.upper ? score : null;
}
