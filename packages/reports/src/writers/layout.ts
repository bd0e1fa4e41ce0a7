import { cellText, numberMarkers, safeText, type NumberMarker } from "../cells.ts";
import type { BoardPack, NumberFormat, PackTable } from "../model.ts";

/**
 * The workbook both spreadsheet writers (ODS, XLSX) lay out, sheet by sheet and cell by cell, so
 * the two files are the same workbook. It follows the Government Statistical Service guidance
 * "Releasing statistics in spreadsheets" (analysisfunction.civilservice.gov.uk, 2021 and later),
 * as the ONS gptables and Cabinet Office aftables packages implement it:
 * - sheets in order: cover, contents, notes, then one table per sheet;
 * - every sheet starts with its title in A1, then a few lines of description, one per row, with no
 *   blank rows, then the table (one header row, then the data), marked up as a table; nothing below
 *   or beside the table, no merged cells, no blank rows or columns inside it;
 * - numbers stay numbers, shown through the column's number format (thousands separators, the same
 *   decimal places down a column, none on years); `[r]` (revised) and `[p]` (provisional) are part of
 *   a marked number's format, "87 [r] [p]" with r first;
 * - every text cell goes through `safeText` (formula neutralising).
 */

export type TextStyle = "title" | "heading" | "body" | "wrap" | "header" | "headerNumber" | "shorthand";

export type LayoutCell =
  | { kind: "text"; text: string; style: TextStyle }
  /** A link to cell A1 of another sheet of the workbook, shown as `text`. */
  | { kind: "link"; text: string; sheet: string }
  /**
   * `markers` are the number's markers in written order ([r] before [p]), shown by its number format;
   * `shown` is how the cell reads (`cellText`), for formats that store the shown text beside the value (ODS).
   */
  | { kind: "number"; value: number; format: NumberFormat; markers: NumberMarker[]; shown: string };

export interface LayoutTable {
  /** The table's name (Excel table name, ODS database range name). */
  name: string;
  /** 0-based row of the header; the data rows follow it to the end of the sheet. */
  headerRow: number;
  columnCount: number;
  dataRows: number;
  /** Each column's type, so a writer can give a column its data cells' style once (ODS column default styles). */
  columnTypes: (NumberFormat | "text")[];
}

export interface SheetLayout {
  name: string;
  rows: LayoutCell[][];
  /** Column widths in characters (of the default font's digit width), one per column used. */
  widths: number[];
  /** The marked-up table, always the last rows of the sheet; null on the cover, which holds only text. */
  table: LayoutTable | null;
}

export const coverSheetName = "Cover";
export const contentsSheetName = "Contents";
export const notesSheetName = "Notes";
const contentsTableName = "workbook_contents";
const notesTableName = "workbook_notes";

const producedDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** "1 August 2025": GOV.UK style for dates (GOV.UK style guide, "Dates"). */
export function producedOn(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`The pack's production date "${iso}" is not a date.`);
  return producedDate.format(at);
}

function text(value: string, style: TextStyle): LayoutCell {
  return { kind: "text", text: safeText(value), style };
}

/** Characters a sheet name may not hold, and its longest length (Excel's rules, which LibreOffice shares for XLSX). */
const badSheetName = /[[\]:*?/\\]/;

/** Excel refuses a table name that reads as a cell reference in A1 or R1C1 style, or is R or C (Excel's rules for names). */
function looksLikeCellReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
}

function checkNames(pack: BoardPack): void {
  const sheets = new Set<string>();
  for (const name of [coverSheetName, contentsSheetName, notesSheetName, ...pack.tables.map((t) => t.sheetName)]) {
    if (name.length === 0 || name.length > 31 || badSheetName.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`The sheet name "${name}" cannot be used: a sheet name has 1 to 31 characters, none of [ ] : * ? / \\, and does not start or end with an apostrophe.`);
    }
    const key = name.toLowerCase();
    if (sheets.has(key)) throw new Error(`Two sheets are named "${name}": sheet names must be unique (Cover, Contents and Notes are taken).`);
    sheets.add(key);
  }
  const tables = new Set<string>([contentsTableName, notesTableName]);
  for (const table of pack.tables) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table.tableName) || looksLikeCellReference(table.tableName)) {
      throw new Error(`The table name "${table.tableName}" cannot be used: it must be a letter or underscore, then letters, digits and underscores, and not read as a cell reference (such as A1, R1C1, R or C).`);
    }
    const key = table.tableName.toLowerCase();
    if (tables.has(key)) throw new Error(`Two tables are named "${table.tableName}": table names must be unique (${contentsTableName} and ${notesTableName} are taken).`);
    tables.add(key);
    const headings = new Set<string>();
    for (const column of table.columns) {
      const heading = column.heading.toLowerCase();
      if (headings.has(heading)) throw new Error(`The table "${table.title}" has two columns headed "${column.heading}": headings must be unique in a table.`);
      headings.add(heading);
    }
    for (const row of table.rows) {
      if (row.length !== table.columns.length) throw new Error(`A row of the table "${table.title}" has ${row.length} cells for ${table.columns.length} columns.`);
    }
  }
}

/** A width that fits the longest text of a column, between a floor and a cap (longer text wraps). */
function fit(lengths: Iterable<number>, min: number, max: number): number {
  let longest = 0;
  for (const length of lengths) if (length > longest) longest = length;
  return Math.max(min, Math.min(max, longest + 2));
}

/** Headings wrap: they count for at most this many characters when fitting a column. */
const headingFit = 24;
const widestColumn = 60;

function coverSheet(pack: BoardPack): SheetLayout {
  const rows: LayoutCell[][] = [[text(pack.title, "title")]];
  const section = (heading: string, lines: string[]) => {
    if (lines.length === 0) return;
    rows.push([text(heading, "heading")]);
    for (const line of lines) rows.push([text(line, "wrap")]);
  };
  section("About this pack", pack.cover.about);
  section("Period covered", [pack.period.label]);
  section("Source", [pack.cover.source]);
  section("Date produced", [producedOn(pack.produced)]);
  section("Contact", [pack.cover.contact]);
  section("Caveats", pack.cover.caveats);
  // The cover holds text only, in column A (as aftables' and gptables' covers do): no table to mark up.
  return { name: coverSheetName, rows, widths: [100], table: null };
}

function contentsSheet(pack: BoardPack): SheetLayout {
  const entries: [string, string][] = [[notesSheetName, "Notes used in the tables"], ...pack.tables.map((t): [string, string] => [t.sheetName, t.title])];
  const rows: LayoutCell[][] = [
    [text("Table of contents", "title")],
    [text("This worksheet contains one table. Select a sheet name to go to that sheet.", "body")],
    [text("Sheet name", "header"), text("Table title", "header")],
    ...entries.map(([sheet, title]): LayoutCell[] => [{ kind: "link", text: safeText(sheet), sheet }, text(title, "wrap")]),
  ];
  return {
    name: contentsSheetName,
    rows,
    widths: [fit(entries.map(([s]) => s.length), 14, 33), fit(entries.map(([, t]) => t.length), 20, 90)],
    table: { name: contentsTableName, headerRow: 2, columnCount: 2, dataRows: entries.length, columnTypes: ["text", "text"] },
  };
}

function notesSheet(pack: BoardPack): SheetLayout {
  const description =
    pack.notes.length > 0
      ? ["This worksheet contains one table. Notes are referred to in the tables as [note 1], [note 2] and so on."]
      : ["This worksheet contains one table.", "There are no notes in this workbook."];
  const rows: LayoutCell[][] = [
    [text("Notes", "title")],
    ...description.map((line) => [text(line, "body")]),
    [text("Note number", "header"), text("Note text", "header"), text("Applies to", "header")],
    ...pack.notes.map((note): LayoutCell[] => [text(`[note ${note.number}]`, "body"), text(note.text, "wrap"), text(note.appliesTo, "wrap")]),
  ];
  return {
    name: notesSheetName,
    rows,
    widths: [12, fit(pack.notes.map((n) => n.text.length), 20, 80), fit(pack.notes.map((n) => n.appliesTo.length), 12, 40)],
    table: { name: notesTableName, headerRow: 1 + description.length, columnCount: 3, dataRows: pack.notes.length, columnTypes: ["text", "text", "text"] },
  };
}

/**
 * A table's sheet. A table with no rows: GSS says a table should not be left empty without saying
 * why, so the `empty` sentence is written as a description row (unless the description already
 * holds it) and the header row is still written, so readers see what the table would hold.
 */
function tableSheet(table: PackTable): SheetLayout {
  const description = [...table.description];
  if (table.rows.length === 0 && table.empty && !description.includes(table.empty)) description.push(table.empty);
  const rows: LayoutCell[][] = [[text(table.title, "title")], ...description.map((line) => [text(line, "body")])];
  const headerRow = rows.length;
  rows.push(table.columns.map((column) => text(column.heading, column.type === "text" ? "header" : "headerNumber")));
  const lengths: number[][] = table.columns.map((column) => [Math.min(column.heading.length, headingFit)]);
  for (const row of table.rows) {
    rows.push(
      row.map((cell, c): LayoutCell => {
        const column = table.columns[c]!;
        const shown = cellText(cell, column);
        lengths[c]!.push(shown.length);
        switch (cell.kind) {
          case "text":
            return text(cell.text, "wrap");
          case "shorthand":
            return text(shown, "shorthand");
          case "number":
            if (!Number.isFinite(cell.value)) throw new Error(`A number in the table "${table.title}" is not finite (${cell.value}).`);
            return { kind: "number", value: cell.value, format: column.type === "text" ? "decimal1" : column.type, markers: numberMarkers(cell), shown };
        }
      }),
    );
  }
  return {
    name: table.sheetName,
    rows,
    widths: lengths.map((l) => fit(l, 10, widestColumn)),
    table: { name: table.tableName, headerRow, columnCount: table.columns.length, dataRows: table.rows.length, columnTypes: table.columns.map((c) => c.type) },
  };
}

/** The workbook's sheets in order: cover, contents, notes, then one per table. */
export function workbookLayout(pack: BoardPack): SheetLayout[] {
  checkNames(pack);
  return [coverSheet(pack), contentsSheet(pack), notesSheet(pack), ...pack.tables.map(tableSheet)];
}

/** A number format with its markers, as one key: "count", "count|r", "count|p", "count|r|p". */
export type NumberStyleKey = string;

export function numberStyleKey(format: NumberFormat, markers: readonly NumberMarker[]): NumberStyleKey {
  return [format, ...markers].join("|");
}

const numberFormatOrder: NumberFormat[] = ["count", "decimal1", "percent1", "pounds", "pence", "year"];
const markerOrder: NumberMarker[][] = [[], ["r"], ["p"], ["r", "p"]];

/**
 * The number formats a workbook uses, each with the markers it is used with, in a fixed order
 * (format, then none, r, p, r p), so each writer declares a style only for what its cells use. Every
 * numeric column's format is used unmarked too: the writers give it to the column (ODS column
 * default cell styles).
 */
export function numberStylesUsed(sheets: readonly SheetLayout[]): { format: NumberFormat; markers: NumberMarker[]; key: NumberStyleKey }[] {
  const used = new Set<NumberStyleKey>();
  for (const sheet of sheets) {
    for (const type of sheet.table?.columnTypes ?? []) if (type !== "text") used.add(numberStyleKey(type, []));
    for (const row of sheet.rows) for (const cell of row) if (cell.kind === "number") used.add(numberStyleKey(cell.format, cell.markers));
  }
  return numberFormatOrder.flatMap((format) => markerOrder.map((markers) => ({ format, markers, key: numberStyleKey(format, markers) }))).filter((s) => used.has(s.key));
}

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
