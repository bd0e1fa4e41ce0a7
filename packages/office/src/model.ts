/**
 * A workbook as both writers (ods.ts, xlsx.ts) lay it out: sheets of rows of cells, each cell
 * naming one of the workbook's cell styles, an optional marked-up table per sheet, data validation
 * and protection for cells a person fills in, and the document's properties. Nothing here knows
 * what the workbook is for: a layout (the return template, the board pack) builds one.
 */

/** How a number is shown: its decimal places, thousands separators and literal text after it (" [r]"); the cell stays a number. */
export interface NumberFormat {
  /** Names the format in the file (ODS data style `N_<id>`); two formats with one id must be the same format. */
  id: string;
  places: number;
  grouping: boolean;
  suffix?: string;
}

export interface CellStyle {
  bold?: boolean;
  /** Font size in points; the workbook's own size when left out. */
  size?: number;
  /** A link's font: underlined as well as coloured, so colour is not its only sign. */
  link?: boolean;
  wrap?: boolean;
  top?: boolean;
  right?: boolean;
  /** A cell a person may change on a protected sheet. */
  unlocked?: boolean;
  number?: NumberFormat;
}

/**
 * What a cell may hold where a person types into it. A number of at least `min` with at most
 * `places` decimals, or one of the `alsoAllowed` texts (which no built-in whole-number or decimal
 * rule allows, so both writers express it as a formula); or one of a list (no option may contain a
 * comma or a double quote: list items cannot escape them).
 */
export type Validation =
  | { kind: "number"; min: number; places: number; alsoAllowed: readonly string[]; title: string; message: string }
  | { kind: "list"; options: readonly string[]; title: string; message: string };

export type Cell =
  | { kind: "blank"; style?: string; validation?: Validation }
  /** `link`: the sheet whose cell A1 the text links to. */
  | { kind: "text"; text: string; style?: string; link?: string; validation?: Validation }
  /** `shown`: how the cell reads, stored beside the value by formats that keep it (ODS); the value itself when left out. */
  | { kind: "number"; value: number; style?: string; shown?: string; validation?: Validation };

export interface Column {
  /** Width in characters of the default font's digits (Excel's unit). */
  width: number;
  /** The cell style most of the column's cells have (ODS writes it once, for the column). */
  style?: string;
}

/** A table marked up as one (an Excel table part, an ODS database range): a header row, then its data rows. */
export interface Table {
  name: string;
  /** 0-based row of the header; the data rows follow it. */
  headerRow: number;
  columnCount: number;
  dataRows: number;
  /** Shade alternate rows (Excel's TableStyleLight1); plain when left out. */
  banded?: boolean;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Cell[][];
  table?: Table | null;
  /** Locked cells cannot be changed (no password): only cells whose style is `unlocked`. */
  protected?: boolean;
  /** Rows kept in view while scrolling (XLSX). */
  freezeRows?: number;
  /** 0-based row and column of the cursor; A1 when left out. */
  cursor?: { row: number; column: number };
}

export interface DocumentProperties {
  title: string;
  subject?: string;
  /** A language tag such as en-GB, for the document and its cells. */
  language: string;
  /** The program that wrote it. */
  generator: string;
  /** ISO timestamp. */
  created: string;
}

export interface Workbook {
  properties: DocumentProperties;
  font: { name: string; size: number };
  /** Cell styles by name, in the order the writers declare them. */
  styles: Record<string, CellStyle>;
  sheets: Sheet[];
  /**
   * Write the view into the file (ODS settings.xml): the first sheet active, each sheet's cursor
   * and no split or frozen panes. Left out, ODS software chooses its own.
   */
  statedView?: boolean;
}

export const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet";
export const xlsxMimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel's column letters for a 0-based column index (A, B, …, Z, AA, …). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A sheet name as a formula, address or link writes it: quoted, apostrophes doubled (ECMA-376 Part 1, 18.17.2.1; ODF 1.3 part 3, 9.2.5). */
export function quotedSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** The widest row or column list of a sheet, in columns. */
export function columnCount(sheet: Sheet): number {
  let most = sheet.columns.length;
  for (const row of sheet.rows) if (row.length > most) most = row.length;
  return Math.max(most, 1);
}

/** The data validations of a sheet's cells, each with its 0-based row and column. */
export function validationsOf(sheet: Sheet): { row: number; column: number; validation: Validation }[] {
  const out: { row: number; column: number; validation: Validation }[] = [];
  sheet.rows.forEach((cells, row) => cells.forEach((cell, column) => cell.validation && out.push({ row, column, validation: cell.validation })));
  return out;
}

/** The number formats the workbook's styles use, each once, in the styles' order. */
export function numberFormatsUsed(book: Workbook): NumberFormat[] {
  const seen = new Map<string, NumberFormat>();
  for (const style of Object.values(book.styles)) if (style.number && !seen.has(style.number.id)) seen.set(style.number.id, style.number);
  return [...seen.values()];
}
