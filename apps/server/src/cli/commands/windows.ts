import { parseArgs } from "node:util";
import { closeReportingWindow, extendDueDate, extendInput, openWindow, previewWindow, systemServiceContext } from "@complaints/api";
import { bankHolidayRegionLabels, formatDate, isoDateSchema } from "@complaints/domain";
import { quarterOption, UsageError, withDatabase, type Command } from "../command.ts";
import { checked } from "./organisations-manage.ts";

/** `windows open`: each expected body's due date is printed, then the window is opened (`--dry-run`: printed only). */
export const windowsOpen: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, period: { type: "string" }, "due-date": { type: "string" }, "dry-run": { type: "boolean" } } });
  if (!values.department || !values.period) throw new UsageError("windows open needs --department and --period");
  const period = quarterOption(values.period);
  const dueDate = values["due-date"] === undefined ? null : checked(isoDateSchema, values["due-date"]);
  return withDatabase(env, async (c) => {
    const ctx = await systemServiceContext(c.db, new Date());
    const preview = await previewWindow(ctx, { departmentCode: values.department!, period, dueDate });
    for (const b of preview.bodies) console.log(`${b.code.padEnd(12)} ${formatDate(b.dueDate).padEnd(18)} ${bankHolidayRegionLabels[b.region]}${b.extended ? " (extended)" : ""}`);
    if (values["dry-run"]) {
      console.log(`Not opened (dry run): ${preview.bodies.length} bodies expected for ${preview.periodLabel}.`);
      return 0;
    }
    await openWindow(ctx, { departmentCode: values.department!, period, dueDate });
    console.log(`Opened ${preview.periodLabel} for ${values.department}: ${preview.bodies.length} bodies expected, ${dueDate ? `due by ${formatDate(dueDate)}` : "each due 20 working days after the quarter ends in its nation"}.`);
    return 0;
  });
};

/** `windows extend`: a later due date for one body, with the reason. */
export const windowsExtend: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, period: { type: "string" }, organisation: { type: "string" }, "due-date": { type: "string" }, reason: { type: "string" } } });
  if (!values.department || !values.period || !values.organisation || !values["due-date"] || !values.reason) {
    throw new UsageError("windows extend needs --department, --period, --organisation, --due-date and --reason");
  }
  const input = checked(extendInput, { departmentCode: values.department, period: quarterOption(values.period), organisationCode: values.organisation, dueDate: values["due-date"], reason: values.reason });
  return withDatabase(env, async (c) => {
    const done = await extendDueDate(await systemServiceContext(c.db, new Date()), input);
    console.log(`${done.name} now has until ${formatDate(done.dueDate)} for ${done.periodLabel} (was ${formatDate(done.previousDueDate)}).`);
    return 0;
  });
};

export const windowsClose: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { department: { type: "string" }, period: { type: "string" } } });
  if (!values.department || !values.period) throw new UsageError("windows close needs --department and --period");
  const period = quarterOption(values.period);
  return withDatabase(env, async (c) => {
    await closeReportingWindow(await systemServiceContext(c.db, new Date()), { departmentCode: values.department!, period });
    console.log(`Closed the reporting window for ${values.period} in ${values.department}.`);
    return 0;
  });
};
