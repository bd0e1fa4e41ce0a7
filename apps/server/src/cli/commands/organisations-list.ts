import { parseArgs } from "node:util";
import { listOrganisations } from "@complaints/db";
import { bankHolidayRegionLabels, csvText } from "@complaints/domain";
import { UsageError, withDatabase, type Command } from "../command.ts";

/** `organisations list`: every organisation as an aligned table, or as CSV with `--format csv`. */
export const organisationsList: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { format: { type: "string", default: "table" } } });
  if (values.format !== "csv" && values.format !== "table") throw new UsageError("--format is csv or table");
  return withDatabase(env, async (c) => {
    const orgs = await listOrganisations(c.db);
    const rows = orgs.map((o) => [o.code, o.name, o.kind === "department" ? "department" : o.bodyType, o.parentCode ?? "", bankHolidayRegionLabels[o.region], o.activeFrom, o.activeTo ?? ""]);
    const header = ["code", "name", "type", "parent_code", "region", "active_from", "active_to"];
    if (values.format === "csv") process.stdout.write(csvText([header, ...rows], { lineEnd: "\n" }));
    else {
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [header, ...rows]) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
    }
    return 0;
  });
};
