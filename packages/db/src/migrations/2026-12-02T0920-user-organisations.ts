import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// A body's user may act for more than one body (a shared complaints team serving several agencies,
// the organisation switcher): their own organisation stays on `users`, the others are here.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("user_organisations")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_organisations_pk", ["user_id", "organisation_code"])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable("user_organisations").execute();
}
