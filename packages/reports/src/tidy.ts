import { numberMarkers } from "./cells.ts";
import type { BoardPack, Cell } from "./model.ts";

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
  measure: string;
  measureLabel: string;
  /** What the value is in, where the table says ("%", "£", "per 10,000", "working days"); else "". */
  unit: string;
  /** null where the marker is c, x or z. */
  value: number | null;
  /** "", "c", "x" or "z" (shorthand in place of the value), or a number's markers: "r", "p", or "r p" (revised and provisional, r first). */
  marker: TidyMarker;
}

/** Every marker a tidy row can carry (the CSVW metadata's `marker` format lists the same). */
export const tidyMarkers = ["", "c", "x", "z", "r", "p", "r p"] as const;
export type TidyMarker = (typeof tidyMarkers)[number];

export function tidyRows(pack: BoardPack): TidyRow[] {
  const out: TidyRow[] = [];
  for (const table of pack.tables) {
    const orgAt = table.columns.findIndex((c) => c.role === "organisation");
    const nameAt = table.columns.findIndex((c) => c.role === "organisation_name");
    const periodAt = table.columns.findIndex((c) => c.role === "period");
    const labelAts = table.columns.flatMap((c, i) => (c.role === "label" ? [i] : []));
    const unitAt = table.columns.findIndex((c) => c.role === "unit");
    const textOf = (row: Cell[], i: number, fallback: string) => {
      const cell = i >= 0 ? row[i] : undefined;
      return cell?.kind === "text" ? cell.text : fallback;
    };
    for (const row of table.rows) {
      const organisation = textOf(row, orgAt, pack.scope.code);
      const organisationName = textOf(row, nameAt, orgAt >= 0 ? "" : pack.scope.name);
      const period = textOf(row, periodAt, pack.period.code);
      const label = labelAts.map((i) => textOf(row, i, "")).filter(Boolean).join(" / ");
      const unit = textOf(row, unitAt, "");
      table.columns.forEach((column, i) => {
        if (column.type === "text") return;
        const cell = row[i]!;
        const base = { table: table.tableName, organisation, organisationName, period, label, measure: column.key, measureLabel: column.heading.replace(/\s*\[note \d+\]/g, ""), unit };
        if (cell.kind === "number") {
          const markers = numberMarkers(cell);
          out.push({ ...base, value: cell.value, marker: markers.length === 2 ? "r p" : (markers[0] ?? "") });
        } else if (cell.kind === "shorthand") out.push({ ...base, value: null, marker: cell.code });
      });
    }
  }
  return out;
}
