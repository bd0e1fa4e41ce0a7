/**
 * Chart geometry, pure TypeScript (no React, no DOM): each chart is a model (scales turned into
 * positions, path data as plain `d` strings, ticks, markers, legend, a plain-English summary) and an
 * SVG tree. `render*Svg` writes the complete, accessible SVG (role img, title, desc) as a string for
 * the server (board packs; pdfkit's doc.path takes the same path data); the React components in
 * `@complaints/ui` draw the same tree, so browser and server pictures are identical.
 */
import { funnelChartModel, type FunnelChartData, type FunnelChartOptions } from "./funnel.ts";
import { heatmapModel, type HeatmapData } from "./heatmap.ts";
import { assuranceIcon, variationIcon } from "./icons.ts";
import type { Assurance, Variation } from "@complaints/stats";
import type { VariationSide } from "./mdc.ts";
import { toSvgString } from "./svg.ts";
import { xmrChartModel, type ChartOptions, type XmrChartData } from "./xmr.ts";

export * from "./svg.ts";
export * from "./format.ts";
export * from "./mdc.ts";
export * from "./style.ts";
export * from "./axis.ts";
export * from "./xmr.ts";
export * from "./funnel.ts";
export * from "./heatmap.ts";
export * from "./icons.ts";

/** An XmR chart as a complete SVG document string. */
export function renderXmrSvg(data: XmrChartData, options: ChartOptions = {}): string {
  return toSvgString(xmrChartModel(data, options).tree);
}

/** A funnel plot as a complete SVG document string. */
export function renderFunnelSvg(data: FunnelChartData, options: FunnelChartOptions = {}): string {
  return toSvgString(funnelChartModel(data, options).tree);
}

/** A heat map as a complete SVG document string. */
export function renderHeatmapSvg(data: HeatmapData, options: ChartOptions = {}): string {
  return toSvgString(heatmapModel(data, options).tree);
}

/** A Making Data Count variation icon as an SVG string (decorative: print its words beside it). */
export function renderVariationIconSvg(variation: Variation, side: VariationSide | null = null): string {
  return toSvgString(variationIcon(variation, side).tree);
}

/** A Making Data Count assurance icon as an SVG string (decorative: print its words beside it). */
export function renderAssuranceIconSvg(assurance: Assurance): string {
  return toSvgString(assuranceIcon(assurance).tree);
}
