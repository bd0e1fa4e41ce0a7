import { answerOf, NotASpreadsheetError, readInWorker, readSpreadsheet as readOfficeFile, readTimeLimitMs, SpreadsheetLimitError, UnreadableSpreadsheetError, type ReadAnswer, type SpreadsheetLimit, type SpreadsheetSheets } from "@complaints/office";
import { readCsv } from "./read-csv.ts";

/**
 * Reading an uploaded return (XLSX, ODS or CSV): the office readers, with CSV for a file that is
 * not a workbook, run on a worker thread within the office package's limits. The thread
 * (read-worker.mjs) loads this module's `readAnswer`, so it reads CSV as the CLI import does. The
 * office readers report a limit a file went past, or a zip of another kind, as data; a return's
 * upload words it here, against the template a person downloaded.
 */

export type { SpreadsheetSheets };

/** A refusal for going past a reader's limit, in a return's terms. */
export function returnLimitMessage(exceeded: SpreadsheetLimit): string {
  const n = (value: number) => value.toLocaleString("en-GB");
  switch (exceeded.limit) {
    case "sheets":
      return `This spreadsheet has ${n(exceeded.actual)} sheets; a return spreadsheet has at most ${exceeded.most}. Upload the template you downloaded.`;
    case "cells":
      return `This spreadsheet has more than ${n(exceeded.most)} cells; a return spreadsheet has about 1,100. Upload the template you downloaded.`;
    case "spaces":
      return `This spreadsheet's cells hold more than ${n(exceeded.most)} spaces, far more than a return's text. Upload the template you downloaded.`;
    case "part-bytes":
      return `its part ${exceeded.part} unpacks to more than ${exceeded.most / 1_048_576} MB, far more than a return needs: it may be a “zip bomb”, or not our template`;
    case "total-bytes":
      return `its parts unpack to more than ${exceeded.most / 1_048_576} MB, far more than a return needs: it may be a “zip bomb”, or not our template`;
    case "time":
      return `it takes more than ${exceeded.mostMs / 1000} seconds to read, where a return's template takes a fraction of one: it may be built to slow the system down, or not be our template`;
    case "memory":
      return "it needs far more memory to read than a return's template: it may be built to harm the system, or not be our template";
  }
}

/** The error to throw for `error`: a limit the file went past, or a zip of another kind, refused in a return's words. */
function inReturnWords(error: unknown): unknown {
  if (error instanceof SpreadsheetLimitError) return new UnreadableSpreadsheetError(returnLimitMessage(error.exceeded));
  if (error instanceof NotASpreadsheetError) {
    return new UnreadableSpreadsheetError(error.found.kind === "opendocument" ? `${error.message} Upload the return as .ods, .xlsx or .csv.` : `${error.message} Upload the return as .xlsx, .ods or .csv.`);
  }
  return error;
}

/** The sheets of a file, its format told by its content, never its name. */
export function readSpreadsheet(bytes: Uint8Array, fileName: string): SpreadsheetSheets {
  try {
    return readOfficeFile(bytes, fileName, readCsv);
  } catch (error) {
    throw inReturnWords(error);
  }
}

/** `readSpreadsheet` as the worker thread answers it. */
export function readAnswer(bytes: Uint8Array, fileName: string): ReadAnswer {
  return answerOf(() => readSpreadsheet(bytes, fileName));
}

/** `readSpreadsheet` on a worker thread, refused when the file cannot be read, takes longer than `timeLimitMs`, or needs more than the thread's memory. */
export async function readSpreadsheetInWorker(bytes: Uint8Array, fileName: string, timeLimitMs = readTimeLimitMs): Promise<SpreadsheetSheets> {
  try {
    return await readInWorker(new URL("./read-worker.mjs", import.meta.url), bytes, fileName, timeLimitMs);
  } catch (error) {
    throw inReturnWords(error);
  }
}
