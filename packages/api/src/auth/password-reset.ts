import { createHash, randomBytes } from "node:crypto";
import {
  appendAudit,
  countPasswordResetsSince,
  deleteSignInFailure,
  deleteUserSessions,
  endPasswordResets,
  findPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  recordSignInFailure,
  setUserPassword,
  tallySignInFailures,
  usePasswordReset,
  type Database,
  type Kysely,
  type UserRow,
} from "@complaints/db";
import { DomainError } from "@complaints/domain";
import type { ApiConfig } from "../context.ts";
import { enqueueEmail } from "../services/email/outbox.ts";
import { checkNewPassword, hashPassword } from "./passwords.ts";
import { signInWaitMs } from "./sign-in-throttle.ts";

/** A reset link works for an hour. */
export const passwordResetValidMs = 3_600_000;
/** Links sent to one person an hour at most; more requests get the same answer and send nothing. */
export const maxPasswordResetsPerHour = 3;

/** The apps that have a sign-in page; the link goes back to the one the person came from. */
export type SignInApp = "agency" | "portal";

/** Only the hash is stored, so a copy of the table cannot be used to reset a password. */
export function passwordResetHashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a reset link opens. */
export function passwordResetPath(app: SignInApp, token: string): string {
  return `/${app}/reset-password/${token}`;
}

/**
 * Sends a one-time link to choose a new password, if the address belongs to an active account.
 * The caller's answer is the same either way, so it never says whether an account exists.
 * Requests count with failed sign-ins from the same client address (sign-in-throttle.ts), so one
 * address cannot send links to many people; the limit per person is `maxPasswordResetsPerHour`.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  request: { email: string; app: SignInApp; clientAddress?: string | undefined },
  now: Date,
  config: Pick<ApiConfig, "maxSignInFailuresPerAddress" | "signInWindowMinutes">,
): Promise<void> {
  const clientAddress = request.clientAddress ?? "";
  const windowMs = config.signInWindowMinutes * 60_000;
  const asked = `password-reset:${request.email.trim().toLowerCase()}`;
  const attemptId = await recordSignInFailure(db, { email: asked, clientAddress, at: now.toISOString() });
  const tally = await tallySignInFailures(db, { email: asked, clientAddress, since: new Date(now.getTime() - windowMs).toISOString(), exceptId: attemptId });
  const waitMs = signInWaitMs(tally.address, config.maxSignInFailuresPerAddress, now, windowMs);
  if (waitMs > 0) {
    await deleteSignInFailure(db, attemptId);
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new DomainError("TOO_MANY_ATTEMPTS", `Too many requests from your network. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`);
  }
  const user = await findUserByEmail(db, request.email);
  if (!user || user.disabled_at !== null) return;
  const since = new Date(now.getTime() - 3_600_000).toISOString();
  if ((await countPasswordResetsSince(db, user.id, since)) >= maxPasswordResetsPerHour) return;
  await db.transaction().execute((trx) => sendPasswordResetLink(trx, user, request.app, now));
}

/**
 * Stores a new one-time link for this person and queues the email with it. Call it inside a
 * transaction; `requestPasswordReset` (the person asks) and an administrator's "send a
 * password-reset link" (services/users.ts) both send links this way.
 */
export async function sendPasswordResetLink(trx: Kysely<Database>, user: Pick<UserRow, "id" | "email" | "display_name">, app: SignInApp, now: Date): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = passwordResetHashOf(token);
  await insertPasswordReset(trx, { tokenHash, userId: user.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + passwordResetValidMs).toISOString() });
  await enqueueEmail(trx, {
    kind: "password-reset",
    to: user.email,
    idempotencyKey: `${user.id}:${tokenHash}`,
    data: { name: user.display_name, path: passwordResetPath(app, token), validMinutes: passwordResetValidMs / 60_000 },
    now,
  });
}

export type PasswordResetLinkState = "valid" | "expired" | "used" | "unknown";

const linkProblems: Record<Exclude<PasswordResetLinkState, "valid">, string> = {
  expired: "This link to reset your password has expired. Links work for 1 hour. Ask for a new link.",
  used: "This link to reset your password has already been used. Ask for a new link if you need one.",
  unknown: "This link to reset your password is not valid. Check you copied the whole link from the email, or ask for a new link.",
};

/** Whether a link still works, so its page can say so before the person types a new password. */
export async function passwordResetLinkState(db: Kysely<Database>, token: string, now: Date): Promise<PasswordResetLinkState> {
  const reset = await findPasswordReset(db, passwordResetHashOf(token));
  if (!reset) return "unknown";
  const user = await findUserById(db, reset.user_id);
  if (!user || user.disabled_at !== null) return "unknown";
  if (reset.used_at !== null) return "used";
  if (reset.expires_at <= now.toISOString()) return "expired";
  return "valid";
}

/**
 * Sets a new password with a link: the link is used up, the person's other links end, every
 * session of theirs ends (whoever has the old password is signed out), and the audit log says so.
 */
export async function resetPassword(db: Kysely<Database>, reset: { token: string; password: string }, now: Date): Promise<{ email: string }> {
  const state = await passwordResetLinkState(db, reset.token, now);
  if (state !== "valid") throw new DomainError("NOT_FOUND", linkProblems[state], { linkState: state });
  const tokenHash = passwordResetHashOf(reset.token);
  const row = (await findPasswordReset(db, tokenHash))!;
  const user = (await findUserById(db, row.user_id))!;
  const problem = checkNewPassword(reset.password, { email: user.email });
  if (problem) throw new DomainError("INVALID_INPUT", problem, { field: "password" });
  const passwordHash = await hashPassword(reset.password);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    // Two requests with the same link: only the first one that marks it used goes on.
    if (!(await usePasswordReset(trx, tokenHash, at))) throw new DomainError("NOT_FOUND", linkProblems.used, { linkState: "used" });
    await setUserPassword(trx, user.id, passwordHash);
    await endPasswordResets(trx, user.id, at);
    const sessionsEnded = await deleteUserSessions(trx, user.id);
    await appendAudit(trx, {
      at,
      actorUserId: user.id,
      actor: user.email,
      action: "user.password-reset",
      entityType: "user",
      entityId: user.id,
      organisationCode: user.organisation_code,
      changes: [{ field: "sessions", old: sessionsEnded, new: 0 }],
      reason: "Password reset with an emailed link",
    });
  });
  return { email: user.email };
}
