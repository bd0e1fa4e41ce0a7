import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { leftMarginFor, valueTicks, xAxis, yAxis, type Tick } from "./axis.ts";
import { listInWords, plural, type ValueFormat, type ValueKind } from "./format.ts";
import type { ImprovementDirection, Variation, XmrChart, XmrPoint } from "@complaints/stats";
import { assuranceWords, specialCauseWords, variationSide, variationWords } from "./mdc.ts";
import { colours, dashes, fontSize, legend, lineKey, marker, markerKey, roundPath, svgRoot, wrapText, type LegendItem, type MarkerShape } from "./style.ts";
import { el, num, type SvgNode } from "./svg.ts";

/**
 * One quarter of a series, as `metrics.trend` returns it (extra fields are ignored): the XmR point's
 * value (null: no value that quarter, the line has a gap), special cause and variation, with its period.
 */
export interface XmrChartPoint extends Pick<XmrPoint, "value" | "specialCause" | "variation"> {
  /** Period code, `2025-26 Q1`. */
  readonly period: string;
  /** `Apr to Jun 2025`. */
  readonly periodLabel: string;
}

/**
 * The XmR chart's lines, as `metrics.trend` returns them under `chart`: the chart's mean and limits,
 * null where they are NaN (JSON has no NaN); `trial` (fewer than 12 points: said in words on the
 * chart and in the summary); the latest point's variation (the MDC variation icon) and assurance.
 */
export interface XmrChartLimits
  extends Pick<XmrChart, "trial">,
    Partial<Pick<XmrChart, "variation" | "assurance">> {
  readonly mean: XmrChart["mean"] | null;
  readonly upperLimit: XmrChart["upperLimit"] | null;
  readonly lowerLimit: XmrChart["lowerLimit"] | null;
  readonly improvement?: ImprovementDirection | undefined;
}

export interface XmrChartData {
  /** What is measured, e.g. "Closed within timescale"; the chart's title. */
  readonly title: string;
  /** What the values are: a proportion's axis stops at 0% and 100%. */
  readonly kind: ValueKind;
  /** How values are written: the measure's own formatter (domain's `formatMeasure`). */
  readonly format: ValueFormat;
  readonly points: readonly XmrChartPoint[];
  /** null when there is nothing to chart. */
  readonly chart: XmrChartLimits | null;
}

export interface ChartOptions {
  /** Width in SVG units (the viewBox); the browser component passes its measured width so text stays at its real size. Default 640. */
  readonly width?: number | undefined;
  /** Prefix of the ids inside the SVG (title, description, clip path): unique on a page. Default "chart". */
  readonly idPrefix?: string | undefined;
}

export interface XmrPointModel {
  readonly period: string;
  readonly periodLabel: string;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly shape: MarkerShape;
  readonly colour: string;
  /** "Common cause" or the special cause in words. */
  readonly label: string;
}

export interface XmrChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly Tick[];
  readonly xTicks: readonly { readonly period: string; readonly at: number; readonly lines: readonly string[] }[];
  /** The series as path data (gaps where a quarter has no value); "" when there are no values. */
  readonly linePath: string;
  readonly meanPath: string | null;
  readonly upperLimitPath: string | null;
  readonly lowerLimitPath: string | null;
  readonly points: readonly XmrPointModel[];
  /** "Trial limits: …" when there are fewer than 12 points, else null. */
  readonly trialNote: string | null;
  readonly summary: string;
  readonly tree: SvgNode;
}

/** Marker shape and colour of a point's variation (MDC colours, each with its own shape). */
export const variationMarkers: Record<Variation, { shape: MarkerShape; colour: string; legend: string }> = {
  "common-cause": { shape: "circle", colour: colours.commonCause, legend: "Common cause" },
  improvement: { shape: "square", colour: colours.improvement, legend: "Special cause: improving" },
  concern: { shape: "diamond", colour: colours.concern, legend: "Special cause: concerning" },
  neither: { shape: "triangle-up", colour: colours.neither, legend: "Special cause: neither improving nor concerning" },
};

const finite = (n: number | null | undefined): n is number => n !== null && n !== undefined && Number.isFinite(n);

/** `2025-26 Q1` → ["Q1", "2025-26"]. */
function splitPeriod(code: string): [string, string] {
  const m = /^(\d{4}-\d{2}) (Q[1-4])$/.exec(code);
  return m ? [m[2]!, m[1]!] : [code, ""];
}

/** The words of one point: its special cause, or common cause. */
export function xmrPointWords(point: XmrChartPoint, mean: number | null): string {
  if (point.value === null) return "no value";
  if (!point.specialCause) return "common cause";
  const kind = point.variation === "improvement" ? "improving" : point.variation === "concern" ? "concerning" : "special cause";
  return `${kind}: ${specialCauseWords(point.specialCause, point.value, mean)}`;
}

/** A plain-English summary of an XmR chart, for the figure and the SVG's description. */
export function xmrSummary(data: XmrChartData): string {
  const withValues = data.points.filter((p): p is XmrChartPoint & { value: number } => p.value !== null);
  if (withValues.length === 0) return `${data.title}: no values to show.`;
  const first = withValues[0]!;
  const last = withValues[withValues.length - 1]!;
  const parts = [
    `${plural(withValues.length, "quarter", "quarters")} with values, from ${first.periodLabel} to ${last.periodLabel}. The latest, ${last.periodLabel}, is ${data.format(last.value)}.`,
  ];
  const c = data.chart;
  if (c && finite(c.mean)) {
    parts.push(
      finite(c.upperLimit) && finite(c.lowerLimit)
        ? `The mean is ${data.format(c.mean)} and the process limits are ${xmrLimitsText(c, data)}.`
        : `The mean is ${data.format(c.mean)}; there are too few values for process limits.`,
    );
    const special = withValues.filter((p) => p.specialCause);
    if (special.length === 0) parts.push("No quarter shows special cause variation.");
    else {
      const shown = special.slice(0, 6).map((p) => `${p.periodLabel} (${xmrPointWords(p, c.mean)})`);
      const more = special.length > 6 ? [`${special.length - 6} more`] : [];
      parts.push(`${plural(special.length, "quarter shows", "quarters show")} special cause variation: ${listInWords([...shown, ...more])}.`);
    }
    if (c.variation) parts.push(`${variationWords(c.variation, variationSide(c.variation, c.improvement, last.value, c.mean))}.`);
    if (c.assurance) parts.push(`${assuranceWords(c.assurance)}.`);
    if (c.trial) parts.push(trialWords);
  }
  return parts.join(" ");
}

/**
 * A process limit as people read it: a proportion's limits stop at 0% and 100%, and no count, rate
 * or average goes below 0, so a limit beyond them is written as the bound (it cannot be crossed).
 */
export function xmrLimitValue(limit: number | null, kind: ValueKind): number | null {
  if (limit === null || !Number.isFinite(limit)) return null;
  return Math.min(kind === "proportion" ? 1 : Number.POSITIVE_INFINITY, Math.max(0, limit));
}

/** The process limits in words, "65.9% to 82.2%", each stopped at its bound (`xmrLimitValue`); "no data" for a limit there is not. */
export function xmrLimitsText(limits: Pick<XmrChartLimits, "lowerLimit" | "upperLimit">, data: Pick<XmrChartData, "kind" | "format">): string {
  const text = (limit: number | null) => {
    const bounded = xmrLimitValue(limit, data.kind);
    return bounded === null ? "no data" : data.format(bounded);
  };
  return `${text(limits.lowerLimit)} to ${text(limits.upperLimit)}`;
}

const trialWords = "These are trial limits: fewer than 12 quarters have values, so the limits may change as more arrive.";

/** The value axis: the values and lines with a margin, never below 0 (nor above 100% for a proportion), with its labelled ticks. */
function xmrValueAxis(data: XmrChartData, width: number, top: number) {
  const c = data.chart;
  const all = [...data.points.map((p) => p.value), c?.mean, c?.upperLimit, c?.lowerLimit].filter(finite);
  const ceiling = data.kind === "proportion" ? 1 : Number.POSITIVE_INFINITY;
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  const pad = hi - lo < 1e-9 ? (data.kind === "proportion" ? 0.05 : Math.max(1, Math.abs(hi) * 0.1)) : (hi - lo) * 0.08;
  lo = Math.max(0, lo - pad);
  hi = Math.min(ceiling, hi + pad);
  const plotHeight = width < 480 ? 220 : 260;
  const tickCount = width < 480 ? 4 : 6;
  const y = scaleLinear().domain([lo, hi]).nice(tickCount).range([top + plotHeight, top]);
  const [d0, d1] = y.domain() as [number, number];
  y.domain([Math.max(0, d0), Math.min(ceiling, d1)]);
  return { y, bottom: top + plotHeight, yTicks: valueTicks(y, tickCount, data.kind, data.format) };
}

/** Quarter labels under every point where they fit (every 2nd, 3rd… where they do not); the financial year under its first labelled quarter. */
function quarterTicks(points: readonly XmrChartPoint[], xOf: (period: string) => number, step: number): XmrChartModel["xTicks"] {
  const stride = Math.max(1, Math.ceil(30 / Math.max(1, step)));
  let lastYearAt = Number.NEGATIVE_INFINITY;
  let lastYear = "";
  return points
    .filter((_, i) => i % stride === 0)
    .map((p) => {
      const [q, year] = splitPeriod(p.period);
      const at = xOf(p.period);
      const showYear = year !== lastYear && at - lastYearAt >= 64;
      if (showYear) {
        lastYear = year;
        lastYearAt = at;
      }
      return { period: p.period, at, lines: [q, showYear ? year : ""] };
    });
}

/** The key: the value line, the mean and limits drawn, and each marker shape that appears. */
function xmrLegendItems(model: Pick<XmrChartModel, "meanPath" | "upperLimitPath" | "lowerLimitPath" | "points">, trial: boolean): LegendItem[] {
  return [
    { label: "Value", key: lineKey(colours.line, null, 2) },
    ...(model.meanPath ? [{ label: "Mean", key: lineKey(colours.secondaryText, null, 3) }] : []),
    ...(model.upperLimitPath || model.lowerLimitPath ? [{ label: trial ? "Process limits (trial)" : "Process limits", key: lineKey(colours.limit, dashes.processLimit, 1.5) }] : []),
    ...(["common-cause", "improvement", "concern", "neither"] as const)
      .filter((v) => model.points.some((p) => p.shape === variationMarkers[v].shape))
      .map((v) => ({ label: variationMarkers[v].legend, key: markerKey(variationMarkers[v].shape, variationMarkers[v].colour) })),
  ];
}

/** The chart's lines and markers as SVG: mean, limits, the series, then the points with their words. */
function xmrMarks(model: Omit<XmrChartModel, "tree" | "summary" | "height" | "trialNote" | "width" | "xTicks" | "yTicks">, format: ValueFormat): SvgNode[] {
  const { meanPath, upperLimitPath, lowerLimitPath, linePath } = model;
  const limit = (d: string) => el("path", { class: "app-chart__limit", d, stroke: colours.limit, "stroke-width": 1.5, "stroke-dasharray": dashes.processLimit, fill: "none" });
  return [
    meanPath ? el("path", { class: "app-chart__mean", d: meanPath, stroke: colours.secondaryText, "stroke-width": 3, fill: "none" }) : null,
    upperLimitPath ? limit(upperLimitPath) : null,
    lowerLimitPath ? limit(lowerLimitPath) : null,
    linePath ? el("path", { class: "app-chart__line", d: linePath, stroke: colours.line, "stroke-width": 2, fill: "none" }) : null,
    el(
      "g",
      { class: "app-chart__points" },
      model.points.map((p) => el("g", { "data-period": p.period, "data-shape": p.shape }, [el("title", {}, `${p.periodLabel}: ${format(p.value)}, ${p.label}`), marker(p.shape, p.x, p.y, p.colour, { size: p.shape === "circle" ? 50 : 90 })])),
    ),
  ].filter((n): n is SvgNode => n !== null);
}

/** The geometry of an XmR (Making Data Count) chart: scales, path data, markers, ticks, legend and the SVG tree. */
export function xmrChartModel(data: XmrChartData, options: ChartOptions = {}): XmrChartModel {
  const width = Math.max(280, Math.round(options.width ?? 640));
  const idPrefix = options.idPrefix ?? "chart";
  const c = data.chart;
  const top = 12;
  const { y, bottom, yTicks } = xmrValueAxis(data, width, top);
  const left = leftMarginFor(yTicks);
  const right = width - 16;
  const x = scalePoint<string>()
    .domain(data.points.map((p) => p.period))
    .range([left, right])
    .padding(0.5);
  const xOf = (period: string) => x(period) ?? left;
  const xTicks = quarterTicks(data.points, xOf, x.step());

  const path = line<XmrChartPoint>()
    .defined((p) => p.value !== null)
    .x((p) => xOf(p.period))
    .y((p) => y(p.value ?? 0));
  const linePath = data.points.some((p) => finite(p.value)) ? roundPath(path(data.points) ?? "") : "";
  const [yLo, yHi] = y.domain() as [number, number];
  const horizontal = (v: number | null | undefined) => (finite(v) && v >= yLo && v <= yHi ? `M${num(left)},${num(y(v))}L${num(right)},${num(y(v))}` : null);
  const meanPath = horizontal(c?.mean);
  const upperLimitPath = horizontal(c?.upperLimit);
  const lowerLimitPath = horizontal(c?.lowerLimit);

  const points: XmrPointModel[] = data.points.flatMap((p) => {
    if (p.value === null) return [];
    const look = variationMarkers[p.specialCause ? p.variation : "common-cause"];
    return [{ period: p.period, periodLabel: p.periodLabel, value: p.value, x: xOf(p.period), y: y(p.value), shape: look.shape, colour: look.colour, label: xmrPointWords(p, c?.mean ?? null) }];
  });
  const plot = { left, top, right, bottom };
  const lines = { plot, linePath, meanPath, upperLimitPath, lowerLimitPath, points };

  const legendTop = bottom + 52;
  const key = legend(xmrLegendItems(lines, Boolean(c?.trial)), left, legendTop, right - left);
  const trialNote = c?.trial ? trialWords : null;
  const noteLines = trialNote ? wrapText(trialNote, width - 16, fontSize.note) : [];
  const noteTop = legendTop + key.height + 8;
  const height = noteTop + noteLines.length * 20 + 4;
  const summary = xmrSummary(data);

  const tree = svgRoot({ width, height, idPrefix, title: data.title, description: summary }, [
    yAxis(yTicks, left, right),
    xAxis(xTicks, bottom, left, right),
    ...xmrMarks(lines, data.format),
    key.node,
    ...noteLines.map((text, i) => el("text", { class: "app-chart__note", x: 8, y: noteTop + 14 + i * 20, "font-size": fontSize.note, fill: colours.text }, text)),
  ]);
  return { width, height, xTicks, yTicks, ...lines, trialNote, summary, tree };
}
