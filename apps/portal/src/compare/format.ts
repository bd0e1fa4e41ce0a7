import type { ComparisonWords } from "./comparison-words.ts";

/**
 * The words and figures of one cell, worked out once per answer: the table, its CSV download and
 * the sort all read these same strings and numbers, so the download says exactly what the page says.
 * The figures are written by the domain's `formatMeasure`, `formatMeasureInterval` and `formatMeasureCounts`.
 */
export interface CellText {
  /** For sorting; undefined when there is no figure (sorted last either way). */
  value: number | undefined;
  text: string;
  /** The 95% interval, "40.1% to 50.3%", or "" where there is none (means have none). */
  interval: string;
  comparison: ComparisonWords;
  /** "45 out of 100" and the like: numerator and denominator in words. */
  counts: string;
}
