import { parseArgs } from "node:util";
import { addServiceArea, deleteServiceArea, organisationInputs, renameServiceArea, retireServiceArea, systemServiceContext } from "@complaints/api";
import { UsageError, withDatabase, type Command } from "../command.ts";
import { checked } from "./organisations-manage.ts";

function areaArgs(args: string[], name: string, needsLabel: boolean) {
  const { values } = parseArgs({ args, options: { organisation: { type: "string" }, code: { type: "string" }, label: { type: "string" }, restore: { type: "boolean" } } });
  if (!values.organisation || !values.code || (needsLabel && !values.label)) throw new UsageError(`service-areas ${name} needs --organisation and --code${needsLabel ? " and --label" : ""}`);
  return { organisationCode: values.organisation, areaCode: values.code, label: values.label, restore: values.restore ?? false };
}

/** `service-areas add`: a code a body breaks its complaints down by (`received_by_service_area.<code>`). */
export const serviceAreasAdd: Command = async (env, args) => {
  const { organisationCode, areaCode, label } = areaArgs(args, "add", true);
  const input = checked(organisationInputs.addServiceArea, { organisationCode, areaCode, label });
  return withDatabase(env, async (c) => {
    const body = await addServiceArea(await systemServiceContext(c.db, new Date()), input);
    console.log(`${body.name} now has the service area ${input.label} (${input.areaCode}).`);
    return 0;
  });
};

export const serviceAreasRename: Command = async (env, args) => {
  const { organisationCode, areaCode, label } = areaArgs(args, "rename", true);
  const input = checked(organisationInputs.renameServiceArea, { organisationCode, areaCode, label });
  return withDatabase(env, async (c) => {
    await renameServiceArea(await systemServiceContext(c.db, new Date()), input);
    console.log(`The service area ${input.areaCode} is now called ${input.label}.`);
    return 0;
  });
};

/** `service-areas retire [--restore]`: a used code is kept with its history, no longer offered. */
export const serviceAreasRetire: Command = async (env, args) => {
  const { organisationCode, areaCode, restore } = areaArgs(args, "retire", false);
  const input = checked(organisationInputs.retireServiceArea, { organisationCode, areaCode, retired: !restore });
  return withDatabase(env, async (c) => {
    await retireServiceArea(await systemServiceContext(c.db, new Date()), input);
    console.log(restore ? `The service area ${areaCode} is in use again.` : `Retired the service area ${areaCode}; its history stays.`);
    return 0;
  });
};

/** `service-areas delete`: only a code no return or case has used. */
export const serviceAreasDelete: Command = async (env, args) => {
  const { organisationCode, areaCode } = areaArgs(args, "delete", false);
  const input = checked(organisationInputs.deleteServiceArea, { organisationCode, areaCode });
  return withDatabase(env, async (c) => {
    await deleteServiceArea(await systemServiceContext(c.db, new Date()), input);
    console.log(`Deleted the service area ${areaCode}.`);
    return 0;
  });
};
