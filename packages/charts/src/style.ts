import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from "d3-shape";
import { el, num, type SvgNode } from "./svg.ts";

/**
 * Colours, line patterns and marker shapes shared by the charts. Every colour that carries meaning
 * has at least 3:1 contrast with white (WCAG 2.2 1.4.11) and is paired with a shape, a dash pattern
 * or words, so colour is never the only signal.
 */
export const colours = {
  text: "#0b0c0c",
  secondaryText: "#505a5f",
  grid: "#d6d6d6",
  axis: "#505a5f",
  line: "#0b0c0c",
  /** Making Data Count's palette, darkened where needed for 3:1 contrast on white. */
  commonCause: "#626a6e",
  improvement: "#1d70b8",
  concern: "#b14a00",
  neither: "#4c2c92",
  limit: "#0b0c0c",
  outside998: "#4c2c92",
  outside95: "#1d70b8",
  inside: "#626a6e",
  /** Heat map: light grey to dark blue. */
  heatLow: "#f3f2f1",
  heatHigh: "#12436d",
} as const;

export const fontFamily = '"GDS Transport", arial, sans-serif';
export const fontSize = { tick: 14, legend: 14, label: 14, note: 14 } as const;

/** Dash patterns: 95% limits dashed, 99.8% limits dotted, process limits long dashes. */
export const dashes = { limit95: "8 5", limit998: "2 4", processLimit: "10 4", mean: null } as const;

export type MarkerShape = "circle" | "square" | "diamond" | "triangle-up" | "triangle-down";

/** A marker's path data centred on (0, 0), with area `size` (square units), from d3-shape's symbols. */
export function markerPath(shape: MarkerShape, size: number): string {
  const type = shape === "circle" ? symbolCircle : shape === "square" ? symbolSquare : shape === "diamond" ? symbolDiamond : symbolTriangle;
  const d = symbol(type, size)();
  if (!d) throw new Error("d3-shape gave no symbol path");
  return roundPath(d);
}

/** Path data with every number rounded to 2 places, so string and React renderers print the same. */
export function roundPath(d: string): string {
  return d.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (n) => num(Number(n)));
}

/** A marker at (x, y): a filled shape, or an open one (white fill) when `open`. */
export function marker(shape: MarkerShape, x: number, y: number, colour: string, options: { size?: number; open?: boolean } = {}): SvgNode {
  const size = options.size ?? 64;
  const rotate = shape === "triangle-down" ? " rotate(180)" : "";
  return el("path", {
    d: markerPath(shape, size),
    transform: `translate(${num(x)},${num(y)})${rotate}`,
    fill: options.open ? "#ffffff" : colour,
    stroke: colour,
    "stroke-width": 2,
  });
}

/** Rough width of a text in the chart font: 0.55 em a character (GDS Transport and Arial average about that). */
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.55;
}

export interface LegendItem {
  readonly label: string;
  /** The key drawn in a 24 × 16 box whose left middle is (0, 0). */
  readonly key: SvgNode;
}

/** A line key for a legend: 24 units long, with the dash pattern. */
export function lineKey(colour: string, dash: string | null, width = 2): SvgNode {
  return el("path", { d: "M0,0L24,0", stroke: colour, "stroke-width": width, "stroke-dasharray": dash, fill: "none" });
}

/** A marker key for a legend. */
export function markerKey(shape: MarkerShape, colour: string, open = false): SvgNode {
  return marker(shape, 12, 0, colour, { open });
}

/**
 * Legend items laid out left to right, wrapping to new rows within `width`; the group starts at
 * (x, y) and the result says how tall it is.
 */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): { node: SvgNode; height: number } {
  const rowHeight = 24;
  const gap = 20;
  let cx = 0;
  let row = 0;
  const children: SvgNode[] = [];
  for (const item of items) {
    const w = 32 + textWidth(item.label, fontSize.legend);
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row++;
    }
    const cy = row * rowHeight + rowHeight / 2;
    children.push(
      el("g", { transform: `translate(${num(cx)},${num(cy)})` }, [
        item.key,
        el("text", { x: 32, y: 0, "dominant-baseline": "central", "font-size": fontSize.legend, fill: colours.text }, item.label),
      ]),
    );
    cx += w + gap;
  }
  return { node: el("g", { class: "app-chart__legend", transform: `translate(${num(x)},${num(y)})` }, children), height: items.length === 0 ? 0 : (row + 1) * rowHeight };
}

/** The chart's root: a responsive, accessible SVG (role img, labelled by its title and description). */
export function svgRoot(options: { width: number; height: number; idPrefix: string; title: string; description: string }, children: readonly (SvgNode | null | false)[]): SvgNode {
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${num(options.width)} ${num(options.height)}`,
      width: "100%",
      role: "img",
      "aria-labelledby": `${titleId} ${descId}`,
      "font-family": fontFamily,
      class: "app-chart__svg",
    },
    [el("title", { id: titleId }, options.title), el("desc", { id: descId }, options.description), ...children],
  );
}

/** Lines of wrapped text (for notes under a chart) within `width`. */
export function wrapText(text: string, width: number, size: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Relative luminance and contrast ratio (WCAG 2.2), for choosing text colour on a shaded cell. */
export function contrastRatio(a: string, b: string): number {
  const l1 = luminance(a);
  const l2 = luminance(b);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

function luminance(colour: string): number {
  const [r, g, b] = parseColour(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `#rrggbb` or `rgb(r, g, b)` (what d3-interpolate gives) as [r, g, b]. */
export function parseColour(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new RangeError(`not a colour: ${colour}`);
}

/** `rgb(r, g, b)` as `#rrggbb`. */
export function toHex(colour: string): string {
  return `#${parseColour(colour)
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`;
}
