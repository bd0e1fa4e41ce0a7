import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// A case upload records the quarter it was started for (a new upload for the same quarter replaces
// the person's unfinished one), which request is finishing it (so a second finish of the same upload,
// a double click, waits for the first instead of reading a file the first has just removed), and,
// once its cases are stored or it is refused, the outcome: the chunks go, and the row stays until the
// daily sweep, holding the import's result (figures and counts, never the file's contents).
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema.alterTable("case_uploads").addColumn("period", "text").execute();
  await db.schema.alterTable("case_uploads").addColumn("finishing_since", "text").execute();
  await db.schema.alterTable("case_uploads").addColumn("finished_at", "text").execute();
  await db.schema.alterTable("case_uploads").addColumn("result", "text").execute();
  await db.schema.createIndex("case_uploads_organisation").on("case_uploads").columns(["organisation_code", "user_id"]).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex("case_uploads_organisation").execute();
  for (const column of ["result", "finished_at", "finishing_since", "period"]) await db.schema.alterTable("case_uploads").dropColumn(column).execute();
}
