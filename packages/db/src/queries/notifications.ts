import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

/**
 * The active people of these roles who act for an organisation (their own, or one granted to them)
 * and have not turned this kind of notification off (`kind` null: an email nobody can turn off).
 */
export async function notificationRecipients(db: Kysely<Database>, query: { organisationCode: string; roles: readonly string[]; kind: string | null }): Promise<Recipient[]> {
  if (query.roles.length === 0) return [];
  const rows = await db
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.display_name"])
    .where("u.disabled_at", "is", null)
    .where("u.role", "in", [...query.roles])
    .where((eb) =>
      eb.or([
        eb("u.organisation_code", "=", query.organisationCode),
        eb.exists(eb.selectFrom("user_organisations as uo").select("uo.user_id").whereRef("uo.user_id", "=", "u.id").where("uo.organisation_code", "=", query.organisationCode)),
      ]),
    )
    .$if(query.kind !== null, (q) =>
      q.where((eb) => eb.not(eb.exists(eb.selectFrom("notification_opt_outs as o").select("o.user_id").whereRef("o.user_id", "=", "u.id").where("o.kind", "=", query.kind!)))),
    )
    .orderBy("u.email")
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.display_name }));
}

/** Whether a person has turned this kind off. */
export async function hasOptedOut(db: Kysely<Database>, userId: string, kind: string): Promise<boolean> {
  const row = await db.selectFrom("notification_opt_outs").select("user_id").where("user_id", "=", userId).where("kind", "=", kind).executeTakeFirst();
  return row !== undefined;
}

export async function listOptOuts(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("notification_opt_outs").select("kind").where("user_id", "=", userId).orderBy("kind").execute();
  return rows.map((r) => r.kind);
}

/** Replaces the kinds a person has turned off. Call inside a transaction. */
export async function replaceOptOuts(db: Kysely<Database>, userId: string, kinds: readonly string[], now: string): Promise<void> {
  await db.deleteFrom("notification_opt_outs").where("user_id", "=", userId).execute();
  if (kinds.length > 0) await db.insertInto("notification_opt_outs").values(kinds.map((kind) => ({ user_id: userId, kind, created_at: now }))).execute();
}
