import { describe, expect, it } from "vitest";
import { safeText } from "../cells.ts";
import { decimalPlaces, type BoardPack, type PackTable } from "../model.ts";
import { samplePack } from "../testing/index.ts";
import { writePackOds } from "./ods.ts";
import { readOds, readXlsx, type ReadCell, type ReadSheet, type ReadWorkbook } from "./readback.test-support.ts";
import { writePackXlsx } from "./xlsx.ts";

/**
 * The GSS rules ("Releasing statistics in spreadsheets", Government Analysis Function; as the ONS
 * gptables and Cabinet Office aftables packages check them) on both files, read back from their
 * XML: the same workbook in ODS and XLSX.
 */

const pack = samplePack();
const workbooks: [string, ReadWorkbook][] = [
  ["ODS", readOds(writePackOds(pack))],
  ["XLSX", readXlsx(writePackXlsx(pack))],
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

function descriptionOf(table: PackTable): string[] {
  return table.rows.length === 0 && table.empty && !table.description.includes(table.empty) ? [...table.description, table.empty] : table.description;
}

describe.each(workbooks)("the board pack as %s", (_, book) => {
  it("has the cover, contents and notes sheets, then one sheet per table, with unique names", () => {
    const names = book.sheets.map((s) => s.name);
    expect(names).toEqual(["Cover", "Contents", "Notes", "Headline", "Equality", "Overdue actions"]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("sets the document's title and language", () => {
    expect(book.title).toBe(pack.title);
    expect(book.language).toBe("en-GB");
  });

  it("opens on the first sheet with every sheet's cursor in A1", () => {
    expect(book.activeSheet).toBe("Cover");
    for (const s of book.sheets) expect(s.cursor, s.name).toEqual({ column: 1, row: 1 });
  });

  it("starts every sheet with its title alone in A1, and has no blank rows", () => {
    const titles = ["Complaints board pack: Department for Example Services, Apr to Jun 2025", "Table of contents", "Notes", ...pack.tables.map((t) => t.title)];
    book.sheets.forEach((s, i) => {
      expect(texts(s.rows[0]), s.name).toEqual([titles[i]]);
      s.rows.forEach((row, r) => expect(row[0], `${s.name} row ${r + 1} starts in column A`).toBeTruthy());
    });
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

  describe.each(pack.tables.map((t) => [t.sheetName, t] as const))("the %s sheet", (name, table) => {
    const s = sheet(book, name);
    const description = descriptionOf(table);
    const headerRow = 1 + description.length + 1;

    it("has the title, the description one line per row, then the header row and the data rows, and nothing below", () => {
      expect(s.rows.slice(1, headerRow - 1).map((row) => texts(row))).toEqual(description.map((d) => [d]));
      expect(texts(s.rows[headerRow - 1])).toEqual(table.columns.map((c) => c.heading));
      expect(s.rows).toHaveLength(headerRow + table.rows.length);
      for (const row of s.rows.slice(headerRow - 1)) {
        expect(row).toHaveLength(table.columns.length);
        expect(row.every((c) => c !== null), "no blank cells inside the table").toBe(true);
      }
    });

    it("marks up exactly the header and data rows as a table, when it has data rows", () => {
      if (table.rows.length === 0) return; // Checked per format: Excel cannot hold an empty table.
      expect(s.table).toEqual(expect.objectContaining({ name: table.tableName, firstRow: headerRow, lastRow: headerRow + table.rows.length, firstColumn: 1, lastColumn: table.columns.length, containsHeader: true }));
    });

    it("stores numbers as numbers with the column's decimal places and separators, [r] in a revised number's format, and shorthand and text as text", () => {
      table.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const column = table.columns[c]!;
          const read = s.rows[headerRow + r]![c];
          const where = `${name} row ${headerRow + r + 1} column ${c + 1}`;
          switch (cell.kind) {
            case "text":
              expect(read, where).toEqual({ kind: "text", text: safeText(cell.text) });
              break;
            case "shorthand":
              expect(read, where).toEqual({ kind: "text", text: `[${cell.code}]` });
              break;
            case "number": {
              const format = column.type === "text" ? "decimal1" : column.type;
              expect(read, where).toMatchObject({ kind: "number", value: cell.value, shown: { places: decimalPlaces[format], grouping: format !== "year", suffix: cell.revised ? " [r]" : "" } });
              break;
            }
          }
        });
      });
    });
  });

  it("neutralises text that a spreadsheet would run as a formula", () => {
    const headline = sheet(book, "Headline");
    expect(texts(headline.rows[6])[1]).toBe("'=HYPERLINK(\"http://evil.example\",\"Benefits\")");
    expect(texts(sheet(book, "Equality").rows[5])[0]).toBe("'-25 to 64");
    for (const s of book.sheets) expect(s.xml, s.name).not.toMatch(/<f>|<f |table:formula=/);
  });

  it("has no merged cells, hidden rows or columns, filters, frozen panes or images", () => {
    for (const s of book.sheets) {
      expect(s.xml, s.name).not.toMatch(/mergeCell|number-columns-spanned|number-rows-spanned|hidden=|table:visibility=|<pane|autoFilter|<drawing|<picture|draw:frame|display-filter-buttons="true"/);
    }
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
