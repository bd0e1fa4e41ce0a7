import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// Case-level import. A body's cases are stored so each computed figure can list the
// cases behind it. Data protection: only the pseudonymised reference and coded fields are kept,
// never a name, an address or free text; lists of codes are `;`-joined text, dates `YYYY-MM-DD`
// text, money whole pence. An import replaces all of a body's cases at once.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === "postgres" ? "bigint" : "integer";

  await db.schema
    .createTable("case_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("encoding", "text")
    .execute();
  await db.schema.createIndex("case_imports_organisation").on("case_imports").columns(["organisation_code", "imported_at"]).execute();

  await db.schema
    .createTable("cases")
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("case_ref", "text", (c) => c.notNull())
    .addColumn("received_date", "text", (c) => c.notNull())
    .addColumn("acknowledged_date", "text")
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("escalated_date", "text")
    .addColumn("closed_date", "text")
    .addColumn("withdrawn_date", "text")
    .addColumn("target_date", "text")
    .addColumn("outcome", "text")
    .addColumn("themes", "text", (c) => c.notNull())
    .addColumn("service_area", "text")
    .addColumn("channel", "text")
    .addColumn("remedies", "text", (c) => c.notNull())
    .addColumn("payment_pence", bigint)
    .addColumn("payment_type", "text")
    .addColumn("phso_referred_date", "text")
    .addColumn("import_id", "text", (c) => c.notNull().references("case_imports.id"))
    .addPrimaryKeyConstraint("cases_pk", ["organisation_code", "case_ref"])
    .execute();

  await db.schema
    .createTable("case_mappings")
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_mappings_pk", ["organisation_code", "name"])
    .execute();

  await db.schema
    .createTable("case_settings")
    .addColumn("organisation_code", "text", (c) => c.primaryKey().references("organisations.code"))
    .addColumn("early_resolution_days", "integer", (c) => c.notNull())
    .addColumn("closer_look_days", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();

  // A browser upload arrives in chunks (tRPC requests of at most 512 KiB), kept here until it is
  // finished, so no request is large and the server never holds the whole file.
  await db.schema
    .createTable("case_uploads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("size", bigint, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("case_uploads_created").on("case_uploads").column("created_at").execute();

  await db.schema
    .createTable("case_upload_chunks")
    .addColumn("upload_id", "text", (c) => c.notNull().references("case_uploads.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("case_upload_chunks_pk", ["upload_id", "seq"])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable("case_upload_chunks").execute();
  await db.schema.dropTable("case_uploads").execute();
  await db.schema.dropTable("case_settings").execute();
  await db.schema.dropTable("case_mappings").execute();
  await db.schema.dropTable("cases").execute();
  await db.schema.dropTable("case_imports").execute();
}
