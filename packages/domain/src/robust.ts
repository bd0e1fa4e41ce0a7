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
