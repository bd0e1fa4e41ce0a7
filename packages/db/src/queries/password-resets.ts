import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export async function insertPasswordReset(db: Kysely<Database>, reset: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto("password_resets").values({ token_hash: reset.tokenHash, user_id: reset.userId, created_at: reset.createdAt, expires_at: reset.expiresAt }).execute();
}

export async function findPasswordReset(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom("password_resets").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Marks a link used if it still was unused; false if another request used it first. */
export async function usePasswordReset(db: Kysely<Database>, tokenHash: string, now: string): Promise<boolean> {
  const result = await db.updateTable("password_resets").set({ used_at: now }).where("token_hash", "=", tokenHash).where("used_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Links asked for this person since `since`, for throttling. */
export async function countPasswordResetsSince(db: Kysely<Database>, userId: string, since: string): Promise<number> {
  const row = await db.selectFrom("password_resets").select((eb) => eb.fn.countAll<number | string>().as("n")).where("user_id", "=", userId).where("created_at", ">", since).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new password ends every other link the person had. */
export async function endPasswordResets(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db.updateTable("password_resets").set({ used_at: now }).where("user_id", "=", userId).where("used_at", "is", null).execute();
}
