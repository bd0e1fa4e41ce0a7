import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { UnreadableSpreadsheetError } from "@complaints/office";
import { listingWorkbook, odsOfTables } from "@complaints/office/testing";
import { readSpreadsheet, readSpreadsheetInWorker } from "./read-spreadsheet.ts";
import { returnSheet } from "./rows.ts";
import { returnXlsx } from "./workbook.ts";

/**
 * Reading an upload on a worker thread: the same sheets and refusals as reading it here, while this
 * thread stays free to answer other requests, and a read past its time limit stopped.
 */

/** Within every limit but slow to read: two parts of 2.8 MB, each of 700,000 empty elements. */
const heavy = () => {
  const part = `<row>${"<x/>".repeat(700_000)}</row>`;
  return listingWorkbook(2, [part, part]);
};

const template = returnXlsx(
  returnSheet({ organisationCode: "A1", organisationName: "Agency A1", period: "2025-26 Q1", templateVersion: 2, serviceAreas: [{ code: "licences", label: "Licences" }], values: { received: 12 } }),
  "2025-07-10T10:00:00Z",
);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableSpreadsheetError);
  return (error as Error).message;
}

describe("reading an uploaded spreadsheet on a worker thread", () => {
  it("gives the sheets reading it here gives, and its refusals", async () => {
    expect(await readSpreadsheetInWorker(template, "return.xlsx")).toEqual(readSpreadsheet(template, "return.xlsx"));
    expect(await refusal(readSpreadsheetInWorker(listingWorkbook(300, ["<row/>"]), "return.xlsx"))).toBe("This spreadsheet has 300 sheets; a return spreadsheet has at most 20. Upload the template you downloaded.");
    expect(await refusal(readSpreadsheetInWorker(strToU8('id,value\r\nreceived,"12\r\n'), "return.csv"))).toBe("it could not be read as CSV near line 3: a quoted cell is never closed");
  });

  it("keeps this thread free while it reads a slow file", async () => {
    const file = heavy();
    // The thread's first start is not what is measured.
    await readSpreadsheetInWorker(template, "return.xlsx");
    let last = performance.now();
    let longestGap = 0;
    const ticks = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 20);
    const started = performance.now();
    try {
      await readSpreadsheetInWorker(file, "return.xlsx", 60_000);
    } finally {
      clearInterval(ticks);
    }
    const took = performance.now() - started;
    // Read on this thread, the file held it for the whole read (over a second even on an idle machine).
    expect(took).toBeGreaterThan(500);
    expect(longestGap).toBeLessThan(Math.min(500, took / 2));
  });

  it("stops a read that passes its time limit, and reads the next file on a new thread", async () => {
    const file = heavy();
    const started = performance.now();
    expect(await refusal(readSpreadsheetInWorker(file, "return.xlsx", 200))).toBe(
      "it takes more than 0.2 seconds to read, where a return's template takes a fraction of one: it may be built to slow the system down, or not be our template",
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await readSpreadsheetInWorker(template, "return.xlsx")).sheets[0]!.rows.length).toBeGreaterThan(100);
  });
});

describe("the readers' limits, in a return's words", () => {
  // The office readers report the limit a file went past; a return's upload says it against the template.
  const farRows = (rows: number) => '<row><c r="CV1"><v>1</v></c></row>'.repeat(rows);
  const rowsOf = (rows: number, columns: number) => `<row>${"<c><v>1</v></c>".repeat(columns)}</row>`.repeat(rows);

  it("refuses too many sheets, cells or spaces, and parts that unpack too far", () => {
    expect(() => readSpreadsheet(listingWorkbook(300, [rowsOf(1, 1)]), "return.xlsx")).toThrow("This spreadsheet has 300 sheets; a return spreadsheet has at most 20. Upload the template you downloaded.");
    expect(() => readSpreadsheet(listingWorkbook(1, [farRows(1_001)]), "return.xlsx")).toThrow("This spreadsheet has more than 100,000 cells; a return spreadsheet has about 1,100. Upload the template you downloaded.");
    expect(() => readSpreadsheet(listingWorkbook(1, [rowsOf(1, 300_000)]), "return.xlsx")).toThrow("its part xl/worksheets/sheet0.xml unpacks to more than 4 MB, far more than a return needs");
    const sheet = rowsOf(1, 140_000);
    expect(() => readSpreadsheet(listingWorkbook(3, [sheet, sheet, sheet]), "return.xlsx")).toThrow("its parts unpack to more than 6 MB, far more than a return needs");
    const full = '<table:table-row table:number-rows-repeated="5000"><table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"/></table:table-row>';
    expect(() => readSpreadsheet(odsOfTables(`<table:table table:name="Return">${full}</table:table>`), "return.ods")).toThrow("This spreadsheet has more than 100,000 cells; a return spreadsheet has about 1,100.");
    const table = '<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>';
    expect(() => readSpreadsheet(odsOfTables(table.repeat(300)), "return.ods")).toThrow("This spreadsheet has 300 sheets; a return spreadsheet has at most 20. Upload the template you downloaded.");
    const spaces = `<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string"><text:p>${'<text:s text:c="1000"/>'.repeat(2000)}</text:p></table:table-cell></table:table-row></table:table>`;
    expect(() => readSpreadsheet(odsOfTables(spaces), "return.ods")).toThrow("This spreadsheet's cells hold more than 1,000,000 spaces, far more than a return's text. Upload the template you downloaded.");
  });
});
