import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// A department's administrator may give one body a later due date for a quarter, with a reason
// (a body hit by an outage, say): one row per body and quarter, beside the window's own date. The
// audit log's filters (organisation, person, date) get indexes so its page stays quick as it grows.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("window_extensions")
    .addColumn("department_code", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("extended_at", "text", (c) => c.notNull())
    .addColumn("extended_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("window_extensions_pk", ["period", "organisation_code"])
    .execute();
  await db.schema.createIndex("audit_log_organisation_at").on("audit_log").columns(["organisation_code", "at"]).execute();
  await db.schema.createIndex("audit_log_actor").on("audit_log").columns(["actor"]).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex("audit_log_actor").execute();
  await db.schema.dropIndex("audit_log_organisation_at").execute();
  await db.schema.dropTable("window_extensions").execute();
}
