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

/** Rows and columns read from a sheet: far more than any form filled in as a spreadsheet has fields. */
export const maxGridRows = 5000;
export const maxGridColumns = 100;

/**
 * Sheets in a workbook: a downloaded template has one, and a team may add a few of its own. A
 * workbook may list one sheet part many times, so each would be read again: the count is checked
 * before any is.
 */
export const maxSheets = 20;

/**
 * Cells in the whole file, counting the blanks before a cell in its row: ninety times the 1,100 or
 * so of a typical upload (183 rows of 6 columns) is still read in about a second.
 */
export const maxCells = 100_000;

/**
 * A limit of the readers that a file went past, as data: which limit, its figure, and what the file
 * had (as far as it was read). The readers know nothing of what the files are for, so the caller
 * words the refusal in its own terms (`SpreadsheetLimitError.exceeded`).
 */
export type SpreadsheetLimit =
  /** More sheets than `maxSheets`. */
  | { limit: "sheets"; most: number; actual: number }
  /** More cells than `maxCells` (the file was read no further). */
  | { limit: "cells"; most: number }
  /** More spaces from ODS `text:s` elements than the readers expand. */
  | { limit: "spaces"; most: number }
  /** A zip part that unpacks to more than `most` bytes. */
  | { limit: "part-bytes"; most: number; part: string }
  /** Zip parts that unpack to more than `most` bytes together. */
  | { limit: "total-bytes"; most: number }
  /** A read that took longer than `mostMs` on its thread. */
  | { limit: "time"; mostMs: number }
  /** A read that needed more than its thread's memory. */
  | { limit: "memory" };

/** A file that cannot be read as a spreadsheet; the message completes “The file cannot be read: …”. */
export class UnreadableSpreadsheetError extends Error {}

/**
 * A file refused for going past one of the readers' limits. Its own message is plain and neutral;
 * callers catch it and refuse the file in their own words from `exceeded`.
 */
export class SpreadsheetLimitError extends UnreadableSpreadsheetError {
  constructor(readonly exceeded: SpreadsheetLimit) {
    super(neutralMessage(exceeded));
  }
}

/** A zip that is not a spreadsheet: an OpenDocument file of another kind (its MIME type), or some other archive. */
export type OtherZip = { kind: "opendocument"; mimetype: string } | { kind: "archive" };

/**
 * A file refused for being a zip of another kind. Its own message is plain; callers say what to
 * upload instead, in their own words, from `found`.
 */
export class NotASpreadsheetError extends UnreadableSpreadsheetError {
  constructor(readonly found: OtherZip) {
    super(found.kind === "opendocument" ? `The file is an OpenDocument file of another kind (${found.mimetype}), not a spreadsheet.` : "The file is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) spreadsheet.");
  }
}

function neutralMessage(exceeded: SpreadsheetLimit): string {
  const n = (value: number) => value.toLocaleString("en-GB");
  switch (exceeded.limit) {
    case "sheets":
      return `it has ${n(exceeded.actual)} sheets, more than the ${n(exceeded.most)} that are read`;
    case "cells":
      return `it has more than ${n(exceeded.most)} cells`;
    case "spaces":
      return `its cells hold more than ${n(exceeded.most)} spaces`;
    case "part-bytes":
      return `its part ${exceeded.part} unpacks to more than ${exceeded.most / 1_048_576} MB`;
    case "total-bytes":
      return `its parts unpack to more than ${exceeded.most / 1_048_576} MB`;
    case "time":
      return `it takes more than ${exceeded.mostMs / 1000} seconds to read`;
    case "memory":
      return "it needs more memory to read than the reader has";
  }
}

/** Refuses a file with more than `maxSheets` sheets. */
export function checkSheetCount(count: number): void {
  if (count > maxSheets) throw new SpreadsheetLimitError({ limit: "sheets", most: maxSheets, actual: count });
}

/** Counts the cells read from one file, refusing it once they pass `maxCells`. */
export class CellCount {
  private count = 0;
  add(cells: number): void {
    this.count += cells;
    if (this.count > maxCells) throw new SpreadsheetLimitError({ limit: "cells", most: maxCells });
  }
}

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
