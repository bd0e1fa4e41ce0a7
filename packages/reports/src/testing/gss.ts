import { cellName, checkTableShape, cellString, findTable, linkTarget, noteReferenceProblems, readBack, rowTexts, workbookProblems, type ReadSheet, type SpreadsheetFormat } from "@complaints/office/testing";
import { safeText } from "../cells.ts";
import { decimalPlaces, type BoardPack, type PackTable } from "../model.ts";

/**
 * The Government Statistical Service rules for statistics in spreadsheets, checked on an ODS or XLSX
 * board pack: the rules for any workbook (packages/office, `workbookProblems`), and what the pack's
 * workbook should hold, compared with the pack model it was written from (cover, contents, notes,
 * one sheet per table, each cell stored and shown as GSS says). One plain-English sentence for each
 * rule broken (an empty list when the file keeps them all), so a test can show every problem at once.
 */

/** The sheets every pack starts with (GSS: cover, contents, notes, then the tables). */
const fixedSheets = ["Cover", "Contents", "Notes"] as const;

/** "1 August 2025" (GOV.UK style guide, "Dates"), in London time. */
function dateShown(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date(iso));
}

/** A table sheet's description rows: the table's, and for a table with no rows the sentence saying why. */
function descriptionOf(table: PackTable): string[] {
  return table.rows.length === 0 && table.empty && !table.description.includes(table.empty) ? [...table.description, table.empty] : table.description;
}

export function gssProblems(bytes: Uint8Array, format: SpreadsheetFormat, pack: BoardPack): string[] {
  const book = readBack(bytes, format);
  if (typeof book === "string") return [book];
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);

  // Document properties: title and language (GSS "Accessibility": set the title; and the language too).
  if (book.title !== pack.title) problem(`The document title is "${book.title}", not the pack's title "${pack.title}".`);

  // Sheets: cover, contents, notes, then one per table in order, with unique names.
  const names = book.sheets.map((s) => s.name);
  const expectedNames = [...fixedSheets, ...pack.tables.map((t) => t.sheetName)];
  if (names.join("\n") !== expectedNames.join("\n")) problem(`The sheets are ${names.join(", ")}; they should be ${expectedNames.join(", ")}.`);
  const sheet = (name: string) => book.sheets.find((s) => s.name === name);

  workbookProblems(book, format, problem);

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

  noteReferenceProblems(book, listed, problem);

  // One sheet per table: title, description rows, header, one row per model row, and nothing else.
  for (const table of pack.tables) {
    const s = sheet(table.sheetName);
    if (!s) continue;
    tableSheetProblems(s, table, format, problem);
  }
  return problems;
}

/**
 * A number's markers in the order GSS writes them, revised before provisional (model.ts): worked
 * out here rather than taken from the writers' helpers, so a fault in those cannot hide itself.
 */
function markersOf(cell: { revised?: boolean; provisional?: boolean }): ("r" | "p")[] {
  return [...(cell.revised ? (["r"] as const) : []), ...(cell.provisional ? (["p"] as const) : [])];
}

function tableSheetProblems(s: ReadSheet, table: PackTable, format: SpreadsheetFormat, problem: (text: string) => void): void {
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
          // A measure's figure in a table with one row per measure has its declared decimals; any other, its column's.
          const places = cell.decimals ?? decimalPlaces[numberFormat];
          const grouping = numberFormat !== "year";
          // [r] revised and [p] provisional are shown by the number's format, r first ("87 [r] [p]"); an unmarked number has nothing after it.
          const markers = markersOf(cell);
          const suffix = markers.map((m) => ` [${m}]`).join("");
          if (read.shown.places !== places) cellProblem(`${at} shows ${read.shown.places} decimal places, not the ${cell.decimals === undefined ? "column's" : "measure's"} ${places}.`);
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

