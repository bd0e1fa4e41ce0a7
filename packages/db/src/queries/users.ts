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

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
