import { readOds, readXlsx, type ReadCell, type ReadSheet, type ReadWorkbook } from "./readback.ts";

/**
 * The Government Statistical Service rules for statistics in spreadsheets that hold for any
 * workbook, checked on an ODS or XLSX file read back from its XML: "Releasing statistics in
 * spreadsheets" (Government Analysis Function, analysisfunction.civilservice.gov.uk), as the ONS
 * gptables and Cabinet Office aftables checklists state them. Each rule broken is one plain-English
 * sentence, so a test can show every problem at once; a layout's own checker (such as the board
 * pack's) adds what its workbook should hold.
 *
 * It reads the XML the standards define (ODF 1.3 part 3; ECMA-376 Part 1) through readback.ts,
 * not the writers' code, so a fault in a writer cannot hide itself.
 */

export type SpreadsheetFormat = "ods" | "xlsx";

/** The file read back, or the sentence saying why it cannot be. */
export function readBack(bytes: Uint8Array, format: SpreadsheetFormat): ReadWorkbook | string {
  try {
    return format === "ods" ? readOds(bytes) : readXlsx(bytes);
  } catch (error) {
    return `The ${format.toUpperCase()} file could not be read: ${error instanceof Error ? error.message : String(error)}.`;
  }
}

type Row = (ReadCell | null)[];

export function cellString(cell: ReadCell | null | undefined): string | null {
  if (!cell) return null;
  return cell.kind === "text" ? cell.text : String(cell.value);
}

/** A row's cells as text, with trailing empty cells dropped. */
export function rowTexts(row: Row | undefined): (string | null)[] {
  const out = (row ?? []).map(cellString);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

export const isBlankRow = (row: Row | undefined) => rowTexts(row).every((t) => t === null || t === "");

/** Where a link goes, in either format's notation: "#'Name'.A1" or "#Name.A1" (ODF), "'Name'!A1" or "Name!A1" (OOXML). */
export function linkTarget(link: string): { sheet: string; cell: string } | null {
  const m = /^#?(?:'((?:[^']|'')*)'|([^'.!#]+))[.!](\$?[A-Z]+\$?\d+)$/.exec(link);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!, cell: m[3]!.replaceAll("$", "") };
}

export const cellName = (row: number, column: number) => {
  let n = column;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
};

export interface TableShape {
  /** 1-based header row. */
  headerRow: number;
  columns: number;
  dataRows: number;
  name?: string;
}

/**
 * The rules every sheet keeps: the document in English (United Kingdom), opening on the first sheet
 * with every cursor in A1, nothing GSS forbids in the XML, each sheet's title alone in A1 with no
 * blank rows and everything from column A, unique table names, and every [note N] on the notes sheet.
 */
export function workbookProblems(book: ReadWorkbook, format: SpreadsheetFormat, problem: (text: string) => void): void {
  if (book.language !== "en-GB") problem(`The document language is "${book.language}", not en-GB.`);
  if (format === "ods" && !/<style:default-style style:family="table-cell">[^]*?fo:language="en" fo:country="GB"/.test(book.parts.get("styles.xml") ?? "")) {
    problem("The cells' default language is not English (United Kingdom).");
  }
  const seen = new Set<string>();
  for (const { name } of book.sheets) {
    if (seen.has(name.toLowerCase())) problem(`Two sheets are named "${name}".`);
    seen.add(name.toLowerCase());
  }

  // Opens on the first sheet, with the cursor in A1 of every sheet (GSS: "cursor in cell A1"). A
  // sheet with no saved cursor opens in A1 in Excel and LibreOffice, so only a saved one elsewhere counts.
  if (book.sheets.length > 0 && book.activeSheet !== book.sheets[0]!.name) problem(`The workbook opens on the "${book.activeSheet}" sheet, not the first sheet.`);
  for (const s of book.sheets) {
    if (s.cursor && (s.cursor.row !== 1 || s.cursor.column !== 1)) problem(`The cursor on the "${s.name}" sheet is in ${cellName(s.cursor.row, s.cursor.column)}, not A1.`);
  }

  structureProblems(book, format, problem);

  // Every sheet: the title alone in A1, no blank rows, everything from column A.
  for (const s of book.sheets) {
    const first = rowTexts(s.rows[0]);
    if (first.length !== 1 || !first[0]) problem(`The "${s.name}" sheet does not have its title alone in cell A1.`);
    s.rows.forEach((row, r) => {
      if (isBlankRow(row)) problem(`Row ${r + 1} of the "${s.name}" sheet is blank.`);
      else if (row[0] === null || row[0] === undefined || cellString(row[0]) === "") problem(`Row ${r + 1} of the "${s.name}" sheet does not start in column A.`);
    });
  }

  // Table names are unique in the workbook (Excel refuses two tables with one name, whatever their case).
  const tableNames = book.sheets.flatMap((s) => (s.table ? [s.table.name.toLowerCase()] : []));
  for (const name of new Set(tableNames)) if (tableNames.filter((n) => n === name).length > 1) problem(`Two tables are named "${name}".`);
}

/** Every [note N] referred to outside the notes sheet is one of `listed`. */
export function noteReferenceProblems(book: ReadWorkbook, listed: ReadonlySet<string>, problem: (text: string) => void): void {
  for (const s of book.sheets) {
    if (s.name === "Notes") continue;
    for (const row of s.rows) {
      for (const cell of row) {
        for (const m of (cell?.kind === "text" ? cell.text : "").matchAll(/\[note (\d+)\]/g)) {
          if (!listed.has(m[0])) problem(`The "${s.name}" sheet refers to ${m[0]}, which the notes sheet does not list.`);
        }
      }
    }
  }

  // Table names are unique in the workbook (Excel refuses two tables with one name, whatever their case).
  const tableNames = book.sheets.flatMap((s) => (s.table ? [s.table.name.toLowerCase()] : []));
  for (const name of new Set(tableNames)) if (tableNames.filter((n) => n === name).length > 1) problem(`Two tables are named "${name}".`);

}

/** The header row of a sheet's table: the marked-up table's, else (an empty table in XLSX, which Excel cannot hold) the last row. */
export function findTable(s: ReadSheet, format: SpreadsheetFormat, expectedDataRows: number, problem: (text: string) => void): TableShape | null {
  if (s.table) return { headerRow: s.table.firstRow, columns: s.table.lastColumn - s.table.firstColumn + 1, dataRows: s.table.lastRow - s.table.firstRow, name: s.table.name };
  if (format === "xlsx" && expectedDataRows === 0 && s.rows.length > 1) {
    // Excel cannot hold a table with no data rows: an empty table is its header row alone, unmarked, as the last row.
    const headerRow = s.rows.length;
    return { headerRow, columns: rowTexts(s.rows[headerRow - 1]).length, dataRows: 0 };
  }
  problem(`The "${s.name}" sheet has no table marked up as a table.`);
  return null;
}

/** The marked-up table starts in column A with a header, everything above it is one text cell a row, nothing below or beside it, no blank cells in it. */
export function checkTableShape(s: ReadSheet, shape: TableShape, format: SpreadsheetFormat, expectedName: string | undefined, problem: (text: string) => void): void {
  if (s.table) {
    if (s.table.firstColumn !== 1) problem(`The table on the "${s.name}" sheet does not start in column A.`);
    if (!s.table.containsHeader) problem(`The table on the "${s.name}" sheet is not marked up with a header row.`);
    if (expectedName !== undefined && s.table.name !== expectedName) problem(`The table on the "${s.name}" sheet is named "${s.table.name}", not "${expectedName}".`);
    if (format === "xlsx" && s.table.columns) {
      const header = rowTexts(s.rows[shape.headerRow - 1]);
      if (s.table.columns.join("\n") !== header.join("\n")) problem(`The table part's column names on the "${s.name}" sheet are not the header row's text.`);
    }
  }
  if (format === "xlsx" && s.table && shape.dataRows === 0) problem(`The "${s.name}" sheet's table part has no data rows, which Excel cannot open.`);
  for (let r = 2; r < shape.headerRow; r += 1) {
    if (rowTexts(s.rows[r - 1]).length > 1) problem(`Row ${r} of the "${s.name}" sheet, above the table, has more than one cell.`);
  }
  const lastRow = shape.headerRow + shape.dataRows;
  for (let r = shape.headerRow; r <= lastRow; r += 1) {
    const texts = rowTexts(s.rows[r - 1]);
    if (texts.length > shape.columns) problem(`Row ${r} of the "${s.name}" sheet has cells beside the table.`);
    for (let c = 1; c <= shape.columns; c += 1) {
      const text = texts[c - 1];
      if (text === null || text === undefined || text === "") problem(`Cell ${cellName(r, c)} of the "${s.name}" sheet, inside the table, is blank.`);
    }
  }
  for (let r = lastRow + 1; r <= s.rows.length; r += 1) {
    if (!isBlankRow(s.rows[r - 1])) problem(`Row ${r} of the "${s.name}" sheet is below the table.`);
  }
}

/**
 * What must not be in any sheet (GSS: no merged cells, hidden rows or columns, filters, frozen or
 * split panes, fills, images; formulas are not written): found in the XML itself.
 */
function structureProblems(book: ReadWorkbook, format: SpreadsheetFormat, problem: (text: string) => void): void {
  const rules: [RegExp, string][] =
    format === "xlsx"
      ? [
          // ECMA-376 Part 1: 18.3.1.55 mergeCell, 18.3.1.73 row@hidden, 18.3.1.13 col@hidden, 18.3.1.2 autoFilter, 18.3.1.66 pane, 18.3.1.36 drawing.
          [/<mergeCell\b/, "has merged cells"],
          [/<row\b[^>]*\bhidden="(?:1|true)"/, "has hidden rows"],
          [/<col\b[^>]*\bhidden="(?:1|true)"/, "has hidden columns"],
          [/<autoFilter\b/, "has a filter"],
          [/<pane\b/, "has frozen or split panes"],
          [/<row\b[^>]*\bht="0(?:\.0*)?"/, "has rows of no height, which hides them"],
          [/<col\b[^>]*\bwidth="0(?:\.0*)?"/, "has columns of no width, which hides them"],
          [/<sheetView\b[^>]*\btopLeftCell="(?!A1")/, "opens scrolled away from A1"],
          [/<(?:drawing|legacyDrawing|picture)\b/, "has images or drawings"],
          [/<f[ >]/, "has formulas"],
        ]
      : [
          // ODF 1.3 part 3: 19.684/19.685 spanned cells, 9.1.4 covered cells, 19.749 table:visibility, 10.4 draw:frame.
          [/table:number-(?:columns|rows)-spanned="(?:[2-9]|\d{2,})/, "has merged cells"],
          [/<table:covered-table-cell\b/, "has merged cells"],
          [/<table:table-row\b[^>]*table:visibility="(?:collapse|filter)"/, "has hidden rows"],
          [/<table:table-column\b[^>]*table:visibility="(?:collapse|filter)"/, "has hidden columns"],
          [/<(?:draw:frame|draw:image|table:shapes)\b/, "has images or drawings"],
          [/table:formula=/, "has formulas"],
        ];
  for (const s of book.sheets) {
    for (const [pattern, what] of rules) if (pattern.test(s.xml)) problem(`The "${s.name}" sheet ${what}.`);
    if (format === "xlsx" && book.sheets[0] !== s && /<sheetView\b[^>]*tabSelected="(?:1|true)"/.test(s.xml)) problem(`The "${s.name}" sheet's tab is selected as well as the first sheet's.`);
  }
  const parts = [...book.parts.keys()];
  if (parts.some((p) => /^(?:xl\/(?:media|drawings)\/|Pictures\/)/.test(p))) problem("The workbook holds images or drawings.");
  if (format === "xlsx") {
    const workbook = book.parts.get("xl/workbook.xml") ?? "";
    if (/<sheet\b[^>]*\bstate="(?:hidden|veryHidden)"/.test(workbook)) problem("The workbook has hidden sheets.");
    if (/<workbookView\b[^>]*\bfirstSheet="(?!0")/.test(workbook)) problem("The workbook's sheet tabs open scrolled past the first sheet.");
    if (/<workbookView\b[^>]*\bvisibility="(?!visible")/.test(workbook)) problem("The workbook's window is hidden.");
    for (const part of parts.filter((p) => p.startsWith("xl/tables/"))) {
      const xml = book.parts.get(part)!;
      if (/<autoFilter\b/.test(xml)) problem(`The table ${part} has a filter.`);
      if (/<tableStyleInfo\b[^>]*\bname="/.test(xml)) problem(`The table ${part} has a table style, which fills its cells with colour.`);
    }
    // Fills (ECMA-376 Part 1, 18.8.20): only the two every workbook must hold (none, gray125), and no fills in differential formats.
    const styles = book.parts.get("xl/styles.xml") ?? "";
    const fills = [...(/<fills\b[^>]*>([^]*?)<\/fills>/.exec(styles)?.[1] ?? "").matchAll(/<fill>([^]*?)<\/fill>/g)].map((m) => m[1]!);
    if (fills.slice(2).length > 0 || fills.some((f) => !/^<patternFill patternType="(?:none|gray125)"\/>$/.test(f))) problem("The workbook's styles have fills (background colours).");
    if (/<dxf>[^]*?<fill>/.test(styles)) problem("The workbook's styles have fills (background colours).");
  } else {
    const content = book.parts.get("content.xml") ?? "";
    for (const part of ["content.xml", "styles.xml"]) {
      if (/fo:background-color="(?!transparent")/.test(book.parts.get(part) ?? "") || /<style:background-image\b[^/]/.test(book.parts.get(part) ?? "")) problem(`The ${part} part has background colours or images (fills).`);
    }
    if (/table:display="false"/.test(content)) problem("The workbook has hidden sheets.");
    if (/table:display-filter-buttons="true"/.test(content) || /<table:filter\b/.test(content)) problem("The workbook has a filter.");
    const settings = book.parts.get("settings.xml") ?? "";
    if (/config:name="(?:HorizontalSplitMode|VerticalSplitMode)" config:type="short">[1-9]/.test(settings)) problem("The workbook has frozen or split panes.");
    if (/config:name="(?:PositionLeft|PositionRight|PositionTop|PositionBottom)" config:type="int">[1-9]/.test(settings)) problem("A sheet opens scrolled away from A1.");
  }
}
