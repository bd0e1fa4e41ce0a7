import { neutraliseFormula } from "@complaints/domain";
import { decimalPlaces, type Cell, type Column, type NumberFormat } from "./model.ts";

/** How every writer turns a cell into text where it writes text (PDF, CSV, a spreadsheet's shown value). */

const formatters = new Map<number, Intl.NumberFormat>();

/** A number with its column's decimal places (or `places` where it has its own) and thousands separators ("1,234.5"); years without a separator. */
export function formatNumber(value: number, format: NumberFormat, places = decimalPlaces[format]): string {
  if (format === "year") return String(value);
  let f = formatters.get(places);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: true });
    formatters.set(places, f);
  }
  return f.format(value);
}

/** The decimal places a number is shown with: its own (a measure's declared decimals) where it has them, else its column's. */
export function shownPlaces(cell: { decimals?: number }, column: Column): number {
  return cell.decimals ?? decimalPlaces[column.type === "text" ? "decimal1" : column.type];
}

/** A marker on a number that stays a number: `r` revised, `p` provisional (GSS shorthand, model.ts). */
export type NumberMarker = "r" | "p";

/**
 * The markers on a number in the order they are written, revised before provisional ("12 [r] [p]",
 * CSV "r p"), as model.ts states the convention. Every writer takes the order from here.
 */
export function numberMarkers(cell: { revised?: boolean; provisional?: boolean }): NumberMarker[] {
  const markers: NumberMarker[] = [];
  if (cell.revised) markers.push("r");
  if (cell.provisional) markers.push("p");
  return markers;
}

/** The text after a marked number as every format shows it: "", " [r]", " [p]" or " [r] [p]". */
export function markerSuffix(markers: readonly NumberMarker[]): string {
  return markers.map((m) => ` [${m}]`).join("");
}

/** A cell as a reader sees it: "1,234", "12.3 [r]", "5 [p]", "87 [r] [p]", "[c]", or the text itself (not neutralised). */
export function cellText(cell: Cell, column: Column): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "shorthand":
      return `[${cell.code}]`;
    case "number": {
      const shown = formatNumber(cell.value, column.type === "text" ? "decimal1" : column.type, shownPlaces(cell, column));
      return shown + markerSuffix(numberMarkers(cell));
    }
  }
}

/**
 * Text as it is written into a spreadsheet or CSV cell: text that a spreadsheet could run as a
 * formula (starting =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP "CSV
 * Injection"). Every writer of cells calls this for every text cell.
 */
export function safeText(text: string): string {
  return neutraliseFormula(text);
}
