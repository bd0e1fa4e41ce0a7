import { createHash, randomBytes } from "node:crypto";
import {
  clearSignInFailures,
  deleteSession,
  listOrganisations,
  deleteSignInFailure,
  deleteSignInFailuresBefore,
  findSessionUser,
  findUserByEmail,
  insertSession,
  recordSignInFailure,
  tallySignInFailures,
  touchSession,
  type Database,
  type Kysely,
  type UserRow,
} from "@complaints/db";
import { DomainError, departmentOf, roleSchema } from "@complaints/domain";
import type { ApiConfig, SessionUser } from "../context.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { passwordSignInOffMessage, singleSignOnFor } from "./single-sign-on.ts";
import { signInWaitMs, tooManyAttemptsMessage } from "./sign-in-throttle.ts";

/** The session id stored is a hash of the cookie's token, so a copy of the table cannot be replayed. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, email: row.email, displayName: row.display_name, role: roleSchema.parse(row.role), organisationCode: row.organisation_code };
}

export interface SignInResult {
  user: SessionUser;
  token: string;
  expiresAt: Date;
}

export interface SignInAttempt {
  email: string;
  password: string;
  /** Where the request came from; undefined when unknown (procedures called directly). */
  clientAddress?: string | undefined;
  /** The session this browser already had, if any: it ends when the new one starts. */
  previousSessionId?: string | null | undefined;
}

/** A session ends after `sessionHours` unused, and `sessionAbsoluteHours` after sign-in whatever happens. */
function sessionExpiry(createdAt: Date, now: Date, config: ApiConfig): Date {
  return new Date(Math.min(now.getTime() + config.sessionHours * 3_600_000, createdAt.getTime() + config.sessionAbsoluteHours * 3_600_000));
}

/**
 * Runs a check of someone's password under the sign-in throttle: failed checks of one account from
 * one client address, and from one address across accounts, make further attempts wait (see
 * sign-in-throttle.ts). The counts are in the database, so they hold across server instances; a
 * success clears the account's failures from that address. Signing in and confirming the current
 * password to change it share the counts, as both guess the same secret.
 */
export async function throttledPasswordCheck(
  db: Kysely<Database>,
  who: { email: string; clientAddress: string; attempting: string },
  now: Date,
  config: ApiConfig,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const windowMs = config.signInWindowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  // Failures older than the window no longer count: remove them as we go.
  await deleteSignInFailuresBefore(db, since);
  // The attempt is recorded before the password is checked, and counted with the others, so
  // attempts sent in parallel are throttled too; a success clears them.
  const attemptId = await recordSignInFailure(db, { email: who.email, clientAddress: who.clientAddress, at: now.toISOString() });
  const failures = await tallySignInFailures(db, { email: who.email, clientAddress: who.clientAddress, since, exceptId: attemptId });
  const waitMs = Math.max(
    signInWaitMs(failures.accountAtAddress, config.maxSignInFailures, now, windowMs),
    signInWaitMs(failures.address, config.maxSignInFailuresPerAddress, now, windowMs),
  );
  if (waitMs > 0) {
    // A refused attempt checks no password, so it is not a failure and does not extend the wait.
    await deleteSignInFailure(db, attemptId);
    throw new DomainError("TOO_MANY_ATTEMPTS", tooManyAttemptsMessage(waitMs, who.attempting));
  }
  if (!(await check())) return false;
  await clearSignInFailures(db, who.email, who.clientAddress);
  return true;
}

/**
 * Checks an email and password and opens a session. Failed attempts are throttled per account at
 * each client address and per client address across accounts (see sign-in-throttle.ts), so an
 * attacker elsewhere cannot keep a user out; the counts are in the database, so they hold across
 * server instances.
 */
export async function signIn(db: Kysely<Database>, attempt: SignInAttempt, now: Date, config: ApiConfig): Promise<SignInResult> {
  const { email, password } = attempt;
  // An email its department's identity provider covers never gets as far as a password, when the
  // department has switched passwords off; this says nothing about whether an account exists.
  if (singleSignOnFor(config, email)?.passwordSignIn === false) throw new DomainError("FORBIDDEN", passwordSignInOffMessage);
  const clientAddress = attempt.clientAddress ?? "";
  let user: UserRow | undefined;
  const ok = await throttledPasswordCheck(db, { email, clientAddress, attempting: "sign in" }, now, config, async () => {
    user = await findUserByEmail(db, email);
    const matches = user ? await verifyPassword(user.password_hash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    return matches && user !== undefined && user.disabled_at === null;
  });
  if (!ok || !user) throw new DomainError("UNAUTHENTICATED", "Enter a correct email address and password.");
  // An account of a department that signs in only through its provider, under an email domain the
  // provider's list leaves out (a body's own domain, say), is refused once the password is known good.
  if ((config.singleSignOn ?? []).some((d) => !d.passwordSignIn)) {
    const department = departmentOf(await listOrganisations(db), user.organisation_code);
    if (config.singleSignOn!.some((d) => d.departmentCode === department && !d.passwordSignIn)) throw new DomainError("FORBIDDEN", passwordSignInOffMessage);
  }
  return openSession(db, user, attempt.previousSessionId, now, config);
}

/** A new session for a user whose identity has been checked (a password, or their organisation's identity provider). */
export async function openSession(db: Kysely<Database>, user: UserRow, previousSessionId: string | null | undefined, now: Date, config: ApiConfig): Promise<SignInResult> {
  // Signing in again ends the browser's earlier session (OWASP Session Management Cheat Sheet:
  // renew the session on any privilege change, including sign-in).
  if (previousSessionId) await deleteSession(db, previousSessionId);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = sessionExpiry(now, now, config);
  await insertSession(db, { id: sessionIdOf(token), userId: user.id, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { user: toSessionUser(user), token, expiresAt };
}

export interface ResumedSession {
  user: SessionUser;
  sessionId: string;
  /** Set when the idle lifetime was extended: the cookie must be sent again with this expiry. */
  renewedUntil: Date | null;
}

/** The user a session token belongs to, extending the session's idle lifetime. */
export async function resumeSession(db: Kysely<Database>, token: string, now: Date, config: ApiConfig): Promise<ResumedSession | null> {
  const sessionId = sessionIdOf(token);
  const createdAfter = new Date(now.getTime() - config.sessionAbsoluteHours * 3_600_000).toISOString();
  const row = await findSessionUser(db, sessionId, now.toISOString(), createdAfter);
  if (!row) return null;
  // Extending the idle lifetime is a write: do it at most every five minutes, not on every request.
  if (now.getTime() - Date.parse(row.session_last_seen_at) > 5 * 60_000) {
    const renewedUntil = sessionExpiry(new Date(row.session_created_at), now, config);
    await touchSession(db, sessionId, now.toISOString(), renewedUntil.toISOString());
    return { user: toSessionUser(row), sessionId, renewedUntil };
  }
  return { user: toSessionUser(row), sessionId, renewedUntil: null };
}

export async function signOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
