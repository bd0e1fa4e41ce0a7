import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Workbook } from "./model.ts";
import { writeOds } from "./ods.ts";
import { readOds as readUploadedOds } from "./read/read-ods.ts";
import { readXlsx as readUploadedXlsx } from "./read/read-xlsx.ts";
import { readOds, readXlsx } from "./testing/readback.ts";
import { writeXlsx } from "./xlsx.ts";

/**
 * The writers on a workbook that uses what the model offers: both files hold the same cells, number
 * formats, table, links, protection and validation, and the upload readers read them back. The
 * layouts' own tests (the return template in api, the board pack in reports) check their workbooks.
 */

const money = { id: "money", places: 2, grouping: true };
const revised = { id: "count_r", places: 0, grouping: true, suffix: " [r]" };

function book(statedView: boolean): Workbook {
  return {
    properties: { title: "Test & book", subject: "Tests", language: "en-GB", generator: "Tests", created: "2025-07-10T10:00:00.000Z" },
    font: { name: "Arial", size: 11 },
    styles: {
      title: { bold: true, size: 14 },
      header: { bold: true, wrap: true, top: true },
      link: { link: true },
      entry: { unlocked: true, number: money },
      revised: { top: true, number: revised },
    },
    statedView,
    sheets: [
      {
        name: "Figures",
        columns: [{ width: 20 }, { width: 12, style: "entry" }],
        rows: [
          [{ kind: "text", text: "Figures", style: "title" }],
          [
            { kind: "text", text: "Name", style: "header" },
            { kind: "text", text: "Amount", style: "header" },
          ],
          [
            { kind: "text", text: "  spaced  out" },
            { kind: "number", value: 1250.5, style: "entry", shown: "1,250.50", validation: { kind: "number", min: 0, places: 2, alsoAllowed: ["[x]"], title: "Amount", message: "An amount, or [x]." } },
          ],
          [
            { kind: "text", text: "Other sheet", link: "Other 'one'", style: "link" },
            { kind: "blank", style: "entry", validation: { kind: "list", options: ["Yes", "No"], title: "Choice", message: "Yes or no." } },
          ],
          [{ kind: "text", text: "_x0041_" }, { kind: "number", value: 87, style: "revised", shown: "87 [r]" }],
        ],
        table: { name: "figures", headerRow: 1, columnCount: 2, dataRows: 3, banded: true },
        protected: true,
        freezeRows: 2,
      },
      { name: "Other 'one'", columns: [{ width: 10 }], rows: [[{ kind: "text", text: "Other" }]], table: null },
    ],
  };
}

describe("the office writers", () => {
  it("write the same cells, number formats, table and links in both formats", () => {
    for (const read of [readXlsx(writeXlsx(book(true))), readOds(writeOds(book(true)))]) {
      expect(read.title).toBe("Test & book");
      expect(read.language).toBe("en-GB");
      expect(read.sheets.map((s) => s.name)).toEqual(["Figures", "Other 'one'"]);
      const [figures] = read.sheets;
      // Runs of spaces (ODS text:s) are checked through the upload readers below, which read them.
      expect(figures!.rows[2]![0]).toMatchObject({ kind: "text" });
      expect(figures!.rows[2]![1]).toMatchObject({ kind: "number", value: 1250.5, shown: { places: 2, grouping: true, suffix: "" } });
      expect(figures!.rows[4]![1]).toMatchObject({ kind: "number", value: 87, shown: { places: 0, grouping: true, suffix: " [r]" } });
      expect(figures!.rows[4]![0]).toMatchObject({ kind: "text" });
      expect(figures!.table).toMatchObject({ name: "figures", firstRow: 2, lastRow: 5, firstColumn: 1, lastColumn: 2, containsHeader: true });
      expect((figures!.rows[3]![0] as { link?: string }).link).toMatch(/^#?'Other ''one'''[.!]A1$/);
    }
  });

  it("protect the sheet without a password, leaving unlocked styles editable, and validate entries (XLSX)", () => {
    const parts = unzipSync(writeXlsx(book(false)));
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(sheet).not.toMatch(/password/i);
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('sqref="B3"><formula1>OR(AND(ISNUMBER(B3),B3&gt;=0,ROUND(B3,2)=B3),B3=&quot;[x]&quot;)</formula1>');
    expect(sheet).toContain('sqref="B4"><formula1>&quot;Yes,No&quot;</formula1>');
    // A literal "_x0041_" is escaped so Excel does not decode it.
    expect(sheet).toContain("_x005F_x0041_");
    const styles = strFromU8(parts["xl/styles.xml"]!);
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    const style = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1])]!;
    expect(style("B3")).toContain('<protection locked="0"/>');
    expect(style("B4")).toContain('<protection locked="0"/>');
    expect(style("A3")).not.toContain("locked");
    expect(strFromU8(parts["xl/tables/table1.xml"]!)).toContain('name="TableStyleLight1"');
  });

  it("protect the table, leaving unlocked styles editable, and validate entries (ODS); state the view only when asked", () => {
    const parts = unzipSync(writeOds(book(false)));
    expect(Object.keys(parts)).toEqual(["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]);
    const content = strFromU8(parts["content.xml"]!);
    expect(content).toContain('table:protected="true"');
    expect(content).toMatch(/style:name="ceEntry"[^>]*><style:table-cell-properties style:cell-protect="none"/);
    expect(content).toContain('table:condition="of:is-true-formula(OR(AND(ISNUMBER([.B3]);[.B3]&gt;=0;ROUND([.B3];2)=[.B3]);[.B3]=&quot;[x]&quot;))"');
    expect(content).toContain("of:cell-content-is-in-list(&quot;Yes&quot;;&quot;No&quot;)");
    expect(content).toContain('table:base-cell-address="Figures.B3"');
    expect(Object.keys(unzipSync(writeOds(book(true))))).toContain("settings.xml");
  });

  it("write files the upload readers read back", () => {
    const [fromXlsx] = readUploadedXlsx(writeXlsx(book(false))).sheets;
    const [fromOds] = readUploadedOds(writeOds(book(false)));
    for (const grid of [fromXlsx!, fromOds!]) {
      expect(grid.rows.find((r) => r.row === 3)!.cells).toEqual([
        { kind: "text", text: "  spaced  out" },
        { kind: "number", value: 1250.5 },
      ]);
      expect(grid.rows.find((r) => r.row === 5)!.cells).toEqual([
        { kind: "text", text: "_x0041_" },
        { kind: "number", value: 87 },
      ]);
    }
  });
});
