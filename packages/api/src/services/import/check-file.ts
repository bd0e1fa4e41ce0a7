import { storableTextProblem, type Organisation } from "@complaints/domain";
import { parse } from "csv-parse/sync";
import { checkHeader } from "./header.ts";
import type { ImportOptions, ProblemList } from "./report.ts";
import { rowChecker, type CheckedRow } from "./rows.ts";

/**
 * Checks the text of a wide returns CSV (one row per return: organisation_code, period, then
 * template field ids) against the organisations, without touching the database.
 */
export function checkReturnsCsv(text: string, organisations: readonly Organisation[], problems: ProblemList, onProgress?: ImportOptions["onProgress"]): CheckedRow[] {
  const checkRow = rowChecker(organisations, problems);
  const checked: CheckedRow[] = [];
  const expectedRows = Math.max(1, text.split("\n", 100_001).length - 1);
  let columnFields: ReturnType<typeof checkHeader> = null;
  let fieldIds: string[] = [];
  let records = 0;

  // csv-parse reads text as UTF-8 bytes, which would silently turn a lone surrogate (possible only
  // in text handed over directly) into U+FFFD; refuse it here instead, naming its line.
  const lone = /\p{Cs}/u.exec(text);
  if (lone) {
    const lineStart = text.lastIndexOf("\n", lone.index) + 1;
    const lineEnd = text.indexOf("\n", lone.index);
    const line = text.slice(0, lineStart).split("\n").length;
    problems.add(line, null, `Line ${line} ${storableTextProblem(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))}.`);
    return [];
  }

  try {
    // Each record is checked as it is read and then dropped, so a large file is never held twice.
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record: string[], context) => {
        records += 1;
        if (records === 1) {
          columnFields = checkHeader(record, organisations, problems);
          fieldIds = record.map((h) => h.trim());
        } else if (columnFields) {
          const row = checkRow(record, context.lines, columnFields, fieldIds);
          if (row) checked.push(row);
        }
        if (onProgress && records % 500 === 0) onProgress("checking", records - 1, expectedRows);
        return null;
      },
    });
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    const where = e.lines ? ` near line ${e.lines}` : "";
    const what = e.code?.startsWith("CSV_RECORD_INCONSISTENT")
      ? "a row has a different number of columns from the header row"
      : e.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted cell is never closed"
        : e.code === "CSV_INVALID_CLOSING_QUOTE"
          ? "a quote mark appears inside a cell that is not quoted properly"
          : (e.message ?? "it is not valid CSV");
    problems.add(e.lines ?? null, null, `The file could not be read as CSV${where}: ${what}.`);
    return [];
  }
  if (records < 2 && problems.count === 0) problems.add(null, null, "The file has no returns in it: it needs a header row and at least one row of figures.");
  onProgress?.("checking", records - 1, records - 1);
  return checked;
}
