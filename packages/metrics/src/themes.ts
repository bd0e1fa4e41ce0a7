import { formatPeriodCode, parsePeriodCode, periodFromIndex, periodIndex } from "@complaints/domain";
import { poissonInterval } from "@complaints/stats";
import { xmr, type SpecialCauseRule } from "@complaints/stats";

/**
 * One complaint theme by quarter, at a body or across a department (`key`): counts, or (better,
 * DESIGN.md section 3 and issue 8) rates per 100 complaints received, so that bodies of different
 * sizes and a department whose reporting bodies change compare fairly. Any real numbers will do:
 * the XmR chart makes no assumption of whole numbers.
 */
export interface ThemeSeries {
  readonly key: string;
  readonly theme: string;
  /**
   * `value` is a count, or a rate per 100 complaints received when `received` is given (the
   * rate's denominator): the Poisson guard of `emergingThemes` judges the count behind the rate.
   */
  readonly points: readonly { readonly period: string; readonly value: number | null; readonly received?: number | null }[];
}

/** The confidence of the Poisson guard on an emerging theme: the 99.8% limits the outlier warning uses. */
export const emergingCountConfidence = 0.998;

export type EmergingReason = "above-upper-limit" | "rising-trend" | "two-of-three-high" | "run-above-mean";

export interface EmergingTheme {
  readonly key: string;
  readonly theme: string;
  /** The latest quarter, which is special-cause high. */
  readonly period: string;
  /** The latest quarter's value (a count or a rate, whichever the series holds). */
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
 *
 * On a nearly flat series the XmR limits are so tight that 3 more complaints are "special cause",
 * so the latest quarter must also be more than chance: its count must lie above the 99.8% Poisson
 * interval of the count expected at the mean of the quarters before it (that mean rate × the latest
 * quarter's complaints received ÷ 100 for a rate; the mean itself for a count). This is the guard the outlier warning on returns uses
 * (`outlierAgainstHistory`): `poissonInterval`, exact Garwood limits below 10 and Byar's from 10,
 * as PHEindicatormethods R/Rates.R and the funnel limits of Spiegelhalter (2005), Stat Med 24:1185–1202.
 */
export function emergingThemes(series: readonly ThemeSeries[], options: { runLength?: number } = {}): EmergingTheme[] {
  const found: EmergingTheme[] = [];
  for (const s of series) {
    const byIndex = new Map<number, number | null>();
    let latestReceived: number | null = null;
    let latestIndex = Number.NEGATIVE_INFINITY;
    for (const point of s.points) {
      const period = parsePeriodCode(point.period);
      if (!period) throw new RangeError(`${s.key} / ${s.theme}: not a reporting period: ${JSON.stringify(point.period)}`);
      const index = periodIndex(period);
      if (byIndex.has(index)) throw new RangeError(`${s.key} / ${s.theme}: ${point.period} appears twice`);
      byIndex.set(index, point.value);
      if (index > latestIndex) {
        latestIndex = index;
        latestReceived = point.received ?? null;
      }
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
    const history = values.slice(0, -1).filter((v): v is number => v !== null);
    if (!beyondChance(latest, history.reduce((a, b) => a + b, 0) / history.length, latestReceived)) continue;
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

/** Whether the latest value's count is above the 99.8% Poisson interval of the count expected at the mean. */
function beyondChance(latest: number, mean: number, received: number | null): boolean {
  const scale = received === null ? 1 : received / 100;
  if (!Number.isFinite(scale) || scale <= 0 || !Number.isFinite(mean)) return false;
  const expected = Math.max(0, mean * scale);
  return latest * scale > poissonInterval(expected, emergingCountConfidence).upper;
}

/** Complaints under a theme per 100 complaints received; null when either is missing or nothing was received. */
export function ratePer100(count: number | null | undefined, received: number | null | undefined): number | null {
  if (typeof count !== "number" || typeof received !== "number" || !Number.isFinite(count) || !Number.isFinite(received) || received <= 0) return null;
  return (count / received) * 100;
}

/** One return's theme counts and its complaints received (null when not given). */
export interface ThemeReturn {
  readonly key: string;
  readonly period: string;
  readonly received: number | null;
  readonly counts: Readonly<Record<string, number | null | undefined>>;
}

export interface ThemePanel {
  /** Keys with a return giving complaints received in every quarter, sorted. */
  readonly members: readonly string[];
  /** Keys left out, sorted, with the quarters they have no such return for (in the order of `periods`). */
  readonly leftOut: readonly { readonly key: string; readonly missing: readonly string[] }[];
}

/**
 * The fixed panel for a department's theme series: the bodies with a return that gives complaints
 * received in every quarter of the range. Summing over whoever reported each quarter would make a
 * theme "emerge" when a large body starts reporting; over a fixed panel the pooled rate moves only
 * when the panel's experience does (issue 8).
 */
export function themePanel(returns: readonly ThemeReturn[], periods: readonly string[]): ThemePanel {
  const reported = new Map<string, Set<string>>();
  for (const r of returns) {
    const seen = reported.get(r.key) ?? new Set<string>();
    if (typeof r.received === "number" && Number.isFinite(r.received)) seen.add(r.period);
    reported.set(r.key, seen);
  }
  const members: string[] = [];
  const leftOut: { key: string; missing: string[] }[] = [];
  for (const key of [...reported.keys()].toSorted()) {
    const seen = reported.get(key)!;
    const missing = periods.filter((p) => !seen.has(p));
    if (missing.length === 0 && periods.length > 0) members.push(key);
    else leftOut.push({ key, missing });
  }
  return { members, leftOut };
}

/** A theme's counts, denominators (complaints received) and rates per 100 by quarter, in the order of `periods`. */
export interface ThemeRates {
  readonly theme: string;
  readonly counts: readonly (number | null)[];
  readonly received: readonly (number | null)[];
  readonly rates: readonly (number | null)[];
}

function finiteOrNull(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** One body's theme rates per 100 received, quarter by quarter; a quarter without a return is null. */
export function themeRatesOf(returns: readonly ThemeReturn[], periods: readonly string[], themes: readonly string[]): ThemeRates[] {
  const byPeriod = new Map(returns.map((r) => [r.period, r]));
  return themes.map((theme) => {
    const counts = periods.map((p) => finiteOrNull(byPeriod.get(p)?.counts[theme]));
    const received = periods.map((p) => finiteOrNull(byPeriod.get(p)?.received));
    return { theme, counts, received, rates: counts.map((c, i) => ratePer100(c, received[i])) };
  });
}

/**
 * The panel's pooled rate per 100 received for each theme and quarter: the sum of the members'
 * theme counts over the sum of the same members' complaints received (a ratio of totals, never a
 * mean of rates). A member that gave no count for a theme in a quarter (`[x]`) is left out of both
 * sides of that theme's ratio for that quarter.
 */
export function pooledThemeRates(returns: readonly ThemeReturn[], panel: readonly string[], periods: readonly string[], themes: readonly string[]): ThemeRates[] {
  const members = new Set(panel);
  const inPanel = returns.filter((r) => members.has(r.key));
  return themes.map((theme) => {
    const sums = periods.map((p) => {
      let count = 0;
      let received = 0;
      let any = false;
      for (const r of inPanel) {
        if (r.period !== p) continue;
        const c = finiteOrNull(r.counts[theme]);
        const n = finiteOrNull(r.received);
        if (c === null || n === null) continue;
        count += c;
        received += n;
        any = true;
      }
      return any ? { count, received } : null;
    });
    return {
      theme,
      counts: sums.map((s) => s?.count ?? null),
      received: sums.map((s) => s?.received ?? null),
      rates: sums.map((s) => (s ? ratePer100(s.count, s.received) : null)),
    };
  });
}
