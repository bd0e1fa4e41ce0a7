import { randomBytes, randomUUID } from "node:crypto";
import {
  acceptInvitationRow,
  appendAudit,
  deleteUserSessions,
  endPasswordResets,
  findInvitation,
  findUserByEmail,
  grantUserOrganisation,
  insertInvitation,
  insertUser,
  listOpenInvitations,
  listUserOrganisations,
  listUserOrganisationsOf,
  listUsersOf,
  revokeAllUserOrganisations,
  revokeUserOrganisation,
  setUserDisabled,
  setUserRole,
  type Database,
  type Kysely,
  type UserRow,
} from "@complaints/db";
import { DomainError, organisationKindForRole, roleLabels, roleSchema, type Organisation, type Role } from "@complaints/domain";
import { passwordResetHashOf, sendPasswordResetLink, type SignInApp } from "../auth/password-reset.ts";
import { checkNewPassword, hashPassword } from "../auth/passwords.ts";
import { auditActor, systemActor } from "../system-context.ts";
import type { ServiceContext } from "./actor.ts";
import { enqueueEmail } from "./email/outbox.ts";

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
  // Only someone who manages the person may widen what they can do.
  ctx.scope.organisation(user.organisation_code);
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

/** An invitation link works for 7 days. */
export const invitationValidMs = 7 * 24 * 3_600_000;

/** The app a role signs in to: a body's people the agency app, a department's the portal. */
export function appForRole(role: Role): SignInApp {
  return organisationKindForRole(role) === "body" ? "agency" : "portal";
}

/** The page an invitation link opens, in the app the person will use. */
export function invitationPath(role: Role, token: string): string {
  return `/${appForRole(role)}/invitation/${token}`;
}

/** A person as their department's administrator sees them. */
export interface Person {
  email: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** Their own organisation first, then any other bodies they act for. */
  organisations: { code: string; name: string }[];
  active: boolean;
}

export interface OpenInvitation {
  email: string;
  role: Role;
  roleLabel: string;
  organisation: { code: string; name: string };
  invitedBy: string;
  expiresAt: string;
}

/**
 * The people of the caller's department and its bodies (or of one organisation), with the
 * invitations not yet accepted.
 */
export async function listPeople(ctx: ServiceContext, filter: { organisationCode?: string | undefined } = {}): Promise<{ people: Person[]; invitations: OpenInvitation[] }> {
  const codes = filter.organisationCode ? [ctx.scope.organisation(filter.organisationCode).code] : [...ctx.scope.codes];
  const names = new Map(ctx.scope.organisations.map((o) => [o.code, o.name]));
  const rows = await listUsersOf(ctx.db, codes);
  const others = await listUserOrganisationsOf(ctx.db, rows.map((r) => r.id));
  const org = (code: string) => ({ code, name: names.get(code) ?? code });
  const people = rows
    // Someone of another department who also acts for one of these bodies is shown, but only with the bodies in scope.
    .map((r) => {
      const role = roleSchema.parse(r.role);
      const all = [r.organisation_code, ...(others.get(r.id) ?? [])].filter((c) => ctx.scope.has(c));
      return { email: r.email, name: r.display_name, role, roleLabel: roleLabels[role], organisations: all.map(org), active: r.disabled_at === null };
    });
  const invitations = (await listOpenInvitations(ctx.db, codes, ctx.now)).map((i) => {
    const role = roleSchema.parse(i.role);
    return { email: i.email, role, roleLabel: roleLabels[role], organisation: org(i.organisation_code), invitedBy: i.invited_by, expiresAt: i.expires_at };
  });
  return { people, invitations };
}

/** The account with this email, if the caller manages its organisation (FORBIDDEN otherwise). */
async function manageablePerson(ctx: ServiceContext, email: string): Promise<UserRow> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw new DomainError("NOT_FOUND", `There is no account for ${email.trim()}.`);
  ctx.scope.organisation(user.organisation_code);
  return user;
}

function refuseOwnAccount(ctx: ServiceContext, user: UserRow, what: string): void {
  if (user.id === ctx.actor.id) throw new DomainError("CONFLICT", `You cannot ${what} your own account. Ask another administrator.`);
}

function kindFits(role: Role, organisation: Organisation): void {
  const kind = organisationKindForRole(role);
  if (organisation.kind !== kind) throw new DomainError("INVALID_INPUT", `A ${roleLabels[role].toLowerCase()} belongs to a ${kind}, but ${organisation.name} is a ${organisation.kind}.`);
}

/**
 * Invites a person by email with a role for an organisation the caller manages: a one-time link,
 * valid 7 days, stored hashed, sent by email. If the person already has an active account with the
 * same body role, the organisation is added to it instead (they are told by email).
 */
export async function invitePerson(ctx: ServiceContext, invite: { email: string; role: Role; organisationCode: string }): Promise<{ outcome: "invited" | "added" }> {
  const email = invite.email.trim().toLowerCase();
  const problem = emailProblem(email);
  if (problem) throw new DomainError("INVALID_INPUT", problem);
  const organisation = ctx.scope.organisation(invite.organisationCode);
  kindFits(invite.role, organisation);
  const now = new Date(ctx.now);
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) {
    ctx.scope.organisation(existing.organisation_code);
    if (existing.disabled_at !== null) throw new DomainError("CONFLICT", `The account for ${email} is deactivated. Reactivate it first.`);
    const role = roleSchema.parse(existing.role);
    const current = [existing.organisation_code, ...(await listUserOrganisations(ctx.db, existing.id))];
    if (role === invite.role && current.includes(organisation.code)) throw new DomainError("CONFLICT", `${email} is already ${roleLabels[role].toLowerCase()} for ${organisation.name}.`);
    if (role !== invite.role || organisationKindForRole(role) !== "body") {
      throw new DomainError("CONFLICT", `${email} already has an account as ${roleLabels[role].toLowerCase()}. Change their role instead.`);
    }
    await grantOrganisation(ctx, { email, organisationCode: organisation.code });
    await enqueueEmail(ctx.db, {
      kind: "role-added",
      to: email,
      idempotencyKey: `${existing.id}:${organisation.code}:${ctx.now}`,
      data: { name: existing.display_name, organisationName: organisation.name, roleLabel: roleLabels[role].toLowerCase(), path: `/${appForRole(role)}/` },
      now,
    });
    return { outcome: "added" };
  }
  const token = randomBytes(32).toString("base64url");
  const tokenHash = passwordResetHashOf(token);
  const invitedBy = ctx.actor === systemActor ? "The service's administrator" : ctx.actor.displayName;
  await ctx.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, { tokenHash, email, role: invite.role, organisationCode: organisation.code, invitedBy: ctx.actor.email, createdAt: ctx.now, expiresAt: new Date(now.getTime() + invitationValidMs).toISOString() });
    await enqueueEmail(trx, {
      kind: "invitation",
      to: email,
      idempotencyKey: tokenHash,
      data: { organisationName: organisation.name, roleLabel: roleLabels[invite.role].toLowerCase(), invitedBy, path: invitationPath(invite.role, token), validDays: invitationValidMs / 86_400_000 },
      now,
    });
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.invited",
      entityType: "user",
      entityId: email,
      organisationCode: organisation.code,
      changes: [
        { field: "email", old: null, new: email },
        { field: "role", old: null, new: invite.role },
      ],
      reason: null,
    });
  });
  return { outcome: "invited" };
}

export type InvitationState =
  | { state: "valid"; email: string; roleLabel: string; organisationName: string; app: SignInApp }
  | { state: "expired" | "used" | "unknown" };

const invitationProblems = {
  expired: "This invitation has expired. Invitations work for 7 days. Ask whoever invited you to send a new one.",
  used: "This invitation has already been used. Sign in with the email address and password you chose.",
  unknown: "This invitation link is not valid. Check you copied the whole link from the email.",
} as const;

/** Whether an invitation link still works, so its page can say so before the person fills it in. */
export async function invitationState(db: Kysely<Database>, token: string, now: Date): Promise<InvitationState> {
  const row = await findInvitation(db, passwordResetHashOf(token));
  if (!row) return { state: "unknown" };
  if (row.accepted_at !== null) return { state: "used" };
  if (row.expires_at <= now.toISOString()) return { state: "expired" };
  const role = roleSchema.parse(row.role);
  const organisation = await db.selectFrom("organisations").select("name").where("code", "=", row.organisation_code).executeTakeFirst();
  return { state: "valid", email: row.email, roleLabel: roleLabels[role].toLowerCase(), organisationName: organisation?.name ?? row.organisation_code, app: appForRole(role) };
}

/**
 * Takes an invitation: makes the account with the name and password the person chose, uses up the
 * link, and records it in the audit log. The caller signs the person in.
 */
export async function acceptInvitation(db: Kysely<Database>, accept: { token: string; name: string; password: string }, now: Date): Promise<UserRow> {
  const state = await invitationState(db, accept.token, now);
  if (state.state !== "valid") throw new DomainError("NOT_FOUND", invitationProblems[state.state], { linkState: state.state });
  const tokenHash = passwordResetHashOf(accept.token);
  const row = (await findInvitation(db, tokenHash))!;
  const problem = checkNewPassword(accept.password, { email: row.email });
  if (problem) throw new DomainError("INVALID_INPUT", problem, { field: "password" });
  if (await findUserByEmail(db, row.email)) throw new DomainError("CONFLICT", `There is already an account for ${row.email}. Sign in instead.`);
  const id = randomUUID();
  const passwordHash = await hashPassword(accept.password);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, { id, email: row.email, displayName: accept.name.trim(), passwordHash, role: row.role, organisationCode: row.organisation_code }, at);
    // Two requests with the same link: only the first that marks it accepted goes on (the other's account is rolled back).
    if (!(await acceptInvitationRow(trx, tokenHash, id, at))) throw new DomainError("NOT_FOUND", invitationProblems.used, { linkState: "used" });
    await appendAudit(trx, {
      at,
      actorUserId: id,
      actor: row.email,
      action: "user.added",
      entityType: "user",
      entityId: id,
      organisationCode: row.organisation_code,
      changes: [
        { field: "email", old: null, new: row.email },
        { field: "role", old: null, new: row.role },
      ],
      reason: `Accepted an invitation from ${row.invited_by}`,
    });
  });
  return (await findUserByEmail(db, row.email))!;
}

/**
 * Gives a person another role or moves them to another organisation the caller manages. A body's
 * other organisations end when the role becomes a department's (which covers every body).
 */
export async function changeRole(ctx: ServiceContext, change: { email: string; role: Role; organisationCode: string }): Promise<void> {
  const user = await manageablePerson(ctx, change.email);
  const organisation = ctx.scope.organisation(change.organisationCode);
  kindFits(change.role, organisation);
  refuseOwnAccount(ctx, user, "change the role of");
  if (user.role === change.role && user.organisation_code === organisation.code) {
    throw new DomainError("CONFLICT", `${user.email} is already ${roleLabels[change.role].toLowerCase()} for ${organisation.name}.`);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await setUserRole(trx, user.id, change.role, organisation.code);
    if (organisationKindForRole(change.role) === "department") await revokeAllUserOrganisations(trx, user.id);
    else await revokeUserOrganisation(trx, user.id, organisation.code);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.role-changed",
      entityType: "user",
      entityId: user.id,
      organisationCode: organisation.code,
      changes: [
        { field: "role", old: user.role, new: change.role },
        { field: "organisation", old: user.organisation_code, new: organisation.code },
      ],
      reason: null,
    });
  });
}

/** Stops a body's person acting for one of their other bodies. */
export async function removeOrganisation(ctx: ServiceContext, remove: { email: string; organisationCode: string }): Promise<void> {
  const user = await manageablePerson(ctx, remove.email);
  const organisation = ctx.scope.organisation(remove.organisationCode);
  if (organisation.code === user.organisation_code) throw new DomainError("CONFLICT", `${organisation.name} is ${user.email}'s own organisation. Change their role instead, or deactivate the account.`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeUserOrganisation(trx, user.id, organisation.code))) throw new DomainError("NOT_FOUND", `${user.email} does not act for ${organisation.name}.`);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.revoked",
      entityType: "user",
      entityId: user.id,
      organisationCode: organisation.code,
      changes: [{ field: "acts for", old: organisation.code, new: null }],
      reason: null,
    });
  });
}

/** Deactivates an account: every session of theirs ends at once, their reset links stop working, and they cannot sign in. */
export async function deactivatePerson(ctx: ServiceContext, target: { email: string }): Promise<{ sessionsEnded: number }> {
  const user = await manageablePerson(ctx, target.email);
  refuseOwnAccount(ctx, user, "deactivate");
  if (user.disabled_at !== null) throw new DomainError("CONFLICT", `The account for ${user.email} is already deactivated.`);
  return ctx.db.transaction().execute(async (trx) => {
    await setUserDisabled(trx, user.id, ctx.now);
    const sessionsEnded = await deleteUserSessions(trx, user.id);
    await endPasswordResets(trx, user.id, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.deactivated",
      entityType: "user",
      entityId: user.id,
      organisationCode: user.organisation_code,
      changes: [
        { field: "active", old: true, new: false },
        { field: "sessions", old: sessionsEnded, new: 0 },
      ],
      reason: null,
    });
    return { sessionsEnded };
  });
}

/** Lets a deactivated account sign in again with its password. */
export async function reactivatePerson(ctx: ServiceContext, target: { email: string }): Promise<void> {
  const user = await manageablePerson(ctx, target.email);
  if (user.disabled_at === null) throw new DomainError("CONFLICT", `The account for ${user.email} is already active.`);
  await ctx.db.transaction().execute(async (trx) => {
    await setUserDisabled(trx, user.id, null);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.reactivated",
      entityType: "user",
      entityId: user.id,
      organisationCode: user.organisation_code,
      changes: [{ field: "active", old: false, new: true }],
      reason: null,
    });
  });
}

/** Emails a person a one-time link to choose a new password (the same link "Forgotten your password?" sends). */
export async function sendPasswordReset(ctx: ServiceContext, target: { email: string }): Promise<void> {
  const user = await manageablePerson(ctx, target.email);
  if (user.disabled_at !== null) throw new DomainError("CONFLICT", `The account for ${user.email} is deactivated. Reactivate it first.`);
  await ctx.db.transaction().execute(async (trx) => {
    await sendPasswordResetLink(trx, user, appForRole(roleSchema.parse(user.role)), new Date(ctx.now));
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "user.password-reset-sent",
      entityType: "user",
      entityId: user.id,
      organisationCode: user.organisation_code,
      changes: [],
      reason: null,
    });
  });
}
