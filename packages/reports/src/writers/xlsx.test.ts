import { describe, expect, it } from "vitest";
import { samplePack } from "../testing/index.ts";
import { describeFormatCode, parseXml, readXlsx } from "@complaints/office/testing";
import { gssProblems } from "../testing/index.ts";
import { writePackXlsx, xlsxFormatCode } from "./pack-workbook.ts";

/** What only the XLSX file has to get right (ECMA-376 Part 1), beside the shared checks in workbook.test.ts. */

const pack = samplePack();
const book = readXlsx(writePackXlsx(pack));

describe("the board pack as XLSX", () => {
  it("uses these number format codes: separators, fixed decimals, none on years, [r], [p] or [r] [p] as literal text", () => {
    expect(["count", "decimal1", "percent1", "pounds", "pence", "year"].map((f) => xlsxFormatCode(f as never, []))).toEqual(["#,##0", "#,##0.0", "#,##0.0", "#,##0", "#,##0.00", "0"]);
    expect(xlsxFormatCode("count", ["r"])).toBe('#,##0" [r]"');
    expect(xlsxFormatCode("decimal1", ["p"])).toBe('#,##0.0" [p]"');
    expect(xlsxFormatCode("count", ["r", "p"])).toBe('#,##0" [r] [p]"');
    const headline = book.sheets.find((s) => s.name === "Headline")!;
    const codes = (r: number) => headline.rows[r]!.map((c) => (c?.kind === "number" ? c.formatCode : c?.text));
    expect(codes(5)).toEqual(["DES-LIC1", "Licensing Agency", "#,##0", "#,##0.0", "#,##0.0", "#,##0.00", "0"]);
    expect(codes(6)).toEqual(["DES-BEN3", "'=HYPERLINK(\"http://evil.example\",\"Benefits\")", '#,##0" [r] [p]"', "[x]", "#,##0.0", "[z]", "0"]);
    expect(codes(7)).toEqual(["DES", "Department for Example Services (all bodies)", '#,##0" [r]"', '#,##0.0" [p]"', "#,##0.0", "#,##0.00", "0"]);
    // The numbers stay numbers: the markers are in the format only.
    expect(headline.rows[6]![2]).toMatchObject({ kind: "number", value: 87, shown: { places: 0, grouping: true, suffix: " [r] [p]" } });
    expect(headline.rows[7]![3]).toMatchObject({ kind: "number", value: 80.9, shown: { places: 1, grouping: true, suffix: " [p]" } });
  });

  it("declares only the number formats its cells use, each once, [r] before [p]", () => {
    const styles = book.parts.get("xl/styles.xml")!;
    const declared = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), m[2]!.replaceAll("&quot;", '"')]);
    expect(declared).toEqual([
      [164, "#,##0"],
      [165, '#,##0" [r]"'],
      [166, '#,##0" [r] [p]"'],
      [167, "#,##0.0"],
      [168, '#,##0.0" [p]"'],
      [169, "#,##0.00"],
      [170, "0"],
    ]);
    expect(styles).not.toContain("[p] [r]");
  });

  it("leaves out numFmts when the workbook has no numbers, and still keeps every GSS rule", () => {
    const p = samplePack();
    p.tables = [];
    const bytes = writePackXlsx(p);
    expect(readXlsx(bytes).parts.get("xl/styles.xml")).not.toContain("<numFmts");
    expect(gssProblems(bytes, "xlsx", p)).toEqual([]);
  });

  it("reads a format's [r] and [p] however office software writes the literal: quoted, in parts or escaped", () => {
    expect(describeFormatCode('#,##0" [r] [p]"')).toEqual({ places: 0, grouping: true, suffix: " [r] [p]" });
    expect(describeFormatCode('#,##0.0" [r]"" [p]"')).toEqual({ places: 1, grouping: true, suffix: " [r] [p]" });
    expect(describeFormatCode("#,##0.00\\ \\[p\\]")).toEqual({ places: 2, grouping: true, suffix: " [p]" });
    expect(describeFormatCode("0")).toEqual({ places: 0, grouping: false, suffix: "" });
    expect(describeFormatCode("General")).toEqual({ places: 0, grouping: false, suffix: "" });
  });

  it("makes each table with data rows a real Excel table: column names equal the header cells, no filter, no totals", () => {
    const names = new Set<string>();
    for (const s of book.sheets.filter((sheet) => sheet.table)) {
      const header = s.rows[s.table!.firstRow - 1]!.map((c) => (c?.kind === "text" ? c.text : null));
      expect(s.table!.columns).toEqual(header);
      names.add(s.table!.name.toLowerCase());
    }
    expect(names).toEqual(new Set(["workbook_contents", "workbook_notes", "headline_measures", "equality_monitoring"]));
    const tableParts = [...book.parts.keys()].filter((p) => p.startsWith("xl/tables/"));
    expect(tableParts).toHaveLength(4);
    for (const part of tableParts) {
      const xml = book.parts.get(part)!;
      expect(xml).toContain('headerRowCount="1"');
      expect(xml).toContain('totalsRowShown="0"');
      expect(xml).not.toContain("autoFilter");
      expect(xml).toContain('showRowStripes="0"');
    }
    const ids = tableParts.map((p) => /<table [^>]*\bid="(\d+)"/.exec(book.parts.get(p)!)![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes an empty table's header row without a table part, since Excel cannot hold a table with no data rows", () => {
    const overdue = book.sheets.find((s) => s.name === "Overdue actions")!;
    expect(overdue.table).toBeNull();
    expect(overdue.xml).not.toContain("tableParts");
    expect(overdue.rows.at(-1)!.map((c) => (c?.kind === "text" ? c.text : null))).toEqual(["Organisation code", "Action", "Days overdue"]);
  });

  it("selects the first sheet's tab only, with no panes, and opens the workbook on it", () => {
    book.sheets.forEach((s, i) => {
      expect(s.xml.includes('tabSelected="1"'), s.name).toBe(i === 0);
      expect(s.xml).toContain('<selection activeCell="A1" sqref="A1"/>');
    });
    expect(book.parts.get("xl/workbook.xml")).toContain('activeTab="0"');
  });

  it("sets the title and language in the core properties, and lists every part in the content types", () => {
    const core = parseXml(book.parts.get("docProps/core.xml")!)["cp:coreProperties"] as Record<string, unknown>;
    expect(core["dc:title"]).toBe(pack.title);
    expect(core["dc:language"]).toBe("en-GB");
    const types = book.parts.get("[Content_Types].xml")!;
    for (const part of book.parts.keys()) {
      if (part.endsWith(".rels") || part === "[Content_Types].xml") continue;
      expect(types, part).toContain(`PartName="/${part}"`);
    }
  });

  it("has no fills but the two the format requires, and a link font that is underlined as well as coloured", () => {
    const styles = book.parts.get("xl/styles.xml")!;
    expect(styles.match(/<fill>/g)).toHaveLength(2);
    expect(styles).toContain('<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>');
    expect(styles).toMatch(/<font><u\/>[^]*?<color /);
    expect(styles).toContain('<name val="Arial"/>');
  });

  it("keeps the literal text _x0041_ rather than letting Excel decode it", () => {
    const p = samplePack();
    p.tables[0]!.rows[0]![1] = { kind: "text", text: "Agency_x0041_" };
    const headline = readXlsx(writePackXlsx(p)).sheets.find((s) => s.name === "Headline")!;
    expect(headline.xml).toContain("Agency_x005F_x0041_");
  });
});
