import { decodeText, UnreadableFileError } from "@complaints/domain";
import { parse } from "csv-parse/sync";
import { blank, maxGridColumns, maxGridRows, UnreadableSpreadsheetError, type Grid, type GridRow } from "@complaints/office";

/**
 * The rows of an uploaded CSV file: UTF-8 with or without a byte-order mark, or Windows-1252 (as
 * Excel saves "CSV (comma delimited)"), decoded as the CLI import decodes files (domain `decodeText`:
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
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (cells: string[]) => {
        record += 1;
        if (rows.length >= maxGridRows) {
          truncated = true;
          return null;
        }
        rows.push({ row: record, cells: cells.slice(0, maxGridColumns).map((t) => (t === "" ? blank : { kind: "text" as const, text: t })) });
        return null;
      },
    });
  } catch (error) {
    const e = error as { lines?: number; code?: string; message?: string };
    const what =
      e.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted cell is never closed" : e.code === "CSV_INVALID_CLOSING_QUOTE" ? "a quote mark appears inside a cell that is not quoted properly" : "it is not valid CSV";
    throw new UnreadableSpreadsheetError(`it could not be read as CSV${e.lines ? ` near line ${e.lines}` : ""}: ${what}`);
  }
  return { rows, truncated };
}
