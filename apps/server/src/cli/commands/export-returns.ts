import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { exportReturnsCsv } from "@complaints/api";
import { UsageError, withDatabase, type Command } from "../command.ts";

/** `export returns`: a department's returns as sent to it, in the format `import returns` reads. */
export const exportReturnsCommand: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, from: { type: "string" }, to: { type: "string" }, out: { type: "string" } } });
  if (!values.department || !values.out) throw new UsageError("export returns needs --department and --out");
  const { department: departmentCode, out } = values;
  return withDatabase(env, async (c) => {
    const { csv, rows } = await exportReturnsCsv(c.db, { departmentCode, ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });
    await writeFile(out, csv);
    console.log(`Wrote ${rows} returns to ${out}.`);
    return 0;
  });
};
