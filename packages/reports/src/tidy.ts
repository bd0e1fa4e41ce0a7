import { markerSuffix, numberMarkers } from "./cells.ts";
import type { BoardPack, Cell, Column, NumberFormat, Statistic } from "./model.ts";

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

export function tidyRows(pack: BoardPack): TidyRow[] {
  const out: TidyRow[] = [];
  for (const table of pack.tables) {
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
      const organisation = textOf(row, orgAt, pack.scope.code);
      const organisationName = textOf(row, nameAt, orgAt >= 0 ? "" : pack.scope.name);
      const period = textOf(row, periodAt, pack.period.code);
      const label = labelAts.map((i) => textOf(row, i, "")).filter(Boolean).join(" / ");
      const rowUnit = textOf(row, unitAt, "");
      // One row per measure: the row names it and the numeric columns are its statistics; else each numeric column is a measure.
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
  }
  return out;
}
