import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { annualReportSection, systemServiceContext } from "@complaints/api";
import { financialYearOption, UsageError, withDatabase, type Command } from "../command.ts";

/**
 * `annual-report`: the complaints section of a department's annual report (Cabinet Office guidance
 * section 27) as HTML or plain text, chosen by the file's extension. The CLI has no signed-in user:
 * it reads with the system context (any department), as the person running it can read the database.
 */
export const annualReport: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, year: { type: "string" }, out: { type: "string" } } });
  if (!values.department || !values.year || !values.out) throw new UsageError("annual-report needs --department, --year and --out");
  const { department: departmentCode, out } = values;
  const financialYear = financialYearOption(values.year);
  const format = /\.html?$/i.test(out) ? "html" : /\.txt$/i.test(out) ? "text" : null;
  if (!format) throw new Error(`The annual report section is written as HTML or plain text: end the file name with .html or .txt, not “${out}”.`);
  return withDatabase(env, async (c) => {
    const section = await annualReportSection(await systemServiceContext(c.db, new Date()), { departmentCode, financialYear });
    // HTML as a whole document (language, character set, title), as the portal's download is.
    await writeFile(out, format === "html" ? section.document : section.text);
    console.log(`Wrote the ${section.financialYear} annual report complaints section for ${section.departmentName} (${section.departmentCode}) to ${out} as ${format === "html" ? "HTML" : "plain text"}.`);
    return 0;
  });
};
