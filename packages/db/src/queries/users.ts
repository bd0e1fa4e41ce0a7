import type { Kysely } from "kysely";
import type { Database, UserRow } from "../schema.ts";

export interface NewUser {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: string;
  organisationCode: string;
}

export async function insertUser(db: Kysely<Database>, user: NewUser, now: string): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      organisation_code: user.organisationCode,
      created_at: now,
      disabled_at: null,
    })
    .execute();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Lets a user act for another body besides their own; granting it twice changes nothing. */
export async function grantUserOrganisation(db: Kysely<Database>, userId: string, organisationCode: string, now: string): Promise<void> {
  await db.insertInto("user_organisations").values({ user_id: userId, organisation_code: organisationCode, granted_at: now }).onConflict((oc) => oc.columns(["user_id", "organisation_code"]).doNothing()).execute();
}

/** The other bodies a user acts for, by code. */
export async function listUserOrganisations(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("user_organisations").select("organisation_code").where("user_id", "=", userId).orderBy("organisation_code").execute();
  return rows.map((r) => r.organisation_code);
}

/** The names and emails of these people, by id, for naming who did what. */
export async function listUserNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, { name: string; email: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name", "email"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, { name: r.display_name, email: r.email }]));
}

export async function setUserPassword(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

/** Every account whose own organisation, or another body it acts for, is one of these. */
export async function listUsersOf(db: Kysely<Database>, organisationCodes: readonly string[]): Promise<UserRow[]> {
  if (organisationCodes.length === 0) return [];
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb.or([eb("organisation_code", "in", organisationCodes), eb("id", "in", eb.selectFrom("user_organisations").select("user_id").where("organisation_code", "in", organisationCodes))]))
    .orderBy("display_name")
    .orderBy("email")
    .execute();
}

/** Every other body each of these users acts for. */
export async function listUserOrganisationsOf(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom("user_organisations").select(["user_id", "organisation_code"]).where("user_id", "in", [...new Set(userIds)]).orderBy("organisation_code").execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.organisation_code]);
  return out;
}

/** Stops a user acting for another body; false if they did not. */
export async function revokeUserOrganisation(db: Kysely<Database>, userId: string, organisationCode: string): Promise<boolean> {
  const result = await db.deleteFrom("user_organisations").where("user_id", "=", userId).where("organisation_code", "=", organisationCode).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A user's other bodies end when their role becomes a department's, which covers every body. */
export async function revokeAllUserOrganisations(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom("user_organisations").where("user_id", "=", userId).execute();
}

export async function setUserRole(db: Kysely<Database>, userId: string, role: string, organisationCode: string): Promise<void> {
  await db.updateTable("users").set({ role, organisation_code: organisationCode }).where("id", "=", userId).execute();
}

/** Deactivated (`disabledAt` set) or active again (null). */
export async function setUserDisabled(db: Kysely<Database>, userId: string, disabledAt: string | null): Promise<void> {
  await db.updateTable("users").set({ disabled_at: disabledAt }).where("id", "=", userId).execute();
}
