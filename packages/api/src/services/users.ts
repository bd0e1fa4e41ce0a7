import { randomUUID } from "node:crypto";
import { appendAudit, findUserByEmail, grantUserOrganisation, insertUser } from "@complaints/db";
import { DomainError, organisationKindForRole, roleSchema, type Organisation, type Role } from "@complaints/domain";
import { checkNewPassword, hashPassword } from "../auth/passwords.ts";
import { auditActor } from "../system-context.ts";
import type { ServiceContext } from "./actor.ts";

/** An account to add: who signs in, in which role, for which organisation, with which password. */
export interface NewAccount {
  email: string;
  role: Role;
  organisationCode: string;
  /** Shown to others beside what the person did; the email address when not given. */
  displayName?: string | undefined;
  password: string;
}

/** Why this is not an email address an account can have (something@somewhere.tld, no spaces), or null. */
export function emailProblem(email: string): string | null {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? null : `“${email}” is not an email address.`;
}

/**
 * Adds an account for an organisation the actor can see, whose kind fits the role (a body's
 * submitters and approvers, a department's other roles), recorded in the audit log as the actor's.
 */
export async function addUser(ctx: ServiceContext, account: NewAccount): Promise<{ id: string; organisation: Organisation }> {
  const problem = emailProblem(account.email) ?? checkNewPassword(account.password, { email: account.email });
  if (problem) throw new DomainError("INVALID_INPUT", problem);
  const organisation = ctx.scope.organisation(account.organisationCode);
  const kind = organisationKindForRole(account.role);
  if (organisation.kind !== kind) throw new DomainError("INVALID_INPUT", `A ${account.role} belongs to a ${kind}, but ${organisation.code} is a ${organisation.kind}.`);
  if (await findUserByEmail(ctx.db, account.email)) throw new DomainError("CONFLICT", `There is already an account for ${account.email}.`);
  const id = randomUUID();
  const passwordHash = await hashPassword(account.password);
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, { id, email: account.email, displayName: account.displayName ?? account.email, passwordHash, role: account.role, organisationCode: organisation.code }, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.added",
      entityType: "user",
      entityId: id,
      organisationCode: organisation.code,
      changes: [
        { field: "email", old: null, new: account.email.toLowerCase() },
        { field: "role", old: null, new: account.role },
      ],
      reason: null,
    });
  });
  return { id, organisation };
}

/**
 * Lets a body's user act for another body as well (a complaints team shared by several bodies),
 * recorded in the audit log. A department's users already cover every body below it.
 */
export async function grantOrganisation(ctx: ServiceContext, grant: { email: string; organisationCode: string }): Promise<{ organisation: Organisation }> {
  const user = await findUserByEmail(ctx.db, grant.email);
  if (!user) throw new DomainError("NOT_FOUND", `There is no account for ${grant.email}.`);
  if (organisationKindForRole(roleSchema.parse(user.role)) !== "body") {
    throw new DomainError("INVALID_INPUT", `${grant.email} acts for a department, which already covers its bodies; only a body's users act for other bodies.`);
  }
  const organisation = ctx.scope.organisation(grant.organisationCode);
  if (organisation.kind !== "body") throw new DomainError("INVALID_INPUT", `${organisation.code} is a department; a body's user can act only for bodies.`);
  if (organisation.code === user.organisation_code) throw new DomainError("CONFLICT", `${grant.email} already acts for ${organisation.code}: it is their own organisation.`);
  await ctx.db.transaction().execute(async (trx) => {
    await grantUserOrganisation(trx, user.id, organisation.code, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.granted",
      entityType: "user",
      entityId: user.id,
      organisationCode: organisation.code,
      changes: [{ field: "acts for", old: null, new: organisation.code }],
      reason: null,
    });
  });
  return { organisation };
}
