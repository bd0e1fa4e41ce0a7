import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// A department's administrator invites a person by email with a role for an organisation: the
// account is made when the person follows the one-time link and chooses a name and password. The
// link's token is stored as its SHA-256, as password-reset links are, so a copy of the table cannot
// be used to take an invitation.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("invited_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("invitations_email").on("invitations").column("email").execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable("invitations").execute();
}
