import type { Kysely } from "kysely";
import type { Database, UserRow } from "../schema.ts";

export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.createdAt })
    .execute();
}

/**
 * The user behind a live session, or undefined if it has expired (idle, or created before
 * `createdAfter`: the absolute lifetime) or the account is disabled.
 */
export async function findSessionUser(
  db: Kysely<Database>,
  sessionId: string,
  now: string,
  createdAfter: string,
): Promise<(UserRow & { session_created_at: string; session_last_seen_at: string }) | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.created_at as session_created_at", "sessions.last_seen_at as session_last_seen_at"])
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now)
    .where("sessions.created_at", ">", createdAfter)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, sessionId: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records a sign-in attempt as failed until it succeeds; returns its id. */
export async function recordSignInFailure(db: Kysely<Database>, attempt: { email: string; clientAddress: string; at: string }): Promise<number> {
  const row = await db
    .insertInto("sign_in_failures")
    .values({ email: attempt.email.trim().toLowerCase(), client_address: attempt.clientAddress, at: attempt.at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface SignInFailureTally {
  count: number;
  /** The latest of them, or null if there are none. */
  latestAt: string | null;
}

/**
 * Failed sign-ins after `since`, other than attempt `exceptId`: for this account from this address,
 * and from this address for any account.
 */
export async function tallySignInFailures(
  db: Kysely<Database>,
  attempt: { email: string; clientAddress: string; since: string; exceptId: number },
): Promise<{ accountAtAddress: SignInFailureTally; address: SignInFailureTally }> {
  const tally = async (email: string | null): Promise<SignInFailureTally> => {
    let query = db
      .selectFrom("sign_in_failures")
      .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.max("at").as("latest")])
      .where("client_address", "=", attempt.clientAddress)
      .where("at", ">", attempt.since)
      .where("id", "!=", attempt.exceptId);
    if (email !== null) query = query.where("email", "=", email);
    const row = await query.executeTakeFirstOrThrow();
    return { count: Number(row.n), latestAt: row.latest ?? null };
  };
  return { accountAtAddress: await tally(attempt.email.trim().toLowerCase()), address: await tally(null) };
}

/** Forgets one attempt (one that was refused without checking the password). */
export async function deleteSignInFailure(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("id", "=", id).execute();
}

/** After a successful sign-in: forgets this account's failures from this address (not the address's others). */
export async function clearSignInFailures(db: Kysely<Database>, email: string, clientAddress: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("email", "=", email.trim().toLowerCase()).where("client_address", "=", clientAddress).execute();
}

/** Removes failures too old to count any more; returns how many. */
export async function deleteSignInFailuresBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom("sign_in_failures").where("at", "<=", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Ends every session of a person (a new password, a deactivated account, "sign out everywhere"), or
 * every one but `exceptSessionId` (a password changed from that session); returns how many ended.
 */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptSessionId: string | null = null): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptSessionId !== null) query = query.where("id", "!=", exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
