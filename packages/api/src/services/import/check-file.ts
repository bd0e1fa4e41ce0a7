import { fileProblem, storableTextProblem, type Organisation } from "@complaints/domain";
import { CsvStructureError, eachCsvRecord } from "@complaints/domain";
import { checkHeader } from "./header.ts";
import type { ImportOptions, ReturnsScreener } from "./report.ts";
import { rowChecker, type CheckedRow } from "./rows.ts";

/**
 * Checks the text of a wide returns CSV (one row per return: organisation_code, period, then
 * template field ids) against the organisations, without touching the database.
 */
export function checkReturnsCsv(text: string, organisations: readonly Organisation[], problems: ReturnsScreener, onProgress?: ImportOptions["onProgress"]): CheckedRow[] {
  const checkRow = rowChecker(organisations, problems);
  const checked: CheckedRow[] = [];
  const expectedRows = Math.max(1, text.split("\n", 100_001).length - 1);
  let columnFields: ReturnType<typeof checkHeader> = null;
  let fieldIds: string[] = [];
  let records = 0;

  // A lone surrogate (possible only in text handed over directly, never in decoded bytes) cannot be
  // stored; refuse it here, naming its line, before any row is read.
  const lone = /\p{Cs}/u.exec(text);
  if (lone) {
    const lineStart = text.lastIndexOf("\n", lone.index) + 1;
    const lineEnd = text.indexOf("\n", lone.index);
    const line = text.slice(0, lineStart).split("\n").length;
    problems.fail("encoding", { row: line, column: null, message: `Line ${line} ${storableTextProblem(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))}.` });
    return [];
  }
  problems.ran("encoding");

  let unreadableAt: number | null = null;
  const unreadable = (line: number, what: string) => {
    unreadableAt = line;
    problems.fail("csv structure", { row: line, column: null, message: `The file could not be read as CSV near line ${line}: ${what}.` });
  };
  problems.ran("csv structure");
  let width = 0;
  try {
    // Each record is checked as it is read and then dropped, so a large file is never held twice.
    eachCsvRecord(text, { skipEmptyLines: true }, (record, line) => {
      records += 1;
      if (records === 1) {
        width = record.length;
        columnFields = checkHeader(record, organisations, problems);
        fieldIds = record.map((h) => h.trim());
        // Each row is checked only under a good header.
        if (columnFields) for (const check of ["rows", "cells", "arithmetic"] as const) problems.ran(check);
      } else if (record.length !== width) {
        unreadable(line, "a row has a different number of columns from the header row");
        return false;
      } else if (columnFields) {
        const row = checkRow(record, line, columnFields, fieldIds);
        if (row) checked.push(row);
      }
      if (onProgress && records % 500 === 0) onProgress("checking", records - 1, expectedRows);
      return true;
    });
  } catch (error) {
    if (!(error instanceof CsvStructureError)) throw error;
    unreadable(error.line, error.problem);
  }
  if (unreadableAt !== null) return [];
  if (records < 2 && problems.ok) problems.fail("rows", fileProblem("The file has no returns in it: it needs a header row and at least one row of figures."));
  onProgress?.("checking", records - 1, records - 1);
  return checked;
}
