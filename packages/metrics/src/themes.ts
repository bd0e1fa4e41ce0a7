import { formatPeriodCode, parsePeriodCode, periodFromIndex, periodIndex } from "@complaints/domain";
import { xmr, type SpecialCauseRule } from "./xmr.ts";

/** Counts of one complaint theme by quarter, at a body or summed across a department (`key`). */
export interface ThemeSeries {
  readonly key: string;
  readonly theme: string;
  readonly points: readonly { readonly period: string; readonly value: number | null }[];
}

export type EmergingReason = "above-upper-limit" | "rising-trend" | "two-of-three-high" | "run-above-mean";

export interface EmergingTheme {
  readonly key: string;
  readonly theme: string;
  /** The latest quarter, which is special-cause high. */
  readonly period: string;
  readonly value: number;
  readonly reason: EmergingReason;
  readonly mean: number;
  readonly upperLimit: number;
  /** Limits from fewer than 12 quarters (Making Data Count trial limits). */
  readonly trial: boolean;
}

const reasons: Record<SpecialCauseRule, EmergingReason> = {
  "outside-limits": "above-upper-limit",
  trend: "rising-trend",
  "two-of-three": "two-of-three-high",
  run: "run-above-mean",
};

/**
 * Themes whose latest quarter is special-cause high on an XmR chart (see `xmr`): above the upper
 * limit, or part of a rising trend, two of three high points in the outer third, or a run above
 * the mean. The reason is the highest-precedence rule, as NHSRplotthedots ranks them. Quarters
 * missing between the first and last period are treated as missing values, not zeros.
 */
export function emergingThemes(series: readonly ThemeSeries[], options: { runLength?: number } = {}): EmergingTheme[] {
  const found: EmergingTheme[] = [];
  for (const s of series) {
    const byIndex = new Map<number, number | null>();
    for (const point of s.points) {
      const period = parsePeriodCode(point.period);
      if (!period) throw new RangeError(`${s.key} / ${s.theme}: not a reporting period: ${JSON.stringify(point.period)}`);
      const index = periodIndex(period);
      if (byIndex.has(index)) throw new RangeError(`${s.key} / ${s.theme}: ${point.period} appears twice`);
      byIndex.set(index, point.value);
    }
    if (byIndex.size === 0) continue;
    const first = Math.min(...byIndex.keys());
    const last = Math.max(...byIndex.keys());
    const values = Array.from({ length: last - first + 1 }, (_, k) => byIndex.get(first + k) ?? null);
    const latest = values.at(-1);
    if (latest === null || latest === undefined) continue;
    // Higher counts are the concern: with improvement 'decrease', a special cause high is 'concern'.
    const chart = xmr(values, { improvement: "decrease", ...(options.runLength ? { runLength: options.runLength } : {}) });
    const point = chart.points.at(-1);
    if (point?.variation !== "concern" || point.specialCause === null) continue;
    found.push({
      key: s.key,
      theme: s.theme,
      period: formatPeriodCode(periodFromIndex(last)),
      value: latest,
      reason: reasons[point.specialCause],
      mean: chart.mean,
      upperLimit: chart.upperLimit,
      trial: chart.trial,
    });
  }
  return found;
}
