import { appendAudit, deleteUserSessions, findUserById, setUserPassword, type Database, type Kysely } from "@complaints/db";
import { DomainError } from "@complaints/domain";
import { checkNewPassword, hashPassword, verifyPassword } from "../auth/passwords.ts";
import { throttledPasswordCheck } from "../auth/sessions.ts";
import type { ApiConfig, SessionUser } from "../context.ts";
import { auditActor } from "../system-context.ts";

/** A person acting on their own account, from the session they are using (null when called without one). */
export interface AccountActor {
  db: Kysely<Database>;
  user: SessionUser;
  sessionId: string | null;
  now: string;
  /** Where the request came from (for the throttle on wrong current passwords); undefined when unknown. */
  clientAddress?: string | undefined;
  config: ApiConfig;
}

/** Which field of the change-password form a refusal is about (`details.field`), so the form can show it there. */
export type PasswordField = "currentPassword" | "newPassword";

function refused(field: PasswordField, message: string): DomainError {
  return new DomainError("INVALID_INPUT", message, { field });
}

/**
 * Changes a person's own password, once they have given their current one. Every other session of
 * theirs ends (someone who knew the old password may be signed in elsewhere), but the one they are
 * using stays, as GOV.UK One Login does, so they are not signed out of the page they are on.
 * Wrong current passwords are throttled with failed sign-ins, so a session left open is no way to
 * guess the password. Recorded in the audit log, without either password.
 */
export async function changeOwnPassword(actor: AccountActor, change: { currentPassword: string; newPassword: string }): Promise<{ otherSessionsEnded: number }> {
  const row = await findUserById(actor.db, actor.user.id);
  if (!row || row.disabled_at !== null) throw new DomainError("UNAUTHENTICATED", "Sign in to continue.");
  const who = { email: row.email, clientAddress: actor.clientAddress ?? "", attempting: "change your password" };
  const confirmed = await throttledPasswordCheck(actor.db, who, new Date(actor.now), actor.config, () => verifyPassword(row.password_hash, change.currentPassword));
  if (!confirmed) throw refused("currentPassword", "Your current password is not right");
  const problem = checkNewPassword(change.newPassword, { email: row.email });
  if (problem) throw refused("newPassword", problem);
  if (change.newPassword === change.currentPassword) throw refused("newPassword", "Enter a new password that is different from your current one");
  const passwordHash = await hashPassword(change.newPassword);
  return actor.db.transaction().execute(async (trx) => {
    await setUserPassword(trx, row.id, passwordHash);
    const ended = await deleteUserSessions(trx, row.id, actor.sessionId);
    await appendAudit(trx, {
      at: actor.now,
      ...auditActor(actor.user),
      action: "user.password-changed",
      entityType: "user",
      entityId: row.id,
      organisationCode: row.organisation_code,
      changes: [{ field: "other sessions ended", old: null, new: ended }],
      reason: null,
    });
    return { otherSessionsEnded: ended };
  });
}

/**
 * "Sign out everywhere": ends every session of the person, the one they are using included (a
 * lost laptop or a shared computer), recorded in the audit log.
 */
export async function signOutEverywhere(actor: AccountActor): Promise<{ sessionsEnded: number }> {
  return actor.db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, actor.user.id);
    await appendAudit(trx, {
      at: actor.now,
      ...auditActor(actor.user),
      action: "user.signed-out-everywhere",
      entityType: "user",
      entityId: actor.user.id,
      organisationCode: actor.user.organisationCode,
      changes: [{ field: "sessions ended", old: null, new: ended }],
      reason: null,
    });
    return { sessionsEnded: ended };
  });
}
