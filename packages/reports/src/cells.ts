import { neutraliseFormula } from "@complaints/domain/browser";
import { decimalPlaces, type Cell, type Column, type NumberFormat } from "./model.ts";

/** How every writer turns a cell into text where it writes text (PDF, CSV, a spreadsheet's shown value). */

const formatters = new Map<number, Intl.NumberFormat>();

/** A number with its column's decimal places and thousands separators ("1,234.5"); years without a separator. */
export function formatNumber(value: number, format: NumberFormat): string {
  if (format === "year") return String(value);
  const places = decimalPlaces[format];
  let f = formatters.get(places);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: true });
    formatters.set(places, f);
  }
  return f.format(value);
}

/** A cell as a reader sees it: "1,234", "12.3 [r]", "[c]", or the text itself (not neutralised). */
export function cellText(cell: Cell, column: Column): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "shorthand":
      return `[${cell.code}]`;
    case "number": {
      const shown = formatNumber(cell.value, column.type === "text" ? "decimal1" : column.type);
      return cell.revised ? `${shown} [r]` : shown;
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
