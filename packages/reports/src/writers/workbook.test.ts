import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { formatMeasure, oversightMeasures } from "@complaints/domain";
import { cellText } from "../cells.ts";
import type { BoardPack, PackTable } from "../model.ts";
import { measureStatisticCells } from "../tidy.ts";
import { readOds, readXlsx, type ReadCell, type ReadSheet, type ReadWorkbook } from "@complaints/office/testing";
import { gssProblems, samplePack } from "../testing/index.ts";
import { writePackOds, writePackXlsx } from "./pack-workbook.ts";

/**
 * The GSS rules ("Releasing statistics in spreadsheets", Government Analysis Function; as the ONS
 * gptables and Cabinet Office aftables packages check them) on both files, read back from their
 * XML: the same workbook in ODS and XLSX.
 */

const pack = samplePack();
const odsBytes = writePackOds(pack);
const xlsxBytes = writePackXlsx(pack);
const workbooks: ["ods" | "xlsx", ReadWorkbook, Uint8Array][] = [
  ["ods", readOds(odsBytes), odsBytes],
  ["xlsx", readXlsx(xlsxBytes), xlsxBytes],
];

function texts(row: (ReadCell | null)[] | undefined): (string | number | null)[] {
  return (row ?? []).map((c) => (c === null ? null : c.kind === "text" ? c.text : c.value));
}

function sheet(book: ReadWorkbook, name: string): ReadSheet {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Where a contents link goes, in either format's notation: "#'Name'.A1" (ODF) or "'Name'!A1" (OOXML). */
function linkTarget(link: string): { sheet: string; cell: string } {
  const m = /^#?'((?:[^']|'')*)'[.!](\$?[A-Z]+\$?\d+)$/.exec(link);
  if (!m) throw new Error(`not a link to a cell of this workbook: ${link}`);
  return { sheet: m[1]!.replaceAll("''", "'"), cell: m[2]!.replaceAll("$", "") };
}

describe.each(workbooks)("the board pack as %s", (format, book, bytes) => {
  it("keeps every GSS rule, read back from its XML", () => {
    expect(gssProblems(bytes, format, pack)).toEqual([]);
  });

  it("has the cover, contents and notes sheets, then one sheet per table, with unique names", () => {
    const names = book.sheets.map((s) => s.name);
    expect(names).toEqual(["Cover", "Contents", "Notes", "Headline", "Equality", "Overdue actions"]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("opens on the first sheet with every sheet's cursor in A1", () => {
    expect(book.activeSheet).toBe("Cover");
    for (const s of book.sheets) expect(s.cursor, s.name).toEqual({ column: 1, row: 1 });
  });

  it("writes the cover: what the pack is, period, source, date produced, contact and caveats, one per row", () => {
    expect(sheet(book, "Cover").rows.map((row) => texts(row))).toEqual(
      [
        pack.title,
        "About this pack",
        pack.cover.about[0],
        "Period covered",
        "Apr to Jun 2025",
        "Source",
        pack.cover.source,
        "Date produced",
        "1 August 2025",
        "Contact",
        "complaints.oversight@des.example",
        "Caveats",
        ...pack.cover.caveats,
      ].map((t) => [t]),
    );
  });

  it("lists the sheets on the contents sheet, each linked to its sheet, in a marked-up table", () => {
    const contents = sheet(book, "Contents");
    expect(texts(contents.rows[1])).toHaveLength(1);
    expect(texts(contents.rows[2])).toEqual(["Sheet name", "Table title"]);
    const entries = contents.rows.slice(3);
    expect(entries.map((row) => texts(row))).toEqual([["Notes", "Notes used in the tables"], ...pack.tables.map((t) => [t.sheetName, t.title])]);
    for (const row of entries) {
      const cell = row[0]!;
      expect(cell.kind === "text" && cell.link).toBeTruthy();
      const target = linkTarget((cell as { link: string }).link);
      expect(target).toEqual({ sheet: (cell as { text: string }).text, cell: "A1" });
      expect(book.sheets.map((s) => s.name)).toContain(target.sheet);
    }
    expect(contents.table).toMatchObject({ firstRow: 3, lastRow: 3 + entries.length, firstColumn: 1, lastColumn: 2, containsHeader: true });
  });

  it("lists the notes as [note N] with their text and what they apply to, in a marked-up table", () => {
    const notes = sheet(book, "Notes");
    expect(texts(notes.rows[2])).toEqual(["Note number", "Note text", "Applies to"]);
    expect(notes.rows.slice(3).map((row) => texts(row))).toEqual(pack.notes.map((n) => [`[note ${n.number}]`, n.text, n.appliesTo]));
    expect(notes.table).toMatchObject({ firstRow: 3, lastRow: 3 + pack.notes.length, firstColumn: 1, lastColumn: 3, containsHeader: true });
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const headline = sheet(book, "Headline");
    expect(texts(headline.rows[6])[1]).toBe("'=HYPERLINK(\"http://evil.example\",\"Benefits\")");
    expect(texts(sheet(book, "Equality").rows[5])[0]).toBe("'-25 to 64");
    for (const s of book.sheets) expect(s.xml, s.name).not.toMatch(/<f>|<f |table:formula=/);
  });
});

/** The file with one of its parts edited, zipped again (the order of parts kept, so mimetype stays first). */
function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]!);
  const after = edit(before);
  if (after === before) throw new Error(`the edit changed nothing in ${part}`);
  files[part] = strToU8(after);
  return zipSync(files);
}

describe("the GSS checker finds a broken file", () => {
  it.each([
    ["a blank row under a table's title (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace(/(<table:table table:name="Headline"[^]*?<\/table:table-row>)/, '$1<table:table-row table:style-name="ro1"><table:table-cell/></table:table-row>')), 'Row 2 of the "Headline" sheet is blank.'],
    ["merged cells (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace('<table:table-cell table:style-name="ceTitle"', '<table:table-cell table:number-columns-spanned="2" table:style-name="ceTitle"')), 'The "Cover" sheet has merged cells.'],
    ["a number stored as text (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace('office:value-type="float" office:value="12345"', 'office:value-type="string"')), "holds 12345 as text, not as a number."],
    ["the cursor away from A1 (ODS)", "ods", () => edited(odsBytes, "settings.xml", (x) => x.replace('"CursorPositionY" config:type="int">0<', '"CursorPositionY" config:type="int">5<')), 'The cursor on the "Cover" sheet is in A6, not A1.'],
    ["merged cells (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/worksheets/sheet4.xml", (x) => x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')), 'The "Headline" sheet has merged cells.'],
    ["a fill (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/styles.xml", (x) => x.replace('<fills count="2">', '<fills count="3"><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>')), "The workbook's styles have fills (background colours)."],
    ["a hidden column (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/worksheets/sheet5.xml", (x) => x.replace('<col min="2" max="2"', '<col hidden="1" min="2" max="2"')), 'The "Equality" sheet has hidden columns.'],
    ["a frozen pane (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/worksheets/sheet4.xml", (x) => x.replace("<selection ", '<pane ySplit="4" topLeftCell="A5" state="frozen"/><selection ')), 'The "Headline" sheet has frozen or split panes.'],
    ["a sheet scrolled away from A1 (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/worksheets/sheet4.xml", (x) => x.replace("<sheetView ", '<sheetView topLeftCell="C20" ')), 'The "Headline" sheet opens scrolled away from A1.'],
    ["a provisional number whose format lost [p] (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace("<number:text> [p]</number:text>", "")), 'Cell D8 of the "Headline" sheet (Closed within timescale (%)) is provisional, but its format does not show [p].'],
    ["a revised and provisional number shown as revised only (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace("<number:text> [r] [p]</number:text>", "<number:text> [r]</number:text>")), 'Cell C7 of the "Headline" sheet (Complaints received [note 2]) is revised and provisional, but its format does not show [r] [p].'],
    ["a provisional number written as text (ODS)", "ods", () => edited(odsBytes, "content.xml", (x) => x.replace('office:value-type="float" office:value="80.9"', 'office:value-type="string"')), "holds 80.9 as text, not as a number."],
    ["the markers in the wrong order (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/styles.xml", (x) => x.replace("&quot; [r] [p]&quot;", "&quot; [p] [r]&quot;")), 'Cell C7 of the "Headline" sheet (Complaints received [note 2]) is revised and provisional, but its format does not show [r] [p].'],
    ["a provisional number whose format lost [p] (XLSX)", "xlsx", () => edited(xlsxBytes, "xl/styles.xml", (x) => x.replace("&quot; [p]&quot;", "")), 'Cell D8 of the "Headline" sheet (Closed within timescale (%)) is provisional, but its format does not show [p].'],
    ["another document title (XLSX)", "xlsx", () => edited(xlsxBytes, "docProps/core.xml", (x) => x.replace(/<dc:title>[^<]*/, "<dc:title>Book1")), 'The document title is "Book1"'],
  ] as const)("%s", (_, format, broken, expected) => {
    const problems = gssProblems(broken(), format, pack);
    expect(problems.some((p) => p.includes(expected)), problems.join("\n")).toBe(true);
  });

  it("a table whose description does not explain its shorthand or say how many tables the sheet holds", () => {
    const p = samplePack();
    p.tables[1]!.description = ["Counts of people, by characteristic."];
    for (const [format, bytes] of [["ods", writePackOds(p)], ["xlsx", writePackXlsx(p)]] as const) {
      expect(gssProblems(bytes, format, p)).toEqual([
        'The description of the "Equality" sheet does not say how many tables the sheet contains.',
        'The "Equality" sheet uses the shorthand [c] but its description does not say what it means.',
      ]);
    }
  });

  it("a table that uses [p] but whose description does not explain it", () => {
    const p = samplePack();
    p.tables[0]!.description = p.tables[0]!.description.map((line) => line.replace(", [p] provisional", ""));
    for (const [format, bytes] of [["ods", writePackOds(p)], ["xlsx", writePackXlsx(p)]] as const) {
      expect(gssProblems(bytes, format, p)).toEqual(['The "Headline" sheet uses the shorthand [p] but its description does not say what it means.']);
    }
  });

  it("a provisional number written without [p] in its format", () => {
    const p = samplePack();
    // The file is written from a pack where the figure is not provisional, and checked against one where it is.
    const plain = samplePack();
    plain.tables[0]!.rows[2]![3] = { kind: "number", value: 80.9 };
    for (const [format, bytes] of [["ods", writePackOds(plain)], ["xlsx", writePackXlsx(plain)]] as const) {
      expect(gssProblems(bytes, format, p)).toEqual(['Cell D8 of the "Headline" sheet (Closed within timescale (%)) is provisional, but its format does not show [p].']);
    }
  });

  it("a number written as text, in a numeric column or a text one", () => {
    const p = samplePack();
    p.tables[0]!.rows[0]![2] = { kind: "text", text: "12,345" };
    p.tables[1]!.rows[0]![0] = { kind: "text", text: "42" };
    for (const [format, bytes] of [["ods", writePackOds(p)], ["xlsx", writePackXlsx(p)]] as const) {
      expect(gssProblems(bytes, format, p)).toEqual([
        'The "Complaints received [note 2]" column of the "Headline" sheet is numeric but holds text, such as "12,345".',
        `The "${p.tables[1]!.columns[0]!.heading}" column of the "Equality" sheet holds the number "42" as text.`,
      ]);
    }
  });

  it("says so when the bytes are not a spreadsheet", () => {
    expect(gssProblems(new TextEncoder().encode("not a zip"), "xlsx", pack)).toEqual([expect.stringMatching(/^The XLSX file could not be read: /)]);
  });
});

describe("a pack with no notes", () => {
  const noNotes: BoardPack = { ...samplePack(), notes: [] };
  it.each([
    ["ODS", readOds(writePackOds(noNotes))],
    ["XLSX", readXlsx(writePackXlsx(noNotes))],
  ])("says so on the notes sheet (%s)", (_, book) => {
    const notes = sheet(book, "Notes");
    expect(notes.rows.map((row) => texts(row))).toEqual([["Notes"], ["This worksheet contains one table."], ["There are no notes in this workbook."], ["Note number", "Note text", "Applies to"]]);
  });

  it.each([
    ["ods", writePackOds(noNotes)],
    ["xlsx", writePackXlsx(noNotes)],
  ] as const)("is reported by the GSS checker when its tables still refer to notes (%s)", (format, bytes) => {
    const problems = gssProblems(bytes, format, noNotes);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /refers to \[note \d+\], which the notes sheet does not list\.$/.test(p)), problems.join("\n")).toBe(true);
  });
});

describe("names the spreadsheets cannot hold", () => {
  it.each([
    ["a sheet name over 31 characters", (p: BoardPack) => (p.tables[0]!.sheetName = "A sheet name that is far too long for Excel")],
    ["a sheet name with a colon", (p: BoardPack) => (p.tables[0]!.sheetName = "Q1: headline")],
    ["a sheet named like the cover", (p: BoardPack) => (p.tables[0]!.sheetName = "cover")],
    ["two tables with one name", (p: BoardPack) => (p.tables[1]!.tableName = p.tables[0]!.tableName)],
    ["a table name that reads as a cell reference", (p: BoardPack) => (p.tables[1]!.tableName = "ABC123")],
    ["a table name that reads as an R1C1 reference", (p: BoardPack) => (p.tables[1]!.tableName = "R2C3")],
    ["two columns with one heading", (p: BoardPack) => (p.tables[0]!.columns[1]!.heading = "ORGANISATION CODE")],
  ])("are refused: %s", (_, change) => {
    const p = samplePack();
    change(p);
    expect(() => writePackOds(p)).toThrow();
    expect(() => writePackXlsx(p)).toThrow();
  });
});

describe("a measure's figures in a table with one row per measure", () => {
  // Three measures declared with 0, 1 and 2 decimals: each figure is stored rounded to its own, and
  // shown with them in both spreadsheets (a number with a number format) and as text (PDF, CSV shown value).
  const declared = [0, 1, 2].map((decimals) => ({ ...oversightMeasures.find((m) => m.id === "er_average_working_days")!, id: `mean_${decimals}`, decimals }));
  const figures = { value: 4.28571, numerator: 30, denominator: 7, interval95: null };
  const base = samplePack();
  const measures: PackTable = {
    sheetName: "Measures",
    tableName: "measures",
    title: "Table 3: Measures, Apr to Jun 2025",
    description: ["This worksheet contains one table.", "Shorthand: [z] not applicable."],
    columns: [
      { key: "measure", heading: "Measure", type: "text", role: "measure" },
      { key: "value", heading: "Value", type: "decimal1", statistic: "value" },
      { key: "lower_95", heading: "Lower 95% limit", type: "decimal1", statistic: "lower_95" },
      { key: "upper_95", heading: "Upper 95% limit", type: "decimal1", statistic: "upper_95" },
      { key: "numerator", heading: "Numerator", type: "count", statistic: "numerator" },
      { key: "denominator", heading: "Denominator", type: "count", statistic: "denominator" },
    ],
    rows: declared.map((m) => [{ kind: "text", text: m.label, code: m.id }, ...measureStatisticCells(m, figures, {})]),
  };
  const withMeasures: BoardPack = { ...base, tables: [...base.tables, measures] };

  it.each([
    ["ods", writePackOds(withMeasures), readOds],
    ["xlsx", writePackXlsx(withMeasures), readXlsx],
  ] as const)("%s: numbers with the measure's declared decimal places, every GSS rule kept", (format, bytes, read) => {
    expect(gssProblems(bytes, format, withMeasures)).toEqual([]);
    const book = read(bytes);
    const rows = sheet(book, "Measures").rows.slice(4);
    expect(rows.map((r) => r[1])).toMatchObject([
      { kind: "number", value: 4, shown: { places: 0 } },
      { kind: "number", value: 4.3, shown: { places: 1 } },
      { kind: "number", value: 4.29, shown: { places: 2 } },
    ]);
  });

  it("reads as formatMeasure writes it wherever a cell is text (the PDF's tables, a spreadsheet's shown value)", () => {
    expect(measures.rows.map((r) => cellText(r[1]!, measures.columns[1]!))).toEqual(declared.map((m) => formatMeasure(m, figures.value)));
    expect(measures.rows.map((r) => cellText(r[1]!, measures.columns[1]!))).toEqual(["4", "4.3", "4.29"]);
  });
});
