import { CsvStructureError, eachCsvRecord } from "@complaints/domain";
import { decodeText, UnreadableFileError } from "@complaints/screening";
import { blank, maxGridColumns, maxGridRows, UnreadableSpreadsheetError, type Grid, type GridRow } from "@complaints/office";

/**
 * The rows of an uploaded CSV file: UTF-8 with or without a byte-order mark, or Windows-1252 (as
 * Excel saves "CSV (comma delimited)"), decoded as the CLI import decodes files (`decodeText`:
 * a byte Windows-1252 does not define is refused, naming its line). Every cell is text; row numbers
 * count records, as a spreadsheet opening the file numbers its rows.
 */
export function readCsv(bytes: Uint8Array): Grid {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UnreadableSpreadsheetError(error.message);
    throw error;
  }
  const rows: GridRow[] = [];
  let truncated = false;
  let record = 0;
  try {
    eachCsvRecord(text, { skipEmptyLines: false }, (cells) => {
      record += 1;
      if (rows.length >= maxGridRows) {
        truncated = true;
        return false;
      }
      rows.push({ row: record, cells: cells.slice(0, maxGridColumns).map((t) => (t === "" ? blank : { kind: "text" as const, text: t })) });
      return true;
    });
  } catch (error) {
    if (!(error instanceof CsvStructureError)) throw error;
    throw new UnreadableSpreadsheetError(`it could not be read as CSV near line ${error.line}: ${error.problem}`);
  }
  return { rows, truncated };
}
