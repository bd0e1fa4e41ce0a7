import { parseArgs } from "node:util";
import { auditFilterInput, auditRows, systemServiceContext } from "@complaints/api";
import { csvText, neutraliseFormula } from "@complaints/domain";
import { UsageError, withDatabase, type Command } from "../command.ts";
import { checked } from "./organisations-manage.ts";

/** `audit list`: a department's audit log as CSV, the admin page's download, with the same filters and formula guard. */
export const auditList: Command = async (env, args) => {
  const { values } = parseArgs({
    args,
    options: { department: { type: "string" }, organisation: { type: "string" }, person: { type: "string" }, return: { type: "string" }, kind: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
  });
  if (!values.department) throw new UsageError("audit list needs --department");
  const filter = checked(auditFilterInput, { departmentCode: values.department, organisationCode: values.organisation, actor: values.person, returnId: values.return, action: values.kind, from: values.from, to: values.to });
  return withDatabase(env, async (c) => {
    const { header, rows, truncated } = await auditRows(await systemServiceContext(c.db, new Date()), filter);
    process.stdout.write(csvText([header, ...rows.map((r) => r.map(neutraliseFormula))], { lineEnd: "\n" }));
    if (truncated) console.error(`Only the newest ${rows.length.toLocaleString("en-GB")} entries were written: narrow the filters for the rest.`);
    return 0;
  });
};
