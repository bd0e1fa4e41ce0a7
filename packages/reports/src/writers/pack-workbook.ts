import { odsNumberStyle as officeNumberStyle, writeOds, writeXlsx, xlsxFormatCode as officeFormatCode, type Cell, type CellStyle, type NumberFormat as OfficeNumberFormat, type Sheet, type Workbook } from "@complaints/office";
import { cellText, markerSuffix, numberMarkers, safeText, shownPlaces, type NumberMarker } from "../cells.ts";
import { decimalPlaces, type BoardPack, type NumberFormat, type PackTable } from "../model.ts";

/**
 * The board pack as a workbook, which packages/office writes as ODS and XLSX, so the two files are
 * the same workbook. It follows the Government Statistical Service guidance "Releasing statistics
 * in spreadsheets" (analysisfunction.civilservice.gov.uk, 2021 and later), as the ONS gptables and
 * Cabinet Office aftables packages implement it:
 * - sheets in order: cover, contents, notes, then one table per sheet;
 * - every sheet starts with its title in A1, then a few lines of description, one per row, with no
 *   blank rows, then the table (one header row, then the data), marked up as a table; nothing below
 *   or beside the table, no merged cells, no blank rows or columns inside it;
 * - numbers stay numbers, shown through the column's number format (thousands separators, the same
 *   decimal places down a column, none on years); `[r]` (revised) and `[p]` (provisional) are part of
 *   a marked number's format, "87 [r] [p]" with r first;
 * - every text cell goes through `safeText` (formula neutralising);
 * - no filters, fills, frozen panes; the workbook opens on the first sheet with every cursor in A1.
 */

type TextStyle = "title" | "heading" | "body" | "wrap" | "header" | "headerNumber" | "shorthand";

/** Arial 12 (gptables' and aftables' default); the link font is underlined as well as coloured. */
const textStyles: Record<TextStyle | "link", CellStyle> = {
  body: {},
  title: { bold: true, size: 16 },
  heading: { bold: true, size: 14 },
  wrap: { wrap: true, top: true },
  header: { bold: true, wrap: true, top: true },
  headerNumber: { bold: true, wrap: true, top: true, right: true },
  shorthand: { top: true, right: true },
  link: { link: true, top: true },
};

/**
 * How a number is shown: its column's format, or "decimalN" where the number has its own decimal
 * places (a measure's declared decimals in a table with one row per measure).
 */
interface ShownFormat {
  name: string;
  places: number;
  grouping: boolean;
}

const columnFormats: NumberFormat[] = ["count", "decimal1", "percent1", "pounds", "pence", "year"];

function shownFormat(format: NumberFormat, places = decimalPlaces[format]): ShownFormat {
  if (places === decimalPlaces[format]) return { name: format, places, grouping: format !== "year" };
  return { name: `decimal${places}`, places, grouping: true };
}

/** A shown format with a number's markers, as the file names it: count, count_r, count_p, count_r_p. */
function formatId(shown: ShownFormat, markers: readonly NumberMarker[]): string {
  return [shown.name, ...markers].join("_");
}

/** A shown format with a number's markers as an office number format: the markers are literal text after the number. */
function packNumberFormat(shown: ShownFormat, markers: readonly NumberMarker[]): OfficeNumberFormat {
  const suffix = markerSuffix(markers);
  return { id: formatId(shown, markers), places: shown.places, grouping: shown.grouping, ...(suffix ? { suffix } : {}) };
}

/** The number style (ODS data style) of a column format with markers: "N_count_r" shows " [r]" after the number. */
export function odsNumberStyle(format: NumberFormat, markers: readonly NumberMarker[], places?: number): string {
  return officeNumberStyle(packNumberFormat(shownFormat(format, places), markers));
}

/** The number format code (XLSX) of a column format with markers: '#,##0" [r] [p]"'. */
export function xlsxFormatCode(format: NumberFormat, markers: readonly NumberMarker[], places?: number): string {
  return officeFormatCode(packNumberFormat(shownFormat(format, places), markers));
}

const markerSets: NumberMarker[][] = [[], ["r"], ["p"], ["r", "p"]];

/** The number styles the pack's cells and numeric columns use, so the files declare only those. */
class NumberStyles {
  private readonly used = new Map<string, { shown: ShownFormat; markers: readonly NumberMarker[] }>();
  /** The style of a number in this format (or with its own decimal places) with these markers. */
  style(format: NumberFormat, markers: readonly NumberMarker[], places?: number): string {
    const shown = shownFormat(format, places);
    const id = formatId(shown, markers);
    this.used.set(id, { shown, markers });
    return `number_${id}`;
  }
  /** The styles in a fixed order (column formats, then decimal places of their own from fewest; each then none, r, p, r p), whatever order the cells used them in. */
  declared(): Record<string, CellStyle> {
    const rank = (shown: ShownFormat) => (columnFormats.includes(shown.name as NumberFormat) ? columnFormats.indexOf(shown.name as NumberFormat) : columnFormats.length + shown.places);
    const markerRank = (markers: readonly NumberMarker[]) => markerSets.findIndex((m) => m.join() === markers.join());
    const out: Record<string, CellStyle> = {};
    for (const [id, { shown, markers }] of [...this.used].toSorted(([, a], [, b]) => rank(a.shown) - rank(b.shown) || markerRank(a.markers) - markerRank(b.markers))) {
      out[`number_${id}`] = { top: true, number: packNumberFormat(shown, markers) };
    }
    return out;
  }
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

function text(value: string, style: TextStyle): Cell {
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

function coverSheet(pack: BoardPack): Sheet {
  const rows: Cell[][] = [[text(pack.title, "title")]];
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
  return { name: coverSheetName, rows, columns: [{ width: 100 }], table: null };
}

function contentsSheet(pack: BoardPack): Sheet {
  const entries: [string, string][] = [[notesSheetName, "Notes used in the tables"], ...pack.tables.map((t): [string, string] => [t.sheetName, t.title])];
  const rows: Cell[][] = [
    [text("Table of contents", "title")],
    [text("This worksheet contains one table. Select a sheet name to go to that sheet.", "body")],
    [text("Sheet name", "header"), text("Table title", "header")],
    ...entries.map(([sheet, title]): Cell[] => [{ kind: "text", text: safeText(sheet), link: sheet, style: "link" }, text(title, "wrap")]),
  ];
  return {
    name: contentsSheetName,
    rows,
    columns: [{ width: fit(entries.map(([s]) => s.length), 14, 33), style: "wrap" }, { width: fit(entries.map(([, t]) => t.length), 20, 90), style: "wrap" }],
    table: { name: contentsTableName, headerRow: 2, columnCount: 2, dataRows: entries.length },
  };
}

function notesSheet(pack: BoardPack): Sheet {
  const description =
    pack.notes.length > 0
      ? ["This worksheet contains one table. Notes are referred to in the tables as [note 1], [note 2] and so on."]
      : ["This worksheet contains one table.", "There are no notes in this workbook."];
  const rows: Cell[][] = [
    [text("Notes", "title")],
    ...description.map((line) => [text(line, "body")]),
    [text("Note number", "header"), text("Note text", "header"), text("Applies to", "header")],
    ...pack.notes.map((note): Cell[] => [text(`[note ${note.number}]`, "body"), text(note.text, "wrap"), text(note.appliesTo, "wrap")]),
  ];
  return {
    name: notesSheetName,
    rows,
    columns: [12, fit(pack.notes.map((n) => n.text.length), 20, 80), fit(pack.notes.map((n) => n.appliesTo.length), 12, 40)].map((width) => ({ width, style: "wrap" })),
    table: { name: notesTableName, headerRow: 1 + description.length, columnCount: 3, dataRows: pack.notes.length },
  };
}

/**
 * A table's sheet. A table with no rows: GSS says a table should not be left empty without saying
 * why, so the `empty` sentence is written as a description row (unless the description already
 * holds it) and the header row is still written, so readers see what the table would hold.
 */
function tableSheet(table: PackTable, numbers: NumberStyles): Sheet {
  const description = [...table.description];
  if (table.rows.length === 0 && table.empty && !description.includes(table.empty)) description.push(table.empty);
  const rows: Cell[][] = [[text(table.title, "title")], ...description.map((line) => [text(line, "body")])];
  const headerRow = rows.length;
  rows.push(table.columns.map((column) => text(column.heading, column.type === "text" ? "header" : "headerNumber")));
  const lengths: number[][] = table.columns.map((column) => [Math.min(column.heading.length, headingFit)]);
  for (const row of table.rows) {
    rows.push(
      row.map((cell, c): Cell => {
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
            return { kind: "number", value: cell.value, style: numbers.style(column.type === "text" ? "decimal1" : column.type, numberMarkers(cell), shownPlaces(cell, column)), shown };
        }
      }),
    );
  }
  return {
    name: table.sheetName,
    rows,
    // A column's default style is its data cells' (the unmarked number style of a numeric column).
    columns: table.columns.map((column, c) => ({ width: fit(lengths[c]!, 10, widestColumn), style: column.type === "text" ? "wrap" : numbers.style(column.type, []) })),
    table: { name: table.tableName, headerRow, columnCount: table.columns.length, dataRows: table.rows.length },
  };
}

/** The pack as a workbook: cover, contents, notes, then one sheet per table. */
export function packWorkbook(pack: BoardPack): Workbook {
  checkNames(pack);
  const numbers = new NumberStyles();
  const sheets = [coverSheet(pack), contentsSheet(pack), notesSheet(pack), ...pack.tables.map((t) => tableSheet(t, numbers))];
  return {
    properties: { title: pack.title, subject: `${pack.scope.name}, ${pack.period.label}`, language: pack.language, generator: "Complaints oversight", created: new Date(pack.produced).toISOString() },
    font: { name: "Arial", size: 12 },
    styles: { ...textStyles, ...numbers.declared() },
    sheets,
    statedView: true,
  };
}

/** The pack as an OpenDocument spreadsheet (ODF 1.3). */
export function writePackOds(pack: BoardPack): Uint8Array {
  return writeOds(packWorkbook(pack));
}

/** The pack as an Excel workbook (ECMA-376). */
export function writePackXlsx(pack: BoardPack): Uint8Array {
  return writeXlsx(packWorkbook(pack));
}
