import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { addUser, systemServiceContext } from "@complaints/api";
import { roleSchema, roles } from "@complaints/domain";
import { UsageError, withDatabase, type Command } from "../command.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/**
 * `users add`: an account, through the API's users service (which checks it and records the audit
 * entry). The password comes from standard input, or is made up and printed once.
 */
export const usersAdd: Command = async (env, args) => {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, role: { type: "string" }, organisation: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } },
  });
  if (!values.email || !values.role || !values.organisation) throw new UsageError("users add needs --email, --role and --organisation");
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new Error(`“${values.role}” is not a role. Use one of: ${roles.join(", ")}.`);
  const { email, organisation: organisationCode, name: displayName } = values;
  const generated = !values["password-stdin"];
  const password = generated ? randomBytes(12).toString("base64url") : await readStdin();
  return withDatabase(env, async (c) => {
    const { organisation } = await addUser(await systemServiceContext(c.db, new Date()), { email, role: role.data, organisationCode, displayName, password });
    console.log(`Added ${email} as ${role.data} for ${organisation.name}.`);
    if (generated) console.log(`Password (shown once; pass it on securely): ${password}`);
    return 0;
  });
};
