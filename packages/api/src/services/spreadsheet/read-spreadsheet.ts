import { answerOf, readInWorker, readSpreadsheet as readOfficeFile, readTimeLimitMs, type ReadAnswer, type SpreadsheetSheets } from "@complaints/office";
import { readCsv } from "./read-csv.ts";

/**
 * Reading an uploaded return (XLSX, ODS or CSV): the office readers, with CSV for a file that is
 * not a workbook, run on a worker thread within the office package's limits. The thread loads this
 * module (its `readAnswer`), so it reads CSV as the CLI import does.
 */

export type { SpreadsheetSheets };

/** The sheets of a file, its format told by its content, never its name. */
export function readSpreadsheet(bytes: Uint8Array, fileName: string): SpreadsheetSheets {
  return readOfficeFile(bytes, fileName, readCsv);
}

/** `readSpreadsheet` as the worker thread answers it. */
export function readAnswer(bytes: Uint8Array, fileName: string): ReadAnswer {
  return answerOf(() => readSpreadsheet(bytes, fileName));
}

/** `readSpreadsheet` on a worker thread, refused when the file cannot be read, takes longer than `timeLimitMs`, or needs more than the thread's memory. */
export function readSpreadsheetInWorker(bytes: Uint8Array, fileName: string, timeLimitMs = readTimeLimitMs): Promise<SpreadsheetSheets> {
  return readInWorker(new URL(import.meta.url), bytes, fileName, timeLimitMs);
}
