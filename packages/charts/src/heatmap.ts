import { scaleLinear } from "d3-scale";
import { listInWords, plural, type ValueFormat } from "./format.ts";
import { colours, contrastRatio, fontSize, legend, svgRoot, textWidth, toHex } from "./style.ts";
import { el, num, type SvgNode } from "./svg.ts";

/** One cell: the rate per 100 complaints received (null: nothing to show), and whether the theme is emerging there. */
export interface HeatmapCell {
  readonly value: number | null;
  readonly emerging?: boolean | undefined;
  /** Words for the table and tooltip, e.g. "12 of 80 complaints". */
  readonly detail?: string | undefined;
}

export interface HeatmapRow {
  readonly id: string;
  /** A body's name (or "Department"). */
  readonly label: string;
  /** One cell per column, in the columns' order. */
  readonly cells: readonly HeatmapCell[];
}

export interface HeatmapData {
  /** e.g. "Themes per 100 complaints received, Apr 2024 to Sep 2026". */
  readonly title: string;
  /** Themes (or quarters). */
  readonly columns: readonly { readonly id: string; readonly label: string }[];
  readonly rows: readonly HeatmapRow[];
  /** What a cell's number is; default "per 100 complaints received". */
  readonly valueLabel?: string | undefined;
  /**
   * What the rows and columns are, for the words: bodies (rows) by themes (columns), the default, reads
   * "Delay at Agency One"; themes (rows) by quarters (columns) reads "Delay in Jul to Sep 2026".
   */
  readonly orientation?: HeatmapOrientation | undefined;
  /** How a cell's value is written ("12.5"): the caller's formatter for a rate per 100 (domain's `formatOneDecimal`). */
  readonly format: ValueFormat;
}

export type HeatmapOrientation = "bodies-by-themes" | "themes-by-quarters";

export interface HeatmapCellModel {
  readonly row: string;
  readonly column: string;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly textColour: string;
  readonly text: string;
  readonly emerging: boolean;
}

export interface HeatmapModel {
  readonly width: number;
  readonly height: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly cells: readonly HeatmapCellModel[];
  readonly summary: string;
  readonly tree: SvgNode;
}

/** A cell's value as written in it, its title and the table: an en dash where there is none. */
export function heatmapValueText(data: Pick<HeatmapData, "format">, v: number | null): string {
  return v === null || !Number.isFinite(v) ? "–" : data.format(v);
}

export interface HeatmapOptions {
  readonly width?: number | undefined;
  readonly idPrefix?: string | undefined;
  /**
   * The darkest shade's value (default: the largest value in `data`). A heat map drawn in parts (a
   * board pack splits a long one across pages) passes the whole map's largest value to every part,
   * so one shade means one value throughout.
   */
  readonly maxValue?: number | undefined;
}

/** Path data of the emerging mark: a small triangle pointing up, its top at (x, y). */
export function emergingMarkPath(x: number, y: number): string {
  return `M${num(x)},${num(y)}L${num(x + 6)},${num(y + 10)}L${num(x - 6)},${num(y + 10)}Z`;
}

/** A plain-English summary: the highest rates and the emerging themes, by name, theme first whichever way the map is turned. */
export function heatmapSummary(data: HeatmapData): string {
  const unit = data.valueLabel ?? "per 100 complaints received";
  const byQuarter = data.orientation === "themes-by-quarters";
  const cells = data.rows.flatMap((r) => r.cells.map((c, i) => ({ row: r.label, column: data.columns[i]?.label ?? "", ...c })));
  // "Delay at Agency One" (a body's row, a theme's column) or "Delay in Jul to Sep 2026" (a theme's row, a quarter's column).
  const where = (c: { row: string; column: string }) => (byQuarter ? `${c.row} in ${c.column}` : `${c.column} at ${c.row}`);
  const valued = cells.filter((c): c is typeof c & { value: number } => c.value !== null && Number.isFinite(c.value));
  if (valued.length === 0) return `${data.title}: no figures to show.`;
  const top = valued.toSorted((a, b) => b.value - a.value).slice(0, 3);
  const shape = byQuarter
    ? `${plural(data.rows.length, "theme", "themes")} by ${plural(data.columns.length, "quarter", "quarters")}`
    : `${plural(data.rows.length, "row", "rows")} of bodies by ${plural(data.columns.length, "theme", "themes")}`;
  const parts = [`${shape}, each cell a rate ${unit}.`, `Highest: ${listInWords(top.map((c) => `${where(c)}, ${heatmapValueText(data, c.value)}`))}.`];
  const emerging = cells.filter((c) => c.emerging);
  parts.push(emerging.length === 0 ? "No theme is emerging." : `${plural(emerging.length, "emerging theme is", "emerging themes are")} marked with a triangle: ${listInWords(emerging.map(where))}.`);
  return parts.join(" ");
}

/** Truncates a label to fit `width`, with an ellipsis. */
function fit(label: string, width: number, size: number): string {
  if (textWidth(label, size) <= width) return label;
  let s = label;
  while (s.length > 1 && textWidth(`${s}…`, size) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/**
 * Where the grid sits: row labels get at least 150 units even on a 320 px screen (where the map
 * scrolls anyway): at 110, "Communication" and most body names were cut to a word. Column labels are
 * turned 45° so long theme names fit over narrow cells; longer than 190 units they are shortened with
 * "…" (the table has them in full). The cells are as wide as the width allows with every turned
 * label, the last one too, inside it rather than cut off.
 */
function heatmapLayout(data: HeatmapData, available: number) {
  const rowLabelWidth = Math.min(Math.max(150, Math.round(available * 0.3)), 260, Math.max(80, ...data.rows.map((r) => textWidth(r.label, fontSize.label) + 12)));
  const columnLabels = data.columns.map((c) => fit(c.label, 190, fontSize.label));
  const longestColumn = Math.max(0, ...columnLabels.map((l) => textWidth(l, fontSize.label)));
  // How far each turned label reaches right of its column's middle (and up from the grid).
  const reach = columnLabels.map((l) => Math.ceil(textWidth(l, fontSize.label) * Math.SQRT1_2));
  const headerHeight = Math.ceil(longestColumn * Math.SQRT1_2) + 24;
  const widest = Math.min(...reach.map((r, ci) => (available - rowLabelWidth - 8 - r) / (ci + 0.5)), (available - rowLabelWidth - 8) / Math.max(1, data.columns.length));
  const cellWidth = Math.max(52, Math.floor(widest));
  const gridLeft = rowLabelWidth;
  const labelsRight = Math.max(0, ...reach.map((r, ci) => gridLeft + (ci + 0.5) * cellWidth + r));
  const width = Math.max(available, Math.ceil(Math.max(gridLeft + cellWidth * data.columns.length, labelsRight)) + 8);
  return { rowLabelWidth, columnLabels, cellWidth, cellHeight: 32, gridLeft, gridTop: headerHeight, width };
}

type HeatmapLayout = ReturnType<typeof heatmapLayout>;

/** The key: the shade ramp from 0 to the darkest value, and the emerging mark; within the visible width, so on a narrow screen it is seen without scrolling. */
function heatmapKey(data: HeatmapData, max: number, top: number, available: number) {
  const ramp = el("g", {}, [
    el("rect", { x: 0, y: -8, width: 12, height: 16, fill: colours.heatLow, stroke: colours.secondaryText }),
    el("rect", { x: 12, y: -8, width: 12, height: 16, fill: colours.heatHigh, stroke: colours.secondaryText }),
  ]);
  const items = [
    { label: `Lighter to darker: 0 to ${heatmapValueText(data, max)}`, key: ramp },
    { label: "Emerging theme", key: el("path", { d: emergingMarkPath(12, -6), fill: colours.concern, stroke: "#ffffff", "stroke-width": 1 }) },
  ];
  return legend(items, 8, top, Math.max(120, available - 16));
}

/** The column and row labels around the grid. */
function heatmapLabels(data: HeatmapData, layout: HeatmapLayout): SvgNode[] {
  const { gridLeft, gridTop, cellWidth, cellHeight, columnLabels, rowLabelWidth } = layout;
  return [
    el(
      "g",
      { class: "app-chart__columns" },
      data.columns.map((col, ci) => {
        const cx = gridLeft + ci * cellWidth + cellWidth / 2;
        return el("text", { x: cx, y: gridTop - 8, transform: `rotate(-45 ${num(cx)} ${num(gridTop - 8)})`, "font-size": fontSize.label, fill: colours.text }, columnLabels[ci] ?? col.label);
      }),
    ),
    el(
      "g",
      { class: "app-chart__rows" },
      data.rows.map((r, ri) =>
        el("text", { x: gridLeft - 8, y: gridTop + ri * cellHeight + cellHeight / 2, "text-anchor": "end", "dominant-baseline": "central", "font-size": fontSize.label, fill: colours.text }, fit(r.label, rowLabelWidth - 12, fontSize.label)),
      ),
    ),
  ];
}

/** The cells, each with its title, shade, number and emerging mark; then the emerging cells' borders, last so no neighbouring cell covers them. */
function heatmapCells(data: HeatmapData, cells: readonly HeatmapCellModel[], layout: HeatmapLayout): SvgNode[] {
  const { cellWidth, cellHeight } = layout;
  return [
    el(
      "g",
      { class: "app-chart__cells" },
      cells.map((c) => {
        const ci = data.columns.findIndex((col) => col.id === c.column);
        const row = data.rows.find((r) => r.id === c.row);
        const detail = row?.cells[ci]?.detail;
        return el("g", { "data-row": c.row, "data-column": c.column, ...(c.emerging ? { "data-emerging": "true" } : {}) }, [
          el("title", {}, `${row?.label ?? c.row}, ${data.columns[ci]?.label ?? c.column}: ${c.text}${detail ? ` (${detail})` : ""}${c.emerging ? ", emerging" : ""}`),
          el("rect", { x: c.x, y: c.y, width: cellWidth, height: cellHeight, fill: c.fill, stroke: "#ffffff", "stroke-width": 1 }),
          el("text", { x: c.x + cellWidth / 2 - (c.emerging ? 5 : 0), y: c.y + cellHeight / 2, "text-anchor": "middle", "dominant-baseline": "central", "font-size": fontSize.label, fill: c.textColour }, c.text),
          c.emerging ? el("path", { d: emergingMarkPath(c.x + cellWidth - 10, c.y + 4), fill: colours.concern, stroke: "#ffffff", "stroke-width": 1 }) : null,
        ]);
      }),
    ),
    el(
      "g",
      { class: "app-chart__emerging", fill: "none" },
      cells.filter((c) => c.emerging).map((c) => el("rect", { x: c.x + 1.5, y: c.y + 1.5, width: cellWidth - 3, height: cellHeight - 3, stroke: colours.concern, "stroke-width": 3 })),
    ),
  ];
}

/**
 * The geometry of a heat map: rows (bodies) by columns (themes or quarters), each cell shaded by
 * its value with the number printed in it (shade is never the only signal), emerging cells marked
 * with a triangle and a heavier border. The width follows the columns (at least 52 units each), so
 * on a narrow screen the browser component scrolls it sideways rather than shrinking text.
 */
export function heatmapModel(data: HeatmapData, options: HeatmapOptions = {}): HeatmapModel {
  const idPrefix = options.idPrefix ?? "chart";
  const available = Math.max(280, Math.round(options.width ?? 640));
  const layout = heatmapLayout(data, available);
  const { width, cellWidth, cellHeight, gridLeft, gridTop } = layout;
  const values = data.rows.flatMap((r) => r.cells.map((c) => c.value)).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = options.maxValue ?? (values.length ? Math.max(...values) : 1);
  const shade = scaleLinear<string>().domain([0, max > 0 ? max : 1]).range([colours.heatLow, colours.heatHigh]).clamp(true);

  const cells: HeatmapCellModel[] = data.rows.flatMap((r, ri) =>
    data.columns.map((col, ci) => {
      const cell = r.cells[ci] ?? { value: null };
      const fill = cell.value === null || !Number.isFinite(cell.value) ? "#ffffff" : toHex(shade(cell.value));
      const textColour = contrastRatio(fill, "#ffffff") > contrastRatio(fill, colours.text) ? "#ffffff" : colours.text;
      return { row: r.id, column: col.id, x: gridLeft + ci * cellWidth, y: gridTop + ri * cellHeight, fill, textColour, text: heatmapValueText(data, cell.value), emerging: Boolean(cell.emerging) };
    }),
  );
  const legendTop = gridTop + data.rows.length * cellHeight + 16;
  const key = heatmapKey(data, max, legendTop, available);
  const height = legendTop + key.height + 8;
  const summary = heatmapSummary(data);
  const tree = svgRoot({ width, height, idPrefix, title: data.title, description: summary }, [...heatmapLabels(data, layout), ...heatmapCells(data, cells, layout), key.node]);
  return { width, height, cellWidth, cellHeight, cells, summary, tree };
}
