import { measureFigure, type MeasureFormat } from "@complaints/domain";
import { markerSuffix, numberMarkers } from "./cells.ts";
import { decimalPlaces, shorthandMeaning, statistics, type BoardPack, type Cell, type Column, type NumberFormat, type PackTable, type Statistic } from "./model.ts";

/**
 * The pack's figures in tidy long form, one value per row (for open data and for checking that
 * every format carries the same figures): every numeric or shorthand cell of every table's measure
 * columns, with the row's organisation and period. A table without an organisation column is
 * about the scope's organisation; one without a period column is about the pack's period.
 */
export interface TidyRow {
  table: string;
  organisation: string;
  organisationName: string;
  period: string;
  /** What the row is about, where a table has more than one row per organisation (a stage, a theme, an action). */
  label: string;
  /** The stable id of the measure or template field ("received", "within_timescale"), or of the table's column. */
  measureCode: string;
  /** Its label, as the spreadsheet reads it. */
  measure: string;
  statistic: Statistic;
  /** Whose returns the figure covers: "all" who have sent, the "matched" panel of a comparison with a year earlier, or "". */
  panel: "all" | "matched" | "";
  /** What the value is in ("count", "%", "£", "per 10,000", "working days"); "" where unknown. */
  unit: string;
  /** null where the marker is [c], [x] or [z]. */
  value: number | null;
  /** "", "[c]", "[x]" or "[z]" (shorthand in place of the value), or a number's markers: "[r]", "[p]", or "[r] [p]" (revised and provisional, r first). */
  marker: TidyMarker;
}

/** Every marker a tidy row can carry (the CSVW metadata's `marker` format lists the same). */
export const tidyMarkers = ["", "[c]", "[x]", "[z]", "[r]", "[p]", "[r] [p]"] as const;
export type TidyMarker = (typeof tidyMarkers)[number];

/** What a number format's figures are in, where neither the column nor the row says. */
const unitOfFormat: Record<NumberFormat, string> = { count: "count", percent1: "%", pounds: "£", pence: "£", year: "year", decimal1: "" };

/**
 * One figure of a table as a tidy row's statistic, unit, value and marker: the one place a cell
 * becomes open data, for every table. The unit is the figure's own (a change in percentage points),
 * else the column's (a numerator is a count), else the row's (a measure's "%"), else the number format's.
 */
export function tidyFigure(column: Column, cell: Cell, rowUnit: string): Pick<TidyRow, "statistic" | "unit" | "value" | "marker"> | null {
  if (column.type === "text" || cell.kind === "text") return null;
  const statistic = column.statistic ?? "value";
  const unit = (cell.kind === "number" ? cell.unit : undefined) ?? column.unit ?? (rowUnit || unitOfFormat[column.type]);
  if (cell.kind === "shorthand") return { statistic, unit, value: null, marker: `[${cell.code}]` };
  const marker = markerSuffix(numberMarkers(cell)).trim() as TidyMarker;
  return { statistic, unit, value: cell.value, marker };
}

/** What a table's rows are about where the table has no column saying: the organisation and period. */
export interface TidyAbout {
  organisation: string;
  organisationName: string;
  period: string;
}

/**
 * One table's figures as tidy rows: one row per numeric or shorthand cell of its measure columns.
 * A table with a `measure` column has one row per measure (the columns are its statistics);
 * otherwise each numeric column is a measure.
 */
export function tidyTableRows(table: PackTable, about: TidyAbout): TidyRow[] {
  const out: TidyRow[] = [];
  const orgAt = table.columns.findIndex((c) => c.role === "organisation");
  const nameAt = table.columns.findIndex((c) => c.role === "organisation_name");
  const periodAt = table.columns.findIndex((c) => c.role === "period");
  const labelAts = table.columns.flatMap((c, i) => (c.role === "label" ? [i] : []));
  const unitAt = table.columns.findIndex((c) => c.role === "unit");
  const measureAt = table.columns.findIndex((c) => c.role === "measure");
  const textOf = (row: Cell[], i: number, fallback: string) => {
    const cell = i >= 0 ? row[i] : undefined;
    return cell?.kind === "text" ? cell.text : fallback;
  };
  for (const row of table.rows) {
    const organisation = textOf(row, orgAt, about.organisation);
    const organisationName = textOf(row, nameAt, orgAt >= 0 ? "" : about.organisationName);
    const period = textOf(row, periodAt, about.period);
    const label = labelAts.map((i) => textOf(row, i, "")).filter(Boolean).join(" / ");
    const rowUnit = textOf(row, unitAt, "");
    const rowMeasure = measureAt >= 0 ? row[measureAt] : undefined;
    table.columns.forEach((column, i) => {
      const figure = tidyFigure(column, row[i]!, rowUnit);
      if (!figure) return;
      const measure =
        rowMeasure?.kind === "text"
          ? { measureCode: rowMeasure.code ?? rowMeasure.text, measure: rowMeasure.text }
          : { measureCode: column.key, measure: column.heading.replace(/\s*\[note \d+\]/g, "") };
      out.push({ table: table.tableName, organisation, organisationName, period, label, ...measure, panel: table.panel ?? "", ...figure });
    });
  }
  return out;
}

/** Every table of the pack as tidy rows; a table without an organisation or period column is about the pack's scope and period. */
export function tidyRows(pack: BoardPack): TidyRow[] {
  const about = { organisation: pack.scope.code, organisationName: pack.scope.name, period: pack.period.code };
  return pack.tables.flatMap((table) => tidyTableRows(table, about));
}

/** A measure's figure as the pack and open data store it: `measureFigure` of the domain, in the measure's own decimals. */
export { measureFigure };

/** A measure's figures as metrics.comparison gives them (proportions as fractions). */
export interface MeasureFiguresIn {
  value: number | null;
  numerator: number;
  denominator: number;
  interval95: { lower: number; upper: number } | null;
}

/**
 * A measure's figure as a cell: `measureFigure` of the value, shown with the measure's declared
 * decimals in every format. A measure's figures sit in one-decimal columns (`decimal1`), so a figure
 * carries its own decimals only where its measure declares other than one.
 */
export function measureFigureCell(measure: Pick<MeasureFormat, "kind" | "decimals">, value: number, marks: { revised?: boolean; provisional?: boolean } = {}): Cell {
  const own = measure.decimals === decimalPlaces.decimal1 ? {} : { decimals: measure.decimals };
  return { kind: "number", value: measureFigure(measure, value), ...own, ...(marks.revised ? { revised: true } : {}), ...(marks.provisional ? { provisional: true } : {}) };
}

/**
 * A measure's value, 95% limits, numerator and denominator as the cells of a table with one row per
 * measure (the board pack's headline measures, the compare page's download): [x] where there is no
 * figure, [z] for the limits of a figure that has none (an average).
 */
export function measureStatisticCells(measure: Pick<MeasureFormat, "kind" | "decimals">, cell: MeasureFiguresIn | undefined, marks: { revised?: boolean; provisional?: boolean }): Cell[] {
  const marked = { ...(marks.revised ? { revised: true } : {}), ...(marks.provisional ? { provisional: true } : {}) };
  const fig = (v: number): Cell => measureFigureCell(measure, v, marked);
  const count = (v: number): Cell => ({ kind: "number", value: v, ...marked });
  const value = cell?.value ?? null;
  const noLimit: Cell = { kind: "shorthand", code: value === null ? "x" : "z" };
  return [
    value === null ? { kind: "shorthand", code: "x" } : fig(value),
    cell?.interval95 ? fig(cell.interval95.lower) : noLimit,
    cell?.interval95 ? fig(cell.interval95.upper) : noLimit,
    cell ? count(cell.numerator) : { kind: "shorthand", code: "x" },
    cell ? count(cell.denominator) : { kind: "shorthand", code: "x" },
  ];
}

/** A CSV column of the tidy form: its name, what it holds, its cell, and its CSVW datatype. */
export interface TidyColumn {
  name: string;
  description: string;
  text: (row: TidyRow) => string | number | null;
  /** A CSVW datatype (Metadata Vocabulary section 5.11): text columns are strings, `value` a number. */
  datatype: "string" | "number" | { base: "string"; format: string };
  required: boolean;
}

/** Every marker with its meaning, as the spreadsheets show it; a number both revised and provisional is marked "[r] [p]", r first (model.ts). */
export const tidyMarkerMeanings: [string, string][] = [
  ...(["c", "x", "z", "r", "p"] as const).map((m): [string, string] => [`[${m}]`, shorthandMeaning[m]]),
  ["[r] [p]", `both revised (${shorthandMeaning.r}) and provisional (${shorthandMeaning.p})`],
];
export const tidyMarkerList = tidyMarkerMeanings.map(([m, meaning]) => `${m}: ${meaning}`).join("; ");
/** A CSVW format for a string datatype is a regular expression (Metadata Vocabulary section 6.4, "Formats"): the column's values other than empty (its null). */
const oneOf = (values: readonly string[]) => `^(${values.map((v) => v.replace(/[[\]]/g, "\\$&")).join("|")})$`;

/**
 * The tidy CSV's columns, in order: the pack's CSV and its CSVW metadata, and the portal's
 * downloads of figures, all write these.
 */
export const tidyColumns: readonly TidyColumn[] = [
  { name: "table", description: "The pack table the figure comes from (its table name in the spreadsheet).", text: (r) => r.table, datatype: "string", required: true },
  { name: "organisation", description: "Code of the body, or of the department for figures about all its bodies.", text: (r) => r.organisation, datatype: "string", required: true },
  { name: "organisation_name", description: "Name of the organisation, where the table gives one.", text: (r) => r.organisationName, datatype: "string", required: false },
  { name: "period", description: "The quarter (such as 2025-26 Q1) or financial year (such as 2025-26) the figure is for; a year_earlier figure is for the same period a year before.", text: (r) => r.period, datatype: "string", required: true },
  { name: "label", description: "What the row is about where a table has more than one row per organisation, such as a stage, a theme or an equality category.", text: (r) => r.label, datatype: "string", required: false },
  { name: "measure_code", description: "Stable identifier of what is measured: the return template's id of the measure or field (such as received or within_timescale), or the table column's.", text: (r) => r.measureCode, datatype: "string", required: true },
  { name: "measure", description: "What is measured, as the spreadsheet labels it.", text: (r) => r.measure, datatype: "string", required: true },
  {
    name: "statistic",
    description: "Which figure of the measure the value is: value (the figure), lower_95 and upper_95 (its 95% confidence interval), numerator and denominator (the counts it is worked out from), this_period and year_earlier (the two sides of a comparison with a year earlier), and change (from a year earlier to this period: in percent, or in percentage points for a percentage).",
    text: (r) => r.statistic,
    datatype: { base: "string", format: oneOf(statistics) },
    required: true,
  },
  {
    name: "panel",
    description: "Whose returns the figure covers: all (every body that has sent a return that counts) or matched (only the bodies and quarters counted both this period and a year earlier, so the two sides compare like with like); empty where the figure is not part of a comparison.",
    text: (r) => r.panel,
    datatype: { base: "string", format: oneOf(["all", "matched"]) },
    required: false,
  },
  { name: "unit", description: "What the value is in: count, % (percentages from 0 to 100), £, per 10,000, per 100 received, working days, year, percent change or percentage points; empty where unknown.", text: (r) => r.unit, datatype: "string", required: false },
  { name: "value", description: "The figure, as stored in the spreadsheet (percentages from 0 to 100). Empty where the marker is [c], [x] or [z].", text: (r) => r.value, datatype: "number", required: false },
  { name: "marker", description: `Empty, or a marker for the figure: ${tidyMarkerList}.`, text: (r) => r.marker, datatype: { base: "string", format: oneOf(tidyMarkers.filter((m) => m !== "")) }, required: false },
];
