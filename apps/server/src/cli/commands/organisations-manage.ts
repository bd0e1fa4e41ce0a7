import { parseArgs } from "node:util";
import { addBody, addDepartment, closeBody, organisationInputs, plainInputMessage, renameBody, systemServiceContext } from "@complaints/api";
import { bankHolidayRegionLabels, formatDate } from "@complaints/domain";
import type { z } from "zod";
import { UsageError, withDatabase, type Command } from "../command.ts";

/** The command line's words checked as the admin pages' are (the service's zod schema), refused in the same plain English. */
export function checked<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(plainInputMessage(parsed.error));
  return parsed.data;
}

/** `organisations add`: a body under a department, as the admin page adds it (audited as the command line's). */
export const organisationsAdd: Command = async (env, args) => {
  const { values } = parseArgs({
    args,
    options: { department: { type: "string" }, code: { type: "string" }, name: { type: "string" }, type: { type: "string" }, region: { type: "string" }, "active-from": { type: "string" } },
  });
  if (!values.department || !values.code || !values.name || !values.type || !values.region || !values["active-from"]) {
    throw new UsageError("organisations add needs --department, --code, --name, --type, --region and --active-from");
  }
  const input = checked(organisationInputs.add, { departmentCode: values.department, code: values.code, name: values.name, bodyType: values.type, region: values.region, activeFrom: values["active-from"] });
  return withDatabase(env, async (c) => {
    const body = await addBody(await systemServiceContext(c.db, new Date()), input);
    console.log(`Added ${body.name} (${body.code}) to ${body.parentCode}, expected to report from ${formatDate(body.activeFrom)}; bank holidays of ${bankHolidayRegionLabels[body.region]}.`);
    return 0;
  });
};

/** `organisations add-department`: a new department, the first step of going live (audited as the command line's). */
export const organisationsAddDepartment: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { code: { type: "string" }, name: { type: "string" }, type: { type: "string" }, region: { type: "string" }, "active-from": { type: "string" } } });
  if (!values.code || !values.name || !values.region || !values["active-from"]) throw new UsageError("organisations add-department needs --code, --name, --region and --active-from");
  const input = checked(organisationInputs.addDepartment, { code: values.code, name: values.name, type: values.type, region: values.region, activeFrom: values["active-from"] });
  return withDatabase(env, async (c) => {
    const dept = await addDepartment(await systemServiceContext(c.db, new Date()), input);
    console.log(`Added the department ${dept.name} (${dept.code}). Next: add its first administrator with users add --role admin --organisation ${dept.code}.`);
    return 0;
  });
};

/** `organisations rename`. */
export const organisationsRename: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { code: { type: "string" }, name: { type: "string" } } });
  if (!values.code || !values.name) throw new UsageError("organisations rename needs --code and --name");
  const input = checked(organisationInputs.rename, { code: values.code, name: values.name });
  return withDatabase(env, async (c) => {
    const body = await renameBody(await systemServiceContext(c.db, new Date()), input);
    console.log(`${body.code} is now called ${body.name}.`);
    return 0;
  });
};

/** `organisations close`: no longer expected from the quarter after `--active-to`; its history stays. */
export const organisationsClose: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { code: { type: "string" }, "active-to": { type: "string" }, reason: { type: "string" } } });
  if (!values.code || !values["active-to"]) throw new UsageError("organisations close needs --code and --active-to");
  const input = checked(organisationInputs.close, { code: values.code, activeTo: values["active-to"], reason: values.reason });
  return withDatabase(env, async (c) => {
    const body = await closeBody(await systemServiceContext(c.db, new Date()), input);
    console.log(`Closed ${body.name} (${body.code}) on ${formatDate(input.activeTo)}: its last expected return is for ${body.lastExpected}.`);
    return 0;
  });
};
