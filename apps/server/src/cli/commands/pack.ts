import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { boardPack, systemServiceContext, writePack, type PackFormat } from "@complaints/api";
import { isSupportedYear } from "@complaints/domain";
import { writePackCsvMetadata } from "@complaints/reports";
import { financialYearOption, quarterOption, UsageError, withDatabase, type Command } from "../command.ts";

const cliPackFormats = ["ods", "xlsx", "pdf", "csv"] as const;

/** What `pack` was asked for: whose pack, for which quarter or year, in which format, to which file. */
function packOptions(args: string[]) {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, body: { type: "string" }, period: { type: "string" }, year: { type: "string" }, format: { type: "string" }, out: { type: "string" } } });
  if (!values.department || !values.format || !values.out) throw new UsageError("pack needs --department, --format and --out, and --period or --year");
  if ((values.period === undefined) === (values.year === undefined)) throw new UsageError("pack needs either --period (a quarter, like \"2025-26 Q2\") or --year (a financial year, like 2025-26), not both");
  const format = values.format.toLowerCase();
  if (!(cliPackFormats as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${cliPackFormats.join(", ")}, not “${values.format}”`);
  const period = values.period === undefined ? undefined : quarterOption(values.period);
  const year = values.year === undefined ? undefined : financialYearOption(values.year);
  if (year !== undefined && !isSupportedYear(Number(year.slice(0, 4)))) throw new UsageError(`“${year}”: the service takes quarters from April 2000 to March 2100`);
  return { departmentCode: values.department, bodyCode: values.body, period, financialYear: year, format: format as PackFormat, out: values.out };
}

/** `pack`: a board pack written to a file, built with the command line's system context. */
export const pack: Command = async (env, args) => {
  const { format, out, ...which } = packOptions(args);
  return withDatabase(env, async (c) => {
    const started = performance.now();
    process.stderr.write("Building the board pack…\n");
    const built = await boardPack(await systemServiceContext(c.db, new Date()), which, env.REPORT_CONTACT);
    await writeFile(out, await writePack(built, format));
    const written = [out];
    if (format === "csv") {
      // W3C CSVW's convention: FILE.csv is described by FILE.csv-metadata.json.
      const metadataFile = `${out}-metadata.json`;
      await writeFile(metadataFile, writePackCsvMetadata(built, basename(out)));
      written.push(metadataFile);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Wrote “${built.title}” (${built.tables.length} tables) to ${written.join(" and ")} in ${seconds} s.`);
    return 0;
  });
};
