import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { leftMarginFor, valueTicks, xAxis, yAxis, type Tick } from "./axis.ts";
import { formatCount, listInWords, plural, type ValueFormat } from "./format.ts";
import { colours, dashes, fontSize, legend, lineKey, marker, markerKey, roundPath, svgRoot, type LegendItem, type MarkerShape } from "./style.ts";
import { el, num, type SvgNode } from "./svg.ts";
import type { ChartOptions } from "./xmr.ts";
import type { FunnelCurvePoint, FunnelPoint } from "@complaints/stats";

/**
 * One body on the funnel, as `metrics.funnel` returns it under `points` (extra fields are ignored):
 * the funnel point's counts, proportion (0–1) and where it lies against the limits, with the body.
 */
export interface FunnelChartPoint extends Pick<FunnelPoint, "numerator" | "denominator" | "proportion" | "outside95" | "outside998" | "side"> {
  readonly organisationCode: string;
  readonly name: string;
}

export interface FunnelChartData {
  /** What is measured, e.g. "Closed within timescale"; the chart's title. */
  readonly title: string;
  /** The department's pooled proportion (sum of numerators ÷ sum of denominators), 0–1. */
  readonly pooledProportion: number | null;
  readonly points: readonly FunnelChartPoint[];
  /** The limits at each size, as `metrics.funnel` returns them under `curve` (proportions 0–1). */
  readonly curve: readonly FunnelCurvePoint[];
  /** Limits adjusted for over-dispersion (said in the summary), with φ when known. */
  readonly overdispersion?: { readonly phi: number | null; readonly tau2: number } | null | undefined;
  /** What the denominator counts, for the x axis: "complaints closed". Default "size (denominator)". */
  readonly denominatorLabel?: string | undefined;
  /** How proportions are written: the measure's own formatter (domain's `formatMeasure`). */
  readonly format: ValueFormat;
  /** How φ is written ("1.8"): a plain figure with one decimal place (domain's `formatOneDecimal`). */
  readonly formatRatio: (ratio: number) => string;
}

export interface FunnelChartOptions extends ChartOptions {
  /** The size axis: linear (the usual funnel) or logarithmic (bodies of very different sizes). Default linear. */
  readonly xScale?: "linear" | "log" | undefined;
}

export type FunnelStatus = "above-998" | "above-95" | "within" | "below-95" | "below-998";

/** Where a body lies: outside the 99.8% limits, outside the 95% limits only, or within. */
export function funnelStatus(p: FunnelChartPoint): FunnelStatus {
  if (!p.outside95 || !p.side) return "within";
  return `${p.side}-${p.outside998 ? "998" : "95"}`;
}

/** Marker of each status: outside the limits is a triangle pointing the way it lies; filled beyond 99.8%, open beyond 95% only. */
export const funnelMarkers: Record<FunnelStatus, { shape: MarkerShape; colour: string; open: boolean; legend: string }> = {
  "above-998": { shape: "triangle-up", colour: colours.outside998, open: false, legend: "Above the 99.8% limit" },
  "above-95": { shape: "triangle-up", colour: colours.outside95, open: true, legend: "Above the 95% limit" },
  within: { shape: "circle", colour: colours.inside, open: false, legend: "Within the limits" },
  "below-95": { shape: "triangle-down", colour: colours.outside95, open: true, legend: "Below the 95% limit" },
  "below-998": { shape: "triangle-down", colour: colours.outside998, open: false, legend: "Below the 99.8% limit" },
};

export function funnelStatusWords(status: FunnelStatus): string {
  return funnelMarkers[status].legend.replace(/^A/, "a").replace(/^B/, "b").replace(/^W/, "w");
}

export interface FunnelPointModel {
  readonly organisationCode: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly status: FunnelStatus;
  readonly shape: MarkerShape;
}

export interface FunnelChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly pooledPath: string | null;
  readonly limitPaths: { readonly lower95: string; readonly upper95: string; readonly lower998: string; readonly upper998: string };
  readonly points: readonly FunnelPointModel[];
  readonly summary: string;
  readonly tree: SvgNode;
}

/** A plain-English summary: how many bodies, the average, and who lies outside which limit. */
export function funnelSummary(data: FunnelChartData): string {
  if (data.points.length === 0 || data.pooledProportion === null) return `${data.title}: no bodies to plot.`;
  const parts = [`${plural(data.points.length, "body is", "bodies are")} plotted. The department average is ${data.format(data.pooledProportion)}.`];
  const groups: FunnelStatus[] = ["above-998", "above-95", "below-95", "below-998"];
  for (const status of groups) {
    const names = data.points.filter((p) => funnelStatus(p) === status).map((p) => `${p.name} (${data.format(p.proportion)} of ${formatCount(p.denominator)})`);
    if (names.length === 0) continue;
    const where = status.endsWith("998") ? `${status.startsWith("above") ? "above" : "below"} the 99.8% limit` : `${status.startsWith("above") ? "above" : "below"} the 95% limit but within the 99.8% limit`;
    parts.push(`${plural(names.length, "body is", "bodies are")} ${where}: ${listInWords(names)}.`);
  }
  const within = data.points.filter((p) => funnelStatus(p) === "within").length;
  parts.push(within === data.points.length ? "Every body is within the 95% limits." : `${plural(within, "body is", "bodies are")} within the 95% limits.`);
  if (data.overdispersion) {
    const phi = data.overdispersion.phi;
    parts.push(
      data.overdispersion.tau2 > 0
        ? `The limits are widened for over-dispersion${phi !== null ? ` (the bodies vary ${data.formatRatio(phi)} times as much as chance alone would give)` : ""}.`
        : "The bodies vary no more than chance would give, so adjusting for over-dispersion does not change the limits.",
    );
  }
  return parts.join(" ");
}

/** The size axis: linear (the usual funnel) or logarithmic, with its ticks; `xLo` is where it starts. */
function sizeAxis(data: FunnelChartData, logScale: boolean, left: number, right: number) {
  const sizes = [...data.points.map((p) => p.denominator), ...data.curve.map((c) => c.trials)].filter((n) => n > 0);
  const maxSize = sizes.length ? Math.max(...sizes) : 1;
  const minPoint = data.points.length ? Math.min(...data.points.map((p) => p.denominator)) : 1;
  const xTickCount = Math.max(2, Math.floor((right - left) / 90));
  if (logScale) {
    // A logarithmic axis starts at half the smallest body, not at the curve's start (1), which would waste most of the width.
    const xLo = Math.max(1, minPoint * 0.5);
    const s = scaleLog().domain([xLo, maxSize * 1.05]).range([left, right]);
    const candidates = s.ticks(xTickCount).filter((t) => /^[125]/.test(String(t)));
    const chosen = candidates.length > xTickCount + 2 ? candidates.filter((t) => String(t).startsWith("1")) : candidates;
    return { xLo, x: (n: number) => s(Math.max(xLo, n)), xTicks: chosen.map((value): Tick => ({ value, at: s(value), label: formatCount(value) })) };
  }
  // No nice(): rounding the end up (2,100 → 4,000) would squeeze the bodies into half the width.
  const s = scaleLinear().domain([0, maxSize * 1.02]).range([left, right]);
  return { xLo: 0, x: (n: number) => s(n), xTicks: s.ticks(xTickCount).map((value): Tick => ({ value, at: s(value), label: formatCount(value) })) };
}

/**
 * The proportion axis: the bodies, the average, and the limits at the smallest body's size (nearer 0
 * the funnel only widens; it is clipped), within 0 to 1, with its labelled ticks.
 */
function proportionAxis(data: FunnelChartData, width: number, top: number) {
  const minPoint = data.points.length ? Math.min(...data.points.map((p) => p.denominator)) : 1;
  const visibleCurve = data.curve.filter((c) => c.trials >= minPoint * 0.9);
  const ys = [...data.points.map((p) => p.proportion), ...(data.pooledProportion !== null ? [data.pooledProportion] : []), ...visibleCurve.flatMap((c) => [c.lower998, c.upper998])].filter(Number.isFinite);
  let lo = ys.length ? Math.min(...ys) : 0;
  let hi = ys.length ? Math.max(...ys) : 1;
  const pad = Math.max(0.02, (hi - lo) * 0.06);
  lo = Math.max(0, lo - pad);
  hi = Math.min(1, hi + pad);
  const plotHeight = width < 480 ? 260 : 320;
  const yTicksCount = width < 480 ? 5 : 7;
  const y = scaleLinear().domain([lo, hi]).nice(yTicksCount).range([top + plotHeight, top]);
  const [d0, d1] = y.domain() as [number, number];
  y.domain([Math.max(0, d0), Math.min(1, d1)]);
  return { y, plotHeight, bottom: top + plotHeight, yTicks: valueTicks(y, yTicksCount, "proportion", data.format) };
}

// Outliers drawn last, so they sit on top.
const drawingOrder: FunnelStatus[] = ["within", "above-95", "below-95", "above-998", "below-998"];

/** The key: the average, both limits, and each marker that appears. */
function funnelLegendItems(points: readonly FunnelPointModel[]): LegendItem[] {
  return [
    { label: "Department average", key: lineKey(colours.secondaryText, null, 3) },
    { label: "95% limits", key: lineKey(colours.limit, dashes.limit95, 1.5) },
    { label: "99.8% limits", key: lineKey(colours.limit, dashes.limit998, 2) },
    ...drawingOrder.filter((s) => points.some((p) => p.status === s)).map((s) => ({ label: funnelMarkers[s].legend, key: markerKey(funnelMarkers[s].shape, funnelMarkers[s].colour, funnelMarkers[s].open) })),
  ];
}

/** Each body's marker, with its name, figure and position against the limits in its title. */
function funnelMarks(data: FunnelChartData, points: readonly FunnelPointModel[]): SvgNode {
  return el(
    "g",
    { class: "app-chart__points" },
    points.map((p) => {
      const look = funnelMarkers[p.status];
      const source = data.points.find((d) => d.organisationCode === p.organisationCode)!;
      return el("g", { "data-organisation": p.organisationCode, "data-shape": p.shape, "data-status": p.status }, [
        el("title", {}, `${p.name}: ${data.format(source.proportion)} of ${formatCount(source.denominator)}, ${funnelStatusWords(p.status)}`),
        marker(p.shape, p.x, p.y, look.colour, { open: look.open, size: p.status === "within" ? 40 : 90 }),
      ]);
    }),
  );
}

/** The geometry of a funnel plot: bodies' proportions against their size, the 95% and 99.8% limit curves and the average. */
export function funnelChartModel(data: FunnelChartData, options: FunnelChartOptions = {}): FunnelChartModel {
  const width = Math.max(280, Math.round(options.width ?? 640));
  const idPrefix = options.idPrefix ?? "chart";
  const logScale = options.xScale === "log";
  const top = 12;
  const { y, plotHeight, bottom, yTicks } = proportionAxis(data, width, top);
  const left = leftMarginFor(yTicks);
  const right = width - 20;
  const { xLo, x, xTicks } = sizeAxis(data, logScale, left, right);
  const [yLo, yHi] = y.domain() as [number, number];
  const clampY = (v: number) => y(Math.min(yHi, Math.max(yLo, v)));
  // Curves run past the plot's top and bottom where the funnel is wide; the clip path cuts them there.
  const curveLine = (pick: (c: FunnelCurvePoint) => number) =>
    roundPath(
      line<FunnelCurvePoint>()
        .defined((c) => Number.isFinite(pick(c)) && c.trials >= xLo)
        .x((c) => x(c.trials))
        .y((c) => y(pick(c)))(data.curve) ?? "",
    );
  const limitPaths = { lower95: curveLine((c) => c.lower95), upper95: curveLine((c) => c.upper95), lower998: curveLine((c) => c.lower998), upper998: curveLine((c) => c.upper998) };
  const pooledPath = data.pooledProportion !== null ? `M${num(left)},${num(y(data.pooledProportion))}L${num(right)},${num(y(data.pooledProportion))}` : null;

  const points: FunnelPointModel[] = data.points
    .map((p) => ({ organisationCode: p.organisationCode, name: p.name, x: x(p.denominator), y: clampY(p.proportion), status: funnelStatus(p), shape: funnelMarkers[funnelStatus(p)].shape }))
    .toSorted((a, b) => drawingOrder.indexOf(a.status) - drawingOrder.indexOf(b.status));

  const axisTitle = `Size: ${data.denominatorLabel ?? "number counted (denominator)"}${logScale ? ", logarithmic scale" : ""}`;
  const legendTop = bottom + 58;
  const key = legend(funnelLegendItems(points), left, legendTop, right - left);
  const height = legendTop + key.height + 8;
  const summary = funnelSummary(data);
  const clipId = `${idPrefix}-clip`;

  const tree = svgRoot({ width, height, idPrefix, title: data.title, description: summary }, [
    el("defs", {}, [el("clipPath", { id: clipId }, [el("rect", { x: left, y: top, width: right - left, height: plotHeight })])]),
    yAxis(yTicks, left, right),
    xAxis(
      xTicks.map((t) => ({ at: t.at, lines: [t.label] })),
      bottom,
      left,
      right,
    ),
    el("text", { x: (left + right) / 2, y: bottom + 44, "text-anchor": "middle", "font-size": fontSize.label, fill: colours.text }, axisTitle),
    el("g", { "clip-path": `url(#${clipId})`, fill: "none" }, [
      pooledPath ? el("path", { class: "app-chart__mean", d: pooledPath, stroke: colours.secondaryText, "stroke-width": 3 }) : null,
      ...(["lower95", "upper95"] as const).map((k) => el("path", { class: "app-chart__limit-95", d: limitPaths[k], stroke: colours.limit, "stroke-width": 1.5, "stroke-dasharray": dashes.limit95 })),
      ...(["lower998", "upper998"] as const).map((k) => el("path", { class: "app-chart__limit-998", d: limitPaths[k], stroke: colours.limit, "stroke-width": 2, "stroke-dasharray": dashes.limit998 })),
    ]),
    funnelMarks(data, points),
    key.node,
  ]);
  return { width, height, plot: { left, top, right, bottom }, xTicks, yTicks, pooledPath, limitPaths, points, summary, tree };
}
