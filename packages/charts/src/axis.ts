import type { ScaleLinear } from "d3-scale";
import { tickDecimals, type ValueFormat, type ValueKind } from "./format.ts";
import { colours, fontSize, textWidth } from "./style.ts";
import { el, num, type SvgNode } from "./svg.ts";

export interface Tick {
  readonly value: number;
  /** Position along the axis in chart units. */
  readonly at: number;
  readonly label: string;
}

/** Ticks of a linear value scale, labelled as the measure is written, to the decimals their step needs. */
export function valueTicks(scale: ScaleLinear<number, number>, count: number, kind: ValueKind, format: ValueFormat): Tick[] {
  const ticks = scale.ticks(count);
  const decimals = tickDecimals(kind, ticks.length > 1 ? ticks[1]! - ticks[0]! : 1);
  return ticks.map((value) => ({ value, at: scale(value), label: format(value, decimals) }));
}

/** Room for the widest tick label on the left. */
export function leftMarginFor(ticks: readonly Tick[]): number {
  return Math.ceil(Math.max(24, ...ticks.map((t) => textWidth(t.label, fontSize.tick))) + 12);
}

/** Horizontal grid lines with labels on the left (the y axis). */
export function yAxis(ticks: readonly Tick[], left: number, right: number): SvgNode {
  return el(
    "g",
    { class: "app-chart__y-axis" },
    ticks.flatMap((t) => [
      el("path", { d: `M${num(left)},${num(t.at)}L${num(right)},${num(t.at)}`, stroke: colours.grid, "stroke-width": 1 }),
      el("text", { x: left - 8, y: t.at, "text-anchor": "end", "dominant-baseline": "central", "font-size": fontSize.tick, fill: colours.text }, t.label),
    ]),
  );
}

/** The x axis line with tick marks and labels (each label one or more lines) under the plot. */
export function xAxis(ticks: readonly { at: number; lines: readonly string[] }[], bottom: number, left: number, right: number): SvgNode {
  return el("g", { class: "app-chart__x-axis" }, [
    el("path", { d: `M${num(left)},${num(bottom)}L${num(right)},${num(bottom)}`, stroke: colours.axis, "stroke-width": 1 }),
    ...ticks.flatMap((t) => [
      el("path", { d: `M${num(t.at)},${num(bottom)}L${num(t.at)},${num(bottom + 6)}`, stroke: colours.axis, "stroke-width": 1 }),
      ...t.lines.map((line, i) =>
        line ? el("text", { x: t.at, y: bottom + 20 + i * 18, "text-anchor": "middle", "font-size": fontSize.tick, fill: colours.text }, line) : null,
      ),
    ]),
  ]);
}
