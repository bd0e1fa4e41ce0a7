import { csvText } from "@complaints/domain";
import { sheetColumns, type ReturnSheet } from "./rows.ts";

/**
 * The return as CSV: exactly the table's columns, one row per field, values in the CLI import's
 * cell format (money in pounds and pence). UTF-8 with a byte-order mark, so Excel reads £ and
 * accented letters correctly, and CRLF line ends (RFC 4180). Every text cell that could run as a
 * formula already carries a leading apostrophe (the row model neutralises them).
 */
export const csvMimeType = "text/csv; charset=utf-8";

export function writeCsv(sheet: ReturnSheet): Uint8Array {
  const records = [[...sheetColumns], ...sheet.rows.map((r) => [r.id, r.section, r.question, r.hint, r.unit, r.csv])];
  return Buffer.from(csvText(records, { byteOrderMark: true }), "utf8");
}
