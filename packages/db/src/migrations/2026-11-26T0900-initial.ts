import { sql, type Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// Migrations are typed Kysely<any> so they stay frozen in time (STYLE.md, atproto's PDS).
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const serial = dialect === "postgres" ? "bigserial" : "integer";
  const double = dialect === "postgres" ? "double precision" : "real";

  await db.schema
    .createTable("organisations")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body_type", "text", (c) => c.notNull())
    .addColumn("parent_code", "text", (c) => c.references("organisations.code"))
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("active_from", "text", (c) => c.notNull())
    .addColumn("active_to", "text")
    .addColumn("service_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisations_parent").on("organisations").column("parent_code").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", serial, (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_failures_email_at").on("sign_in_failures").columns(["email", "at"]).execute();

  await db.schema
    .createTable("reporting_windows")
    .addColumn("department_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addPrimaryKeyConstraint("reporting_windows_pk", ["department_code", "period"])
    .execute();

  await db.schema
    .createTable("returns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("period_index", "integer", (c) => c.notNull())
    .addColumn("current_revision", "integer", (c) => c.notNull())
    .addColumn("first_submitted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("returns_organisation_period", ["organisation_code", "period"])
    .execute();
  await db.schema.createIndex("returns_period").on("returns").columns(["period_index", "organisation_code"]).execute();

  // Revisions have a text id for the API and an integer key for their values: the values table is
  // the largest by far, and an integer key makes its index several times cheaper to build and search.
  await db.schema
    .createTable("return_revisions")
    .addColumn("seq", serial, (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("return_id", "text", (c) => c.notNull().references("returns.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("explanations", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("submitted_by", "text")
    .addColumn("approved_at", "text")
    .addColumn("approved_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text")
    .addColumn("return_reason", "text")
    .addColumn("reopen_reason", "text")
    .addUniqueConstraint("return_revisions_return_revision", ["return_id", "revision"])
    .execute();

  // No foreign key here: values are only ever written with their revision in one transaction and
  // revisions are never deleted, while a per-row key check doubled the time of a 1.6-million-row import.
  await db.schema
    .createTable("return_values")
    .addColumn("revision_seq", dialect === "postgres" ? "bigint" : "integer", (c) => c.notNull())
    .addColumn("field_id", "text", (c) => c.notNull())
    .addColumn("num_value", double)
    .addColumn("text_value", "text")
    .addColumn("marker", "text")
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("return_values_pk", ["revision_seq", "field_id"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", serial, (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("organisation_code", "text")
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity_type", "entity_id"]).execute();

  // The audit log is append-only: the database itself refuses to change or remove an entry.
  if (dialect === "postgres") {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("The initial migration cannot be undone; restore from a backup instead.");
}
