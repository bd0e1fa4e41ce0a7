import { parseArgs } from "node:util";
import { changeRole, deactivatePerson, invitePerson, listPeople, reactivatePerson, removeOrganisation, sendPasswordReset, systemServiceContext } from "@complaints/api";
import { roleSchema, roles } from "@complaints/domain";
import { UsageError, withDatabase, type Command } from "../command.ts";

// The people page's actions from the command line, through the same service (services/users.ts),
// recorded in the audit log as the command line's. Emails are queued; the server's job runner sends them.

function options(command: string, args: string[], needed: readonly ("email" | "role" | "organisation")[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" }, organisation: { type: "string" } } });
  const missing = needed.filter((k) => !values[k]);
  if (missing.length > 0) throw new UsageError(`${command} needs ${needed.map((k) => `--${k}`).join(", ").replace(/, ([^,]*)$/, " and $1")}`);
  if (values.role !== undefined && !roleSchema.safeParse(values.role).success) throw new UsageError(`“${values.role}” is not a role; roles: ${roles.join(", ")}`);
  return { email: values.email ?? "", role: roleSchema.parse(values.role ?? "submitter"), organisationCode: values.organisation ?? "" };
}

/** `users list [--organisation CODE]`: people and open invitations, as the people page lists them. */
export const usersList: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { organisation: { type: "string" } } });
  return withDatabase(env, async (c) => {
    const { people, invitations } = await listPeople(await systemServiceContext(c.db, new Date()), { organisationCode: values.organisation });
    for (const p of people) console.log([p.email, p.name, p.role, p.organisations.map((o) => o.code).join(" "), p.active ? "active" : "deactivated"].join("\t"));
    for (const i of invitations) console.log([i.email, "(invited)", i.role, i.organisation.code, `invited until ${i.expiresAt.slice(0, 10)}`].join("\t"));
    return 0;
  });
};

/** `users invite`: emails a one-time link, valid 7 days (or adds the body to an existing account with the same role). */
export const usersInvite: Command = async (env, args) => {
  const o = options("users invite", args, ["email", "role", "organisation"]);
  return withDatabase(env, async (c) => {
    const { outcome } = await invitePerson(await systemServiceContext(c.db, new Date()), o);
    console.log(outcome === "invited" ? `Invitation for ${o.email} queued: the link works for 7 days.` : `${o.email} already had an account: ${o.organisationCode} added to it.`);
    return 0;
  });
};

/** `users role`: another role or organisation for a person. */
export const usersRole: Command = async (env, args) => {
  const o = options("users role", args, ["email", "role", "organisation"]);
  return withDatabase(env, async (c) => {
    await changeRole(await systemServiceContext(c.db, new Date()), o);
    console.log(`${o.email} is now ${o.role} for ${o.organisationCode}.`);
    return 0;
  });
};

/** `users revoke`: a body's person stops acting for one of their other bodies. */
export const usersRevoke: Command = async (env, args) => {
  const o = options("users revoke", args, ["email", "organisation"]);
  return withDatabase(env, async (c) => {
    await removeOrganisation(await systemServiceContext(c.db, new Date()), o);
    console.log(`${o.email} no longer acts for ${o.organisationCode}.`);
    return 0;
  });
};

/** `users deactivate`: their sessions end at once and they cannot sign in. */
export const usersDeactivate: Command = async (env, args) => {
  const o = options("users deactivate", args, ["email"]);
  return withDatabase(env, async (c) => {
    const { sessionsEnded } = await deactivatePerson(await systemServiceContext(c.db, new Date()), o);
    console.log(`${o.email} is deactivated; ${sessionsEnded} ${sessionsEnded === 1 ? "session" : "sessions"} ended.`);
    return 0;
  });
};

export const usersReactivate: Command = async (env, args) => {
  const o = options("users reactivate", args, ["email"]);
  return withDatabase(env, async (c) => {
    await reactivatePerson(await systemServiceContext(c.db, new Date()), o);
    console.log(`${o.email} can sign in again.`);
    return 0;
  });
};

/** `users reset-password`: emails the person a one-time link to choose a new password. */
export const usersResetPassword: Command = async (env, args) => {
  const o = options("users reset-password", args, ["email"]);
  return withDatabase(env, async (c) => {
    await sendPasswordReset(await systemServiceContext(c.db, new Date()), o);
    console.log(`Password-reset link for ${o.email} queued: it works for 1 hour.`);
    return 0;
  });
};
