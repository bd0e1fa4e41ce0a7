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

/** The user behind a live session, or undefined if it has expired or the account is disabled. */
export async function findSessionUser(db: Kysely<Database>, sessionId: string, now: string): Promise<(UserRow & { session_last_seen_at: string }) | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select("sessions.last_seen_at as session_last_seen_at")
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now)
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

export async function recordSignInFailure(db: Kysely<Database>, email: string, at: string): Promise<void> {
  await db.insertInto("sign_in_failures").values({ email: email.trim().toLowerCase(), at }).execute();
}

export async function countSignInFailuresSince(db: Kysely<Database>, email: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email.trim().toLowerCase())
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function clearSignInFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("email", "=", email.trim().toLowerCase()).execute();
}
