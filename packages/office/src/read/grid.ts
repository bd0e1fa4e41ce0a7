/**
 * What the readers of uploaded files (XLSX, ODS, CSV) give back: the rows of one sheet, each cell as
 * the file held it (a number stays a number, so it can be read for its field's type), with the row
 * numbers a spreadsheet shows, for messages.
 */
export type GridCell =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  /** An ISO date (ODS `office:date-value`), without any time of day. */
  | { kind: "date"; iso: string }
  | { kind: "boolean"; value: boolean }
  /** A formula: refused, the value itself is wanted. */
  | { kind: "formula"; formula: string }
  /** An error value such as #DIV/0!. */
  | { kind: "error"; text: string };

export interface GridRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: GridCell[];
}

export interface Grid {
  rows: GridRow[];
  /** Set when the sheet had more rows than are read (`maxGridRows`). */
  truncated: boolean;
}

/** Rows and columns read from a sheet: far more than any return has fields. */
export const maxGridRows = 5000;
export const maxGridColumns = 100;

/**
 * Sheets in a workbook: the template has one, and a team may add a few of its own. A workbook may
 * list one sheet part many times, so each would be read again: the count is checked before any is.
 */
export const maxSheets = 20;

/**
 * Cells in the whole file, counting the blanks before a cell in its row: the template of a return
 * with a dozen service areas has about 1,100 (183 rows of 6 columns); ninety times that is still
 * read in about a second.
 */
export const maxCells = 100_000;

/** Refuses a file with more than `maxSheets` sheets. */
export function checkSheetCount(count: number): void {
  if (count > maxSheets) {
    throw new UnreadableSpreadsheetError(`This spreadsheet has ${count.toLocaleString("en-GB")} sheets; a return spreadsheet has at most ${maxSheets}. Upload the template you downloaded.`);
  }
}

/** Counts the cells read from one file, refusing it once they pass `maxCells`. */
export class CellCount {
  private count = 0;
  add(cells: number): void {
    this.count += cells;
    if (this.count > maxCells) {
      throw new UnreadableSpreadsheetError(`This spreadsheet has more than ${maxCells.toLocaleString("en-GB")} cells; a return spreadsheet has about 1,100. Upload the template you downloaded.`);
    }
  }
}

/** A file that cannot be read as a spreadsheet; the message completes “The file cannot be read: …”. */
export class UnreadableSpreadsheetError extends Error {}

export const blank: GridCell = { kind: "blank" };

/** The text of a cell as the header row is matched: trimmed, lower case. */
export function headerText(cell: GridCell | undefined): string {
  return cell?.kind === "text" ? cell.text.trim().toLowerCase() : "";
}

/** Whether a cell holds nothing (or only spaces). */
export function isBlank(cell: GridCell | undefined): boolean {
  return !cell || cell.kind === "blank" || (cell.kind === "text" && cell.text.trim() === "");
}

/** A 1-based column number from a cell reference's letters ("F" → 6, "AA" → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
