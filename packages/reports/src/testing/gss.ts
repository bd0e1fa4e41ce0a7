import { safeText } from "../cells.ts";
import { decimalPlaces, type BoardPack, type PackTable } from "../model.ts";
import { readOds, readXlsx, type ReadCell, type ReadSheet, type ReadWorkbook } from "./readback.ts";

/**
 * The Government Statistical Service rules for statistics in spreadsheets, checked on an ODS or XLSX
 * board pack read back from its XML: "Releasing statistics in spreadsheets" (Government Analysis
 * Function, analysisfunction.civilservice.gov.uk), as the ONS gptables and Cabinet Office aftables
 * checklists state them, and issue 9's list. Generic for any pack: it compares the file with the
 * pack model it was written from, and returns one plain-English sentence for each rule broken (an
 * empty list when the file keeps them all), so a test can show every problem at once.
 *
 * It reads the XML the standards define (ODF 1.3 part 3; ECMA-376 Part 1) through readback.ts,
 * not the writers' code, so a fault in a writer cannot hide itself.
 */

/** The sheets every pack starts with (GSS: cover, contents, notes, then the tables). */
const fixedSheets = ["Cover", "Contents", "Notes"] as const;

type Row = (ReadCell | null)[];

function cellString(cell: ReadCell | null | undefined): string | null {
  if (!cell) return null;
  return cell.kind === "text" ? cell.text : String(cell.value);
}

/** A row's cells as text, with trailing empty cells dropped. */
function rowTexts(row: Row | undefined): (string | null)[] {
  const out = (row ?? []).map(cellString);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

const isBlankRow = (row: Row | undefined) => rowTexts(row).every((t) => t === null || t === "");

/** Where a link goes, in either format's notation: "#'Name'.A1" or "#Name.A1" (ODF), "'Name'!A1" or "Name!A1" (OOXML). */
function linkTarget(link: string): { sheet: string; cell: string } | null {
  const m = /^#?(?:'((?:[^']|'')*)'|([^'.!#]+))[.!](\$?[A-Z]+\$?\d+)$/.exec(link);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!, cell: m[3]!.replaceAll("$", "") };
}

/** "1 August 2025" (GOV.UK style guide, "Dates"), in London time. */
function dateShown(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date(iso));
}

/** A table sheet's description rows: the table's, and for a table with no rows the sentence saying why. */
function descriptionOf(table: PackTable): string[] {
  return table.rows.length === 0 && table.empty && !table.description.includes(table.empty) ? [...table.description, table.empty] : table.description;
}

const cellName = (row: number, column: number) => {
  let n = column;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
};

interface TableShape {
  /** 1-based header row. */
  headerRow: number;
  columns: number;
  dataRows: number;
  name?: string;
}

export function gssProblems(bytes: Uint8Array, format: "ods" | "xlsx", pack: BoardPack): string[] {
  let book: ReadWorkbook;
  try {
    book = format === "ods" ? readOds(bytes) : readXlsx(bytes);
  } catch (error) {
    return [`The ${format.toUpperCase()} file could not be read: ${error instanceof Error ? error.message : String(error)}.`];
  }
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);

  // Document properties: title and language (GSS "Accessibility": set the title; issue 9: the language too).
  if (book.title !== pack.title) problem(`The document title is "${book.title}", not the pack's title "${pack.title}".`);
  if (book.language !== "en-GB") problem(`The document language is "${book.language}", not en-GB.`);
  if (format === "ods" && !/<style:default-style style:family="table-cell">[^]*?fo:language="en" fo:country="GB"/.test(book.parts.get("styles.xml") ?? "")) {
    problem("The cells' default language is not English (United Kingdom).");
  }

  // Sheets: cover, contents, notes, then one per table in order, with unique names.
  const names = book.sheets.map((s) => s.name);
  const expectedNames = [...fixedSheets, ...pack.tables.map((t) => t.sheetName)];
  if (names.join("\n") !== expectedNames.join("\n")) problem(`The sheets are ${names.join(", ")}; they should be ${expectedNames.join(", ")}.`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) problem(`Two sheets are named "${name}".`);
    seen.add(name.toLowerCase());
  }
  const sheet = (name: string) => book.sheets.find((s) => s.name === name);

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

  // The cover: title, then what the pack is, period, source, date produced, contact and caveats, in column A.
  const cover = sheet("Cover");
  if (cover) {
    const first = rowTexts(cover.rows[0]);
    if (first[0] !== safeText(pack.title)) problem(`The cover's title is "${first[0] ?? ""}", not the pack's title.`);
    cover.rows.forEach((row, r) => {
      if (rowTexts(row).length > 1) problem(`Row ${r + 1} of the cover has more than one cell: the cover is text in column A only.`);
    });
    const lines = new Set(cover.rows.map((row) => cellString(row[0])));
    const wanted: [string, string][] = [
      ...pack.cover.about.map((t): [string, string] => ["what the pack is", t]),
      ["the period", pack.period.label],
      ["the source", pack.cover.source],
      ["the date produced", dateShown(pack.produced)],
      ["the contact", pack.cover.contact],
      ...pack.cover.caveats.map((t): [string, string] => ["a caveat", t]),
    ];
    // GSS and the GOV.UK style guide: periods written out, "Apr to Jun 2025" or "Apr 2025 to Mar 2026".
    if (!/^[A-Z][a-z]{2}(?: \d{4})? to [A-Z][a-z]{2} \d{4}$/.test(pack.period.label)) problem(`The period is written "${pack.period.label}", not as "Apr to Jun 2025" or "Apr 2025 to Mar 2026".`);
    for (const [what, line] of wanted) if (!lines.has(safeText(line))) problem(`The cover does not give ${what}: "${line}".`);
  }

  // Contents: a marked-up table, one row per table with a link to its sheet's A1.
  const contents = sheet("Contents");
  if (contents) {
    const shape = findTable(contents, format, pack.tables.length + 1, problem);
    if (shape) {
      const entries = contents.rows.slice(shape.headerRow, shape.headerRow + shape.dataRows);
      for (const row of entries) {
        const cell = row[0];
        const target = cell?.kind === "text" && cell.link ? linkTarget(cell.link) : null;
        if (!target) problem(`The contents entry "${cellString(cell) ?? ""}" is not a link to a sheet of the workbook.`);
        else if (!sheet(target.sheet) || target.cell !== "A1") problem(`The contents link "${cellString(cell)}" goes to ${target.sheet} ${target.cell}, not to cell A1 of a sheet of the workbook.`);
      }
      for (const table of pack.tables) {
        const entry = entries.find((row) => cellString(row[0]) === safeText(table.sheetName));
        if (!entry) problem(`The contents has no entry for the "${table.sheetName}" sheet.`);
        else {
          const target = entry[0]?.kind === "text" && entry[0].link ? linkTarget(entry[0].link) : null;
          if (target && target.sheet !== table.sheetName) problem(`The contents entry for "${table.sheetName}" links to the "${target.sheet}" sheet.`);
          if (!rowTexts(entry).includes(safeText(table.title))) problem(`The contents entry for "${table.sheetName}" does not give the table's title.`);
        }
      }
      checkTableShape(contents, shape, format, undefined, problem);
    }
  }

  // Notes: a marked-up table of [note N], one row per note of the pack.
  const notes = sheet("Notes");
  const listed = new Set<string>();
  if (notes) {
    const shape = findTable(notes, format, pack.notes.length, problem);
    if (shape) {
      for (const row of notes.rows.slice(shape.headerRow, shape.headerRow + shape.dataRows)) listed.add(cellString(row[0]) ?? "");
      if (shape.dataRows !== pack.notes.length) problem(`The notes table has ${shape.dataRows} rows for the pack's ${pack.notes.length} notes.`);
      checkTableShape(notes, shape, format, undefined, problem);
    }
    for (const note of pack.notes) {
      const row = notes.rows.find((r) => cellString(r[0]) === `[note ${note.number}]`);
      if (!row) problem(`The notes sheet does not list [note ${note.number}].`);
      else if (!rowTexts(row).includes(safeText(note.text))) problem(`The notes sheet does not give the text of [note ${note.number}].`);
    }
  }

  // Every [note N] referred to anywhere is on the notes sheet.
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

  // One sheet per table: title, description rows, header, one row per model row, and nothing else.
  for (const table of pack.tables) {
    const s = sheet(table.sheetName);
    if (!s) continue;
    tableSheetProblems(s, table, format, problem);
  }
  return problems;
}

/** The header row of a sheet's table: the marked-up table's, else (an empty table in XLSX, which Excel cannot hold) the last row. */
function findTable(s: ReadSheet, format: "ods" | "xlsx", expectedDataRows: number, problem: (text: string) => void): TableShape | null {
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
function checkTableShape(s: ReadSheet, shape: TableShape, format: "ods" | "xlsx", expectedName: string | undefined, problem: (text: string) => void): void {
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
 * A number's markers in the order GSS writes them, revised before provisional (model.ts): worked
 * out here rather than taken from the writers' helpers, so a fault in those cannot hide itself.
 */
function markersOf(cell: { revised?: boolean; provisional?: boolean }): ("r" | "p")[] {
  return [...(cell.revised ? (["r"] as const) : []), ...(cell.provisional ? (["p"] as const) : [])];
}

function tableSheetProblems(s: ReadSheet, table: PackTable, format: "ods" | "xlsx", problem: (text: string) => void): void {
  const where = `the "${s.name}" sheet`;
  const title = rowTexts(s.rows[0])[0];
  if (title !== safeText(table.title)) problem(`The title in A1 of ${where} is "${title ?? ""}", not "${table.title}".`);
  const description = descriptionOf(table);
  const shown = s.rows.slice(1, 1 + description.length).map((row) => rowTexts(row));
  description.forEach((line, i) => {
    const row = shown[i];
    if (!row || row.length !== 1 || row[0] !== safeText(line)) problem(`Row ${i + 2} of ${where} should be the description line "${line}" alone in column A.`);
  });
  // GSS: the lines above a table say how many tables the sheet holds and what any shorthand in it means.
  if (!description.some((line) => /\bcontains (?:one|\d+|[a-z]+) tables?\b/i.test(line))) problem(`The description of ${where} does not say how many tables the sheet contains.`);
  const used = new Set(table.rows.flat().flatMap((cell) => (cell.kind === "shorthand" ? [`[${cell.code}]`] : cell.kind === "number" ? markersOf(cell).map((m) => `[${m}]`) : [])));
  for (const code of used) if (!description.some((line) => line.includes(code))) problem(`${where[0]!.toUpperCase()}${where.slice(1)} uses the shorthand ${code} but its description does not say what it means.`);
  const headerRow = 2 + description.length;
  const header = rowTexts(s.rows[headerRow - 1]);
  const headings = table.columns.map((c) => safeText(c.heading));
  if (header.join("\n") !== headings.join("\n")) problem(`Row ${headerRow} of ${where} should be the header row (${headings.join(", ")}); it is (${header.map((h) => h ?? "").join(", ")}).`);

  const headingKeys = header.map((h) => (h ?? "").toLowerCase());
  if (new Set(headingKeys).size !== headingKeys.length) problem(`Two columns of the table on ${where} have the same heading.`);
  // Numbers stored as numbers: a numeric column holds numbers and shorthand only, and no column holds a number written as text.
  table.columns.forEach((column, c) => {
    const texts = table.rows.map((row) => row[c]!).filter((cell): cell is { kind: "text"; text: string } => cell.kind === "text");
    if (column.type !== "text" && texts.length > 0) problem(`The "${column.heading}" column of ${where} is numeric but holds text, such as "${texts[0]!.text}".`);
    const numeric = texts.find((cell) => /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/.test(cell.text.trim()));
    if (column.type === "text" && numeric) problem(`The "${column.heading}" column of ${where} holds the number "${numeric.text}" as text.`);
  });

  // The marked-up table covers exactly the header and the data rows, from column A (an empty table: ODS its header row, XLSX none).
  const expected = { firstRow: headerRow, lastRow: headerRow + table.rows.length, firstColumn: 1, lastColumn: table.columns.length };
  if (format === "xlsx" && table.rows.length === 0) {
    if (s.table) problem(`The empty table on ${where} is an Excel table part, which Excel cannot open with no data rows.`);
  } else if (!s.table) {
    problem(`The table on ${where} is not marked up as a table.`);
  } else {
    const got = s.table;
    if (got.firstRow !== expected.firstRow || got.lastRow !== expected.lastRow || got.firstColumn !== expected.firstColumn || got.lastColumn !== expected.lastColumn) {
      problem(`The table marked up on ${where} covers ${cellName(got.firstRow, got.firstColumn)}:${cellName(got.lastRow, got.lastColumn)}, not the header and data rows ${cellName(expected.firstRow, 1)}:${cellName(expected.lastRow, expected.lastColumn)}.`);
    }
  }
  checkTableShape(s, { headerRow, columns: table.columns.length, dataRows: table.rows.length }, format, table.tableName, problem);

  // Each cell: numbers as numbers with the column's format, shorthand and text as text. A fault in
  // a whole column would give a sentence per row, so after the first few the rest are counted.
  const cellProblems: string[] = [];
  const cellProblem = (text: string) => cellProblems.push(text);
  table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const column = table.columns[c]!;
      const read = s.rows[headerRow + r]?.[c] ?? null;
      const at = `Cell ${cellName(headerRow + r + 1, c + 1)} of ${where} (${column.heading})`;
      switch (cell.kind) {
        case "text":
          if (read?.kind !== "text" || read.text !== safeText(cell.text)) cellProblem(`${at} should be the text "${safeText(cell.text)}".`);
          break;
        case "shorthand":
          if (read?.kind !== "text" || read.text !== `[${cell.code}]`) cellProblem(`${at} should be the shorthand "[${cell.code}]" as text.`);
          break;
        case "number": {
          if (read?.kind !== "number") {
            cellProblem(`${at} holds ${cell.value} as ${read ? "text" : "nothing"}, not as a number.`);
            break;
          }
          if (read.value !== cell.value) cellProblem(`${at} is ${read.value}, not ${cell.value}.`);
          const numberFormat = column.type === "text" ? "decimal1" : column.type;
          const places = decimalPlaces[numberFormat];
          const grouping = numberFormat !== "year";
          // [r] revised and [p] provisional are shown by the number's format, r first ("87 [r] [p]"); an unmarked number has nothing after it.
          const markers = markersOf(cell);
          const suffix = markers.map((m) => ` [${m}]`).join("");
          if (read.shown.places !== places) cellProblem(`${at} shows ${read.shown.places} decimal places, not the column's ${places}.`);
          if (read.shown.grouping !== grouping) cellProblem(grouping ? `${at} is shown without thousands separators.` : `${at} is a year shown with a thousands separator.`);
          if (read.shown.suffix !== suffix) {
            const what = markers.map((m) => ({ r: "revised", p: "provisional" })[m]).join(" and ");
            cellProblem(suffix ? `${at} is ${what}, but its format does not show ${suffix.trim()}.` : `${at} is shown with "${read.shown.suffix}" after it.`);
          }
          break;
        }
      }
    });
  });
  const shownCells = 10;
  for (const text of cellProblems.slice(0, shownCells)) problem(text);
  if (cellProblems.length > shownCells) problem(`And ${cellProblems.length - shownCells} more problems with cells of ${where}.`);
}

/**
 * What must not be in any sheet (GSS: no merged cells, hidden rows or columns, filters, frozen or
 * split panes, fills, images; formulas are not written): found in the XML itself.
 */
function structureProblems(book: ReadWorkbook, format: "ods" | "xlsx", problem: (text: string) => void): void {
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
