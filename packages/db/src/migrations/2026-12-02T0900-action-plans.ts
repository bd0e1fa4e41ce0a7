import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// Learning action plans are records, not counts (DESIGN.md section 2): one row per plan, one per
// review. Lists (complaint references, involvement, themes) are JSON text; dates are `YYYY-MM-DD`
// text, times ISO-8601 text, the publishable flag integer 0/1: the same columns on both databases.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("action_plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_code", "text", (c) => c.notNull().references("organisations.code"))
    .addColumn("failing", "text", (c) => c.notNull())
    .addColumn("source_complaints", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("standards", "text", (c) => c.notNull())
    .addColumn("involvement", "text", (c) => c.notNull())
    .addColumn("involvement_note", "text", (c) => c.notNull())
    .addColumn("kept_informed", "text", (c) => c.notNull())
    .addColumn("monitoring", "text", (c) => c.notNull())
    .addColumn("impact_measure", "text", (c) => c.notNull())
    .addColumn("impact_baseline", "text", (c) => c.notNull())
    .addColumn("impact_target", "text", (c) => c.notNull())
    .addColumn("impact_result", "text", (c) => c.notNull())
    .addColumn("themes", "text", (c) => c.notNull())
    .addColumn("publishable", "integer", (c) => c.notNull())
    .addColumn("public_summary", "text", (c) => c.notNull())
    .addColumn("completed_date", "text")
    .addColumn("verified_by", "text")
    .addColumn("verified_date", "text")
    .addColumn("verification_note", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_plans_organisation_due").on("action_plans").columns(["organisation_code", "due_date"]).execute();

  await db.schema
    .createTable("action_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("action_id", "text", (c) => c.notNull().references("action_plans.id"))
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_by_name", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_reviews_action").on("action_reviews").columns(["action_id", "review_date"]).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable("action_reviews").execute();
  await db.schema.dropTable("action_plans").execute();
}
