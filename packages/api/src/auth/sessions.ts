import { createHash, randomBytes } from "node:crypto";
import {
  clearSignInFailures,
  countSignInFailuresSince,
  deleteSession,
  findSessionUser,
  findUserByEmail,
  insertSession,
  recordSignInFailure,
  touchSession,
  type Database,
  type Kysely,
  type UserRow,
} from "@complaints/db";
import { DomainError, roleSchema } from "@complaints/domain";
import type { ApiConfig, SessionUser } from "../context.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";

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

/**
 * Checks an email and password and opens a session. After `maxSignInFailures` failed attempts
 * for an address within the window, further attempts are refused until it passes (stored in the
 * database, so it holds across server instances).
 */
export async function signIn(db: Kysely<Database>, email: string, password: string, now: Date, config: ApiConfig): Promise<SignInResult> {
  const since = new Date(now.getTime() - config.signInWindowMinutes * 60_000).toISOString();
  // The attempt is recorded before the password is checked, and counted with the others, so
  // attempts sent in parallel are throttled too; a successful sign-in clears them.
  await recordSignInFailure(db, email, now.toISOString());
  if ((await countSignInFailuresSince(db, email, since)) > config.maxSignInFailures) {
    throw new DomainError(
      "TOO_MANY_ATTEMPTS",
      `Too many failed attempts to sign in to this account. Wait ${config.signInWindowMinutes} minutes and try again.`,
    );
  }
  const user = await findUserByEmail(db, email);
  const ok = user ? await verifyPassword(user.password_hash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!user || !ok || user.disabled_at !== null) {
    throw new DomainError("UNAUTHENTICATED", "Enter a correct email address and password.");
  }
  await clearSignInFailures(db, email);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await insertSession(db, { id: sessionIdOf(token), userId: user.id, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { user: toSessionUser(user), token, expiresAt };
}

/** The user a session token belongs to, extending the session's idle lifetime. */
export async function resumeSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  config: ApiConfig,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const sessionId = sessionIdOf(token);
  const row = await findSessionUser(db, sessionId, now.toISOString());
  if (!row) return null;
  // Extending the idle lifetime is a write: do it at most every five minutes, not on every request.
  if (now.getTime() - Date.parse(row.session_last_seen_at) > 5 * 60_000) {
    await touchSession(db, sessionId, now.toISOString(), new Date(now.getTime() + config.sessionHours * 3_600_000).toISOString());
  }
  return { user: toSessionUser(row), sessionId };
}

export async function signOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
