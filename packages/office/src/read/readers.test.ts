import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NotASpreadsheetError, SpreadsheetLimitError, type GridCell, type SpreadsheetLimit } from "./grid.ts";
import { readSpreadsheet } from "./read-spreadsheet.ts";
import { readOds } from "./read-ods.ts";
import { readXlsx } from "./read-xlsx.ts";
import { attribute, children, parseXml, textOf } from "./xml.ts";
import { xmlText } from "../xml.ts";
import { listingWorkbook as workbook, odsOfTables as ods } from "../testing/hostile.ts";

/**
 * The readers on the parts of the formats other software writes and ours never does: shared and
 * rich-text strings, Excel's `_xHHHH_` escapes, repeated ODS rows and cells, a million empty rows.
 */

const text = (t: string): GridCell => ({ kind: "text", text: t });
const number = (value: number): GridCell => ({ kind: "number", value });
const blank: GridCell = { kind: "blank" };

/** The limit a read went past, as the readers report it for their caller to word. */
function exceeded(read: () => unknown): SpreadsheetLimit {
  try {
    read();
  } catch (error) {
    if (error instanceof SpreadsheetLimitError) return error.exceeded;
    throw error;
  }
  throw new Error("The file was read within every limit.");
}

function xlsx(sheet: string, sharedStrings?: string, workbookPr = ""): Uint8Array {
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook ${main} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<sheets><sheet name="Notes" sheetId="2" r:id="rId7"/><sheet name="Return" sheetId="1" r:id="rId3"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="x" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="x" Target="/xl/worksheets/notes.xml"/></Relationships>',
    ),
    "xl/worksheets/notes.xml": strToU8(`<worksheet ${main}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Notes</t></is></c></row></sheetData></worksheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${main}><sheetData>${sheet}</sheetData></worksheet>`),
    ...(sharedStrings ? { "xl/sharedStrings.xml": strToU8(`<sst ${main}>${sharedStrings}</sst>`) } : {}),
  });
}

describe("reading XLSX", () => {
  it("reads shared strings (plain and rich text, phonetic runs left out, _xHHHH_ escapes), inline strings, numbers, booleans, errors and formulas", () => {
    const { sheets, date1904 } = readXlsx(
      xlsx(
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>' +
          '<row r="5"><c r="B5" t="inlineStr"><is><t xml:space="preserve"> id </t></is></c><c r="C5"><v>1250.5</v></c><c r="D5" t="b"><v>1</v></c><c r="E5" t="e"><v>#DIV/0!</v></c><c r="F5"><f>SUM(C5:C5)</f><v>1250.5</v></c><c r="G5" t="str"><v>a&amp;b</v></c></row>' +
          "<row><c><v>7</v></c><c/></row>",
        '<si><t>value</t></si><si><r><t>Two </t></r><r><rPr><b/></rPr><t>parts_x000D_</t></r><rPh><t>ignored</t></rPh></si>',
        '<workbookPr date1904="1"/>',
      ),
    );
    expect(date1904).toBe(true);
    expect(sheets.map((s) => s.rows.length)).toEqual([1, 3]);
    expect(sheets[1]!.rows).toEqual([
      { row: 2, cells: [text("value"), blank, text("Two parts\r")] },
      { row: 5, cells: [blank, text(" id "), number(1250.5), { kind: "boolean", value: true }, { kind: "error", text: "#DIV/0!" }, { kind: "formula", formula: "SUM(C5:C5)" }, text("a&b")] },
      { row: 6, cells: [number(7), blank] },
    ]);
  });

  it("refuses a workbook with no sheets, and XML that is cut short", () => {
    expect(() => readXlsx(zipSync({ "xl/workbook.xml": strToU8("<workbook><sheets/></workbook>") }))).toThrow("it has no worksheets");
    expect(() => readXlsx(zipSync({ "xl/workbook.xml": strToU8("<workbook><sheets>") }))).toThrow("its part xl/workbook.xml is not well-formed XML");
  });
});

/** Rows of `columns` numbers each, 15 bytes a cell. */
const rowsOf = (rows: number, columns: number) => `<row>${"<c><v>1</v></c>".repeat(columns)}</row>`.repeat(rows);
/** Rows of one number in the 100th column: 100 cells each, as the columns before it are read as blanks. */
const farRows = (rows: number) => '<row><c r="CV1"><v>1</v></c></row>'.repeat(rows);

describe("the limits of an XLSX file", () => {
  it("reads a part listed as two sheets once", () => {
    const { sheets } = readXlsx(workbook(2, [rowsOf(1, 2)]));
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toBe(sheets[0]);
  });

  it("refuses a workbook listing more than 20 sheets, before reading any", () => {
    // One 1 MB sheet listed 300 times: a file of about 100 KB that once took a minute to read.
    const file = workbook(300, [rowsOf(6_000, 11)]);
    expect(file.length).toBeLessThan(150_000);
    const started = performance.now();
    expect(exceeded(() => readXlsx(file))).toEqual({ limit: "sheets", most: 20, actual: 300 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => readXlsx(workbook(20, [rowsOf(1, 1)]))).not.toThrow();
  });

  it("refuses a part that unpacks to more than 4 MB, and parts that unpack to more than 6 MB together", () => {
    expect(exceeded(() => readXlsx(workbook(1, [rowsOf(1, 300_000)])))).toEqual({ limit: "part-bytes", most: 4 * 1_048_576, part: "xl/worksheets/sheet0.xml" });
    // Three distinct sheets of 2.1 MB in a file of a few KB.
    const sheet = rowsOf(1, 140_000);
    expect(exceeded(() => readXlsx(workbook(3, [sheet, sheet, sheet])))).toEqual({ limit: "total-bytes", most: 6 * 1_048_576 });
  });

  it("refuses a workbook with more than 100,000 cells over all its sheets", () => {
    expect(exceeded(() => readXlsx(workbook(1, [farRows(1_001)])))).toEqual({ limit: "cells", most: 100_000 });
    expect(() => readXlsx(workbook(2, [farRows(500), farRows(501)]))).toThrow("more than 100,000 cells");
    // Cells past the 100th column are not read, but they count.
    expect(() => readXlsx(workbook(1, [rowsOf(1, 100_001)]))).toThrow("more than 100,000 cells");
    expect(readXlsx(workbook(2, [farRows(500), farRows(500)])).sheets).toHaveLength(2);
  });
});

describe("reading ODS", () => {
  it("expands repeated cells and rows that hold something, skips a million repeated empty rows, and reads paragraphs, spaces, tabs and line breaks", () => {
    const [table] = readOds(
      ods(
        '<table:table table:name="Return"><table:table-column table:number-columns-repeated="3"/>' +
          '<table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16381"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/><text:span>d</text:span><office:annotation><text:p>comment</text:p></office:annotation></text:p><text:p>second</text:p></table:table-cell><table:covered-table-cell/><table:table-cell office:value-type="date" office:date-value="2025-07-15T00:00:00"/><table:table-cell office:value-type="currency" office:currency="GBP" office:value="12.5"/><table:table-cell office:value-type="percentage" office:value="0.25"/><table:table-cell office:value-type="boolean" office:boolean-value="false"/><table:table-cell table:formula="of:=[.B1]*2" office:value-type="float" office:value="6"/></table:table-row>' +
          "</table:table>",
      ),
    );
    const second: GridCell[] = [
      text("a   b\tc\nd\nsecond"),
      blank,
      { kind: "date", iso: "2025-07-15" },
      number(12.5),
      number(0.25),
      { kind: "boolean", value: false },
      { kind: "formula", formula: "[.B1]*2" },
    ];
    expect(table!.rows).toEqual([
      { row: 1, cells: [text("id"), number(3), number(3)] },
      { row: 1_048_002, cells: second },
      { row: 1_048_003, cells: second },
    ]);
  });

  it("refuses repeated rows and cells that expand past 100,000 cells, more than 20 tables, and spaces past a million", () => {
    const full = '<table:table-row table:number-rows-repeated="5000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>';
    expect(exceeded(() => readOds(ods(`<table:table table:name="Return">${full}</table:table>`)))).toEqual({ limit: "cells", most: 100_000 });
    const table = '<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>';
    expect(exceeded(() => readOds(ods(table.repeat(300))))).toEqual({ limit: "sheets", most: 20, actual: 300 });
    expect(readOds(ods(table.repeat(20)))).toHaveLength(20);
    // 2,000 spaces elements of 1,000 each: 2 million characters from 50 KB of XML.
    const spaces = `<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string"><text:p>${'<text:s text:c="1000"/>'.repeat(2000)}</text:p></table:table-cell></table:table-row></table:table>`;
    expect(exceeded(() => readOds(ods(spaces)))).toEqual({ limit: "spaces", most: 1_000_000 });
  });

  it("stops at 5,000 rows that hold something, and says so", () => {
    const [table] = readOds(ods('<table:table table:name="Return"><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'));
    expect([table!.rows.length, table!.truncated]).toEqual([5000, true]);
  });
});

describe("telling the format", () => {
  it("refuses a zip of another kind, saying what it is for the caller to word", () => {
    const found = (bytes: Uint8Array) => {
      try {
        readSpreadsheet(bytes, "upload.xlsx", () => ({ rows: [], truncated: false }));
      } catch (error) {
        if (error instanceof NotASpreadsheetError) return error.found;
        throw error;
      }
      throw new Error("The file was read.");
    };
    expect(found(zipSync({ "word/document.xml": strToU8("<w/>") }))).toEqual({ kind: "archive" });
    expect(found(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text") }))).toEqual({ kind: "opendocument", mimetype: "application/vnd.oasis.opendocument.text" });
  });
});

describe("XML", () => {
  it("escapes text, and replaces characters XML cannot hold", () => {
    expect(xmlText('a<b>&"c"\t\n\u0001\ud800')).toBe("a&lt;b&gt;&amp;&quot;c&quot;&#9;&#10;\ufffd\ufffd");
    expect(xmlText("emoji 😀")).toBe("emoji 😀");
  });

  it("refuses a DOCTYPE or ENTITY in any letter case, and decodes only XML's own entities and character references", () => {
    expect(() => parseXml('<!doctype x [<!entity a "b">]><x>&a;</x>', "x.xml")).toThrow("declares a DOCTYPE or entities");
    const [x] = parseXml('<x a="&#163;&amp;&apos;">&lt;&#x41;&quot;&gt;</x>', "x.xml");
    expect(attribute(x!, "a")).toBe("£&'");
    expect(textOf(children(x!)[0]!)).toBe('<A">');
  });
});
