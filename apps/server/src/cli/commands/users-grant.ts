import { parseArgs } from "node:util";
import { grantOrganisation, systemServiceContext } from "@complaints/api";
import { UsageError, withDatabase, type Command } from "../command.ts";

/** `users grant`: a body's user acts for another body too (a shared complaints team), recorded in the audit log. */
export const usersGrant: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, organisation: { type: "string" } } });
  if (!values.email || !values.organisation) throw new UsageError("users grant needs --email and --organisation");
  const { email, organisation: organisationCode } = values;
  return withDatabase(env, async (c) => {
    const { organisation } = await grantOrganisation(await systemServiceContext(c.db, new Date()), { email, organisationCode });
    console.log(`${email} now acts for ${organisation.name} (${organisation.code}) as well.`);
    return 0;
  });
};
