import { describe, expect, it } from "vitest";
import { cellText, safeText } from "../cells.ts";
import type { BoardPack } from "../model.ts";
import { convertSpreadsheet, readOds, readXlsx, spreadsheetToCsv } from "@complaints/office/testing";
import { samplePack } from "../testing/index.ts";
import { writePackOds, writePackXlsx } from "./pack-workbook.ts";

/**
 * Real office software: LibreOffice opens each file and writes every sheet as the cells show, and
 * each table shows exactly what `cellText` says it reads ("12,345", "87 [r] [p]", "80.9 [p]", "[c]"), through the
 * files' own number formats. LibreOffice must be installed (CI installs libreoffice-calc-nogui);
 * without it these tests fail, saying so.
 */

/** The sample pack plus a sheet whose name has spaces, an apostrophe and non-ASCII letters, and text over several lines. */
function packForOffice(): BoardPack {
  const pack = samplePack();
  pack.tables.push({
    sheetName: "Bodies' themes – £ café",
    tableName: "themes_by_body",
    title: "Table 4: Themes by body – Apr to Jun 2025",
    description: ["This worksheet contains one table.", "Themes are per 100 complaints received. Shorthand: [c] confidential, [r] revised, [p] provisional."],
    columns: [
      { key: "name", heading: "Organisation", type: "text", role: "organisation_name" },
      { key: "theme", heading: "Theme «main»", type: "text", role: "label" },
      { key: "rate", heading: "Per 100 complaints", type: "decimal1" },
      { key: "paid", heading: "Paid (£)", type: "pounds" },
    ],
    rows: [
      [{ kind: "text", text: "Agence française – Zürich 😀" }, { kind: "text", text: "Delay,\n\"quoted\" and  spaced" }, { kind: "number", value: 1234567.25 }, { kind: "number", value: -1500, revised: true }],
      [{ kind: "text", text: "@risk body" }, { kind: "text", text: "+ and -" }, { kind: "shorthand", code: "c" }, { kind: "number", value: 0, provisional: true }],
      [{ kind: "text", text: "Revised body" }, { kind: "text", text: "Delay" }, { kind: "number", value: 0.5, revised: true, provisional: true }, { kind: "number", value: 1234.4, provisional: true }],
    ],
  });
  return pack;
}

describe.each(["ods", "xlsx"] as const)("the board pack as %s, opened in LibreOffice", (ext) => {
  const pack = packForOffice();
  const bytes = ext === "ods" ? writePackOds(pack) : writePackXlsx(pack);

  it("shows every table's cells as the pack reads them, nothing below, and every sheet in order", { timeout: 180_000 }, async () => {
    const sheets = await spreadsheetToCsv(bytes, ext);
    expect([...sheets.keys()]).toEqual(["Cover", "Contents", "Notes", ...pack.tables.map((t) => t.sheetName)]);
    expect(sheets.get("Cover")![0]![0]).toBe(pack.title);
    expect(sheets.get("Cover")!.flat()).toContain("1 August 2025");
    expect(sheets.get("Contents")!.slice(3).map((row) => row[0])).toEqual(["Notes", ...pack.tables.map((t) => t.sheetName)]);
    for (const table of pack.tables) {
      const rows = sheets.get(table.sheetName)!;
      expect(rows[0]![0]).toBe(table.title);
      const headerAt = rows.findIndex((row) => row[0] === table.columns[0]!.heading);
      expect(headerAt, `${table.sheetName} has its header row`).toBeGreaterThan(0);
      const width = table.columns.length;
      const shown = rows.slice(headerAt).map((row) => {
        expect(row.slice(width).every((c) => c === ""), "nothing beside the table").toBe(true);
        return row.slice(0, width);
      });
      const expected = [table.columns.map((c) => safeText(c.heading)), ...table.rows.map((row) => row.map((cell, c) => (cell.kind === "text" ? safeText(cell.text) : cellText(cell, table.columns[c]!))))];
      expect(shown, table.sheetName).toEqual(expected);
    }
    // The figures the lead's comparison will rely on, spelled out.
    expect(sheets.get("Headline")![5]!.slice(2)).toEqual(["12,345", "81.3", "4.2", "1,250.50", "2025"]);
    expect(sheets.get("Headline")![6]!.slice(2)).toEqual(["87 [r] [p]", "[x]", "0.0", "[z]", "2025"]);
    expect(sheets.get("Headline")![7]!.slice(2)).toEqual(["12,432 [r]", "80.9 [p]", "4.1", "1,250.50", "2025"]);
    expect(sheets.get("Bodies' themes – £ café")![4]!).toEqual(["Agence française – Zürich 😀", "Delay,\n\"quoted\" and  spaced", "1,234,567.3", "-1,500 [r]"]);
    expect(sheets.get("Bodies' themes – £ café")![5]!.slice(2)).toEqual(["[c]", "0 [p]"]);
    expect(sheets.get("Bodies' themes – £ café")![6]!.slice(2)).toEqual(["0.5 [r] [p]", "1,234 [p]"]);
  });
});

describe("what LibreOffice makes of the tables and links, saving each file in the other format", () => {
  const pack = samplePack();

  // Headless LibreOffice has no view, so it keeps no active sheet or cursor: those are checked in the files themselves (workbook.test.ts).
  it("reads each XLSX table part as a table with a header row, and keeps the contents links", { timeout: 180_000 }, async () => {
    const saved = readOds(await convertSpreadsheet(writePackXlsx(pack), "xlsx"));
    expect(saved.sheets.filter((s) => s.table).map((s) => [s.name, s.table!.name, s.table!.firstRow, s.table!.lastRow, s.table!.lastColumn])).toEqual([
      ["Contents", "workbook_contents", 3, 7, 2],
      ["Notes", "workbook_notes", 3, 5, 3],
      ["Headline", "headline_measures", 5, 8, 7],
      ["Equality", "equality_monitoring", 4, 7, 3],
    ]);
    const contents = saved.sheets.find((s) => s.name === "Contents")!;
    expect(contents.rows.slice(3).filter((row) => row[0]).map((row) => (row[0]?.kind === "text" ? row[0].link : null))).toEqual(["#'Notes'.A1", "#'Headline'.A1", "#'Equality'.A1", "#'Overdue actions'.A1"]);
  });

  it("reads each ODS database range as a table, and keeps the contents links", { timeout: 180_000 }, async () => {
    const saved = readXlsx(await convertSpreadsheet(writePackOds(pack), "ods"));
    expect(saved.sheets.filter((s) => s.table && s.table.lastRow > s.table.firstRow).map((s) => [s.name, s.table!.name, s.table!.firstRow, s.table!.lastRow, s.table!.columns])).toEqual([
      ["Contents", "workbook_contents", 3, 7, ["Sheet name", "Table title"]],
      ["Notes", "workbook_notes", 3, 5, ["Note number", "Note text", "Applies to"]],
      ["Headline", "headline_measures", 5, 8, pack.tables[0]!.columns.map((c) => c.heading)],
      ["Equality", "equality_monitoring", 4, 7, pack.tables[1]!.columns.map((c) => c.heading)],
    ]);
    const contents = saved.sheets.find((s) => s.name === "Contents")!;
    expect(contents.rows.slice(3).map((row) => (row[0]?.kind === "text" ? row[0].link : null))).toEqual(["'Notes'!A1", "'Headline'!A1", "'Equality'!A1", "'Overdue actions'!A1"]);
  });
});

describe("spreadsheetToCsv", () => {
  it("fails, saying why, when the bytes are not a spreadsheet", { timeout: 180_000 }, async () => {
    await expect(spreadsheetToCsv(new TextEncoder().encode("not a spreadsheet"), "xlsx")).rejects.toThrow("not a zip file");
  });

  it("fails, saying what to install, when LibreOffice is missing", async () => {
    await expect(spreadsheetToCsv(writePackXlsx(samplePack()), "xlsx", { soffice: "/nonexistent/soffice" })).rejects.toThrow("LibreOffice is not installed");
  });
});
