import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { GridCell } from "@complaints/office";
import { readCsv } from "./read-csv.ts";

/** The CSV reader of uploaded returns, beside the office readers' tests (packages/office). */

const text = (t: string): GridCell => ({ kind: "text", text: t });

describe("reading CSV", () => {
  it("numbers rows by record (a cell may span lines), keeps every cell as text, and reads UTF-8 with a BOM or Windows-1252", () => {
    const utf8 = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('id,value\r\nkey_themes,"two\r\nlines"\r\nreceived,12\r\n')]));
    expect(utf8.rows).toEqual([
      { row: 1, cells: [text("id"), text("value")] },
      { row: 2, cells: [text("key_themes"), text("two\r\nlines")] },
      { row: 3, cells: [text("received"), text("12")] },
    ]);
    // £ (0xA3), é (0xE9) and an en dash (0x96) as Excel writes them in Windows-1252.
    const windows = readCsv(new Uint8Array([...strToU8("id,value\r\npayments_total,"), 0xa3, ...strToU8("5 caf"), 0xe9, 0x20, 0x96, 0x0d, 0x0a]));
    expect(windows.rows[1]!.cells[1]).toEqual(text("£5 café –"));
  });

  it("refuses an unclosed quote, naming the line", () => {
    expect(() => readCsv(strToU8('id,value\r\nreceived,"12\r\n'))).toThrow('it could not be read as CSV near line 3: a quoted cell is never closed');
  });
});

