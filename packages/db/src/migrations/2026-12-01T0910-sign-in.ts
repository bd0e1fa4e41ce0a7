import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// Failed sign-ins are now limited per client address as well as per account (OWASP Credential
// Stuffing Prevention Cheat Sheet), and old rows are deleted by time, so both need an index.
// Rows from before this migration have no address: they count for the account only, and age out.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("sign_in_failures").addColumn("client_address", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.createIndex("sign_in_failures_address_at").on("sign_in_failures").columns(["client_address", "at"]).execute();
  await db.schema.createIndex("sign_in_failures_at").on("sign_in_failures").column("at").execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex("sign_in_failures_at").execute();
  await db.schema.dropIndex("sign_in_failures_address_at").execute();
  await db.schema.alterTable("sign_in_failures").dropColumn("client_address").execute();
}
