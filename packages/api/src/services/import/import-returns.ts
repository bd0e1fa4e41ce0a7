import { listOrganisations, type Database, type Kysely } from "@complaints/db";
import { decodeText, UnreadableFileError } from "@complaints/domain";
import { checkReturnsCsv } from "./check-file.ts";
import { fileSizeProblem } from "./file-size.ts";
import { planImport } from "./plan.ts";
import { problemListFor, refusedReport, type ImportOptions, type ImportReport } from "./report.ts";
import { writeImport } from "./write.ts";

/**
 * Loads returns from a CSV file, all or nothing: any problem and the database is left as it was,
 * with a report of row, column and problem. Importing the same file again changes nothing. Takes
 * the file's bytes (decoded as UTF-8 or Windows-1252) or its text; the CLI and the portal's upload
 * both come through here, so every file gets the same checks.
 */
export async function importReturns(db: Kysely<Database>, file: Uint8Array | string, options: ImportOptions): Promise<ImportReport> {
  const problems = problemListFor(options);
  const size = typeof file === "string" ? Buffer.byteLength(file, "utf8") : file.byteLength;
  const tooLarge = fileSizeProblem(size, options.maxBytes);
  if (tooLarge) {
    problems.add(null, null, tooLarge);
    return refusedReport(problems, null);
  }
  let text: string;
  let encoding: ImportReport["encoding"] = null;
  if (typeof file === "string") text = file;
  else {
    try {
      ({ text, encoding } = decodeText(file));
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      problems.add(null, null, error.message);
      return refusedReport(problems, null);
    }
  }

  const organisations = await listOrganisations(db);
  const rows = checkReturnsCsv(text, organisations, problems, options.onProgress);
  if (problems.count > 0) return refusedReport(problems, encoding, rows.length);
  const { items, unchanged } = await planImport(db, rows, options, problems);
  if (problems.count > 0) return refusedReport(problems, encoding, rows.length);
  await writeImport(db, items, options);
  const revised = items.filter((i) => i.existing).length;
  return { ok: true, encoding, rows: rows.length, created: items.length - revised, revised, unchanged, problems: [], moreProblems: 0 };
}
