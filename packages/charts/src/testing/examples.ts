import type { ValueFormat } from "../format.ts";
import type { FunnelChartData } from "../funnel.ts";
import type { HeatmapData } from "../heatmap.ts";
import type { XmrChartData } from "../xmr.ts";

/** Example inputs shaped like the API's answers (metrics.trend, metrics.funnel, metrics.themes), shared by the chart tests. */

const quarters = ["2023-24 Q3", "2023-24 Q4", "2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"];
const months = ["", "Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"];
export const periodLabel = (code: string) => {
  const [year, q] = code.split(" ") as [string, string];
  const n = Number(q.slice(1));
  const start = Number(year.slice(0, 4));
  const calendarYear = n === 4 ? start + 1 : start;
  return `${months[n]} ${calendarYear}`;
};

/**
 * Stand-ins for the formatters the apps and packs pass (domain's `formatMeasure` for a measure
 * declared with one decimal; charts may not depend on the domain): a percentage and a figure, thousands
 * separated, to one decimal unless a tick asks for another number.
 */
const figure = (n: number, decimals: number) => n.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
export const percentFormat: ValueFormat = (v, decimals = 1) => `${figure(v * 100, decimals)}%`;
export const decimalFormat: ValueFormat = (v, decimals = 1) => figure(v, decimals);

/** 12 quarters with the last two above the upper limit (concerning where lower is better). */
export const xmrExample: XmrChartData = {
  title: "Closed within timescale",
  kind: "proportion",
  format: percentFormat,
  points: quarters.map((period, i) => {
    const value = [0.72, 0.7, 0.74, 0.71, 0.73, 0.69, 0.72, 0.7, 0.71, 0.73, 0.86, 0.88][i]!;
    const special = i >= 10;
    return { period, periodLabel: periodLabel(period), value, specialCause: special ? ("outside-limits" as const) : null, variation: special ? ("improvement" as const) : ("common-cause" as const) };
  }),
  chart: { mean: 0.7408, upperLimit: 0.8222, lowerLimit: 0.6594, trial: false, improvement: "increase", variation: "improvement", assurance: null },
};

/** 6 quarters, one missing: trial limits. */
export const xmrTrialExample: XmrChartData = {
  title: "Complaints per 10,000 interactions",
  kind: "rate-per-10000",
  format: decimalFormat,
  points: quarters.slice(6).map((period, i) => ({
    period,
    periodLabel: periodLabel(period),
    value: [4.1, 3.8, null, 4.4, 4.0, 4.2][i] ?? null,
    specialCause: null,
    variation: "common-cause" as const,
  })),
  chart: { mean: 4.1, upperLimit: 5.0, lowerLimit: 3.2, trial: true, improvement: "neither", variation: "common-cause", assurance: null },
};

/** The PHE limits at pooled 0.8: π ± z√(π(1 − π)/n), clamped, as the metrics package computes them. */
const z95 = 1.959963984540054;
const z998 = 3.090232306167813;
const limit = (n: number, z: number) => [Math.max(0, 0.8 - z * Math.sqrt(0.16 / n)), Math.min(1, 0.8 + z * Math.sqrt(0.16 / n))] as const;

export const funnelExample: FunnelChartData = {
  title: "Closed within timescale",
  pooledProportion: 0.8,
  format: percentFormat,
  formatRatio: (ratio) => decimalFormat(ratio),
  points: [
    { organisationCode: "A1", name: "Agency One", numerator: 80, denominator: 100, proportion: 0.8, outside95: false, outside998: false, side: null },
    { organisationCode: "A2", name: "Agency Two", numerator: 170, denominator: 200, proportion: 0.85, outside95: true, outside998: false, side: "above" },
    { organisationCode: "A3", name: "Agency Three", numerator: 1680, denominator: 2000, proportion: 0.84, outside95: true, outside998: true, side: "above" },
    { organisationCode: "A4", name: "Agency Four", numerator: 30, denominator: 100, proportion: 0.3, outside95: true, outside998: true, side: "below" },
    { organisationCode: "A5", name: "Agency Five", numerator: 380, denominator: 500, proportion: 0.76, outside95: true, outside998: false, side: "below" },
    { organisationCode: "A6", name: "Agency Six", numerator: 1200, denominator: 1500, proportion: 0.8, outside95: false, outside998: false, side: null },
  ],
  curve: Array.from({ length: 100 }, (_, i) => {
    const trials = Math.round(10 * 210 ** (i / 99));
    const [lower95, upper95] = limit(trials, z95);
    const [lower998, upper998] = limit(trials, z998);
    return { trials, lower95, upper95, lower998, upper998 };
  }),
};

export const heatmapExample: HeatmapData = {
  title: "Themes per 100 complaints received",
  format: decimalFormat,
  columns: [
    { id: "theme_delay", label: "Delay" },
    { id: "theme_communication", label: "Communication" },
    { id: "theme_staff_conduct", label: "Staff conduct" },
    { id: "theme_complaint_handling", label: "Complaint handling" },
  ],
  rows: [
    { id: "A1", label: "Agency One", cells: [{ value: 42.5, emerging: true, detail: "34 of 80" }, { value: 12.5 }, { value: 0 }, { value: null }] },
    { id: "A2", label: "Driver and Vehicle Standards Agency of Somewhere Long", cells: [{ value: 20 }, { value: 31.2 }, { value: 5.5 }, { value: 2 }] },
  ],
};
