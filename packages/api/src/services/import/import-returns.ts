import { listOrganisations, type Database, type Kysely } from "@complaints/db";
import { fileProblem } from "@complaints/domain";
import { decodeText, UnreadableFileError } from "@complaints/screening";
import { checkReturnsCsv } from "./check-file.ts";
import { fileSizeProblem } from "./file-size.ts";
import { planImport } from "./plan.ts";
import { refusedReport, screenerFor, type ImportOptions, type ImportReport } from "./report.ts";
import { writeImport } from "./write.ts";

/**
 * Loads returns from a CSV file, all or nothing: any problem and the database is left as it was,
 * with a report of row, column and problem. Importing the same file again changes nothing. Takes
 * the file's bytes (decoded as UTF-8 or Windows-1252) or its text; the CLI and the portal's upload
 * both come through here, so every file gets the same checks.
 */
export async function importReturns(db: Kysely<Database>, file: Uint8Array | string, options: ImportOptions): Promise<ImportReport> {
  const screener = screenerFor(options);
  const size = typeof file === "string" ? Buffer.byteLength(file, "utf8") : file.byteLength;
  const tooLarge = fileSizeProblem(size, options.maxBytes);
  if (tooLarge) {
    screener.fail("file", fileProblem(tooLarge));
    return refusedReport(screener, null);
  }
  screener.ran("file");
  let text: string;
  let encoding: ImportReport["encoding"] = null;
  if (typeof file === "string") text = file;
  else {
    try {
      ({ text, encoding } = decodeText(file));
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      screener.fail("encoding", fileProblem(error.message));
      return refusedReport(screener, null);
    }
  }

  const organisations = await listOrganisations(db);
  const rows = checkReturnsCsv(text, organisations, screener, options.onProgress);
  if (!screener.ok) return refusedReport(screener, encoding, rows.length);
  const { items, unchanged } = await planImport(db, rows, options, screener);
  if (!screener.ok) return refusedReport(screener, encoding, rows.length);
  await writeImport(db, items, options);
  const revised = items.filter((i) => i.existing).length;
  return { ...screener.result(), encoding, rows: rows.length, created: items.length - revised, revised, unchanged };
}
