import { sql, type Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// The department sees a return's cases as they were when it was sent: each import's cases are kept
// as a set (`cases` keyed by import), a revision records the import its figures were computed from,
// and an import records the timescales it was computed with. The body's current cases are those of
// its `current` import; older sets are kept only while a revision that counts refers to them.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("case_imports").addColumn("current", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("case_imports").addColumn("early_resolution_days", "integer").execute();
  await db.schema.alterTable("case_imports").addColumn("closer_look_days", "integer").execute();
  // Until now an import replaced all of a body's cases, so the import of any stored case is its current one.
  await db.updateTable("case_imports").set({ current: 1 }).where("id", "in", db.selectFrom("cases").select("import_id").distinct()).execute();

  // No foreign key: SQLite cannot drop a column that has one (`down`), and imports are never deleted
  // (their rows are the record of each import; only their cases go).
  await db.schema.alterTable("return_revisions").addColumn("case_import_id", "text").execute();
  await linkComputedRevisions(db);

  // Several imports of one body may now hold the same reference: the key becomes the import's.
  // Rebuilt rather than altered, as SQLite cannot change a primary key in place.
  const bigint = dialect === "postgres" ? "bigint" : "integer";
  await db.schema
    .createTable("case_sets")
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
    .addPrimaryKeyConstraint("cases_import_pk", ["import_id", "case_ref"])
    .execute();
  await sql`insert into case_sets select organisation_code, case_ref, received_date, acknowledged_date, stage, escalated_date, closed_date, withdrawn_date, target_date, outcome, themes, service_area, channel, remedies, payment_pence, payment_type, phso_referred_date, import_id from cases`.execute(db);
  await db.schema.dropTable("cases").execute();
  await db.schema.alterTable("case_sets").renameTo("cases").execute();
}

/**
 * Records, on the revisions computed from a body's current import, that import: the import and its
 * "computed from the case file" audit entries share one timestamp (one transaction). The revision
 * computed is the return's last one created by then; later ones (a correction reopened since) carry
 * its figures. Revisions computed from older imports keep none: those cases were replaced.
 */
async function linkComputedRevisions(db: Kysely<any>): Promise<void> {
  const computed = await db
    .selectFrom("audit_log")
    .innerJoin("case_imports", (j) => j.onRef("case_imports.organisation_code", "=", "audit_log.organisation_code").onRef("case_imports.imported_at", "=", "audit_log.at"))
    .select(["audit_log.entity_id as return_id", "audit_log.at", "case_imports.id as import_id"])
    .where("audit_log.action", "=", "return.computedFromCases")
    .where("case_imports.current", "=", 1)
    .execute();
  for (const c of computed as { return_id: string; at: string; import_id: string }[]) {
    const last = await db.selectFrom("return_revisions").select((eb) => eb.fn.max("revision").as("revision")).where("return_id", "=", c.return_id).where("created_at", "<=", c.at).executeTakeFirst();
    if (last?.revision === null || last?.revision === undefined) continue;
    await db.updateTable("return_revisions").set({ case_import_id: c.import_id }).where("return_id", "=", c.return_id).where("revision", ">=", Number(last.revision)).execute();
  }
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === "postgres" ? "bigint" : "integer";
  // Back to one set of cases per body: its current import's.
  await db.schema
    .createTable("case_rows")
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
  await sql`insert into case_rows select c.organisation_code, c.case_ref, c.received_date, c.acknowledged_date, c.stage, c.escalated_date, c.closed_date, c.withdrawn_date, c.target_date, c.outcome, c.themes, c.service_area, c.channel, c.remedies, c.payment_pence, c.payment_type, c.phso_referred_date, c.import_id from cases c inner join case_imports i on i.id = c.import_id where i.current = 1`.execute(db);
  await db.schema.dropTable("cases").execute();
  await db.schema.alterTable("case_rows").renameTo("cases").execute();
  await db.schema.alterTable("return_revisions").dropColumn("case_import_id").execute();
  await db.schema.alterTable("case_imports").dropColumn("closer_look_days").execute();
  await db.schema.alterTable("case_imports").dropColumn("early_resolution_days").execute();
  await db.schema.alterTable("case_imports").dropColumn("current").execute();
}
