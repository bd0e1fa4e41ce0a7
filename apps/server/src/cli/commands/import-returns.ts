import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { fileRefusedReport, fileSizeProblem, importReturns, type ImportOptions, type ImportReport } from "@complaints/api";
import type { Connection } from "@complaints/db";
import { printProblems, UsageError, withDatabase, type Command } from "../command.ts";
import { progressReporter } from "../progress.ts";

/** Reads a returns file from disk, its size checked before it is read, and imports it. */
async function importReturnsFile(db: Connection["db"], path: string, options: ImportOptions): Promise<ImportReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return fileRefusedReport(`There is no file at ${path}.`);
  }
  const tooLarge = fileSizeProblem(size, options.maxBytes);
  if (tooLarge) return fileRefusedReport(tooLarge);
  return importReturns(db, await readFile(path), options);
}

function printImportReport(report: ImportReport): void {
  if (report.ok) {
    console.log(
      `Imported ${report.rows.toLocaleString("en-GB")} rows${report.encoding === "windows-1252" ? " (read as Windows-1252)" : ""}: ${report.created} new returns, ${report.revised} new revisions, ${report.unchanged} already up to date.`,
    );
    return;
  }
  console.error(`Nothing was imported: the file has ${report.problems.length + report.moreProblems} ${report.problems.length + report.moreProblems === 1 ? "problem" : "problems"}.`);
  printProblems(report.problems, report.moreProblems);
}

/** `import returns FILE.csv`: returns from a wide CSV, all or nothing; `--revise` for new revisions. */
export const importReturnsCommand: Command = async (env, args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { revise: { type: "boolean" } } });
  if (positionals.length !== 1) throw new UsageError("import returns needs one file name");
  return withDatabase(env, async (c) => {
    const progress = progressReporter();
    const report = await importReturnsFile(c.db, positionals[0]!, {
      actor: "import",
      now: new Date().toISOString(),
      maxBytes: env.IMPORT_MAX_BYTES,
      revise: values.revise ?? false,
      onProgress: (phase, done, total) => total > 0 && progress(phase === "checking" ? "Checking rows" : "Writing returns", done, total),
    });
    printImportReport(report);
    return report.ok ? 0 : 1;
  });
};
