import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// A "you said, we did" summary is published only once the body's senior accountable officer has
// approved it (DESIGN.md section 2): who approved it (user id, and their name as shown then) and
// when. Plans ticked publishable before this existed are not approved: nothing stays public
// without the accountable officer.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const column of ["publication_approved_by", "publication_approved_by_name", "publication_approved_at"]) {
    await db.schema.alterTable("action_plans").addColumn(column, "text").execute();
  }
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const column of ["publication_approved_at", "publication_approved_by_name", "publication_approved_by"]) {
    await db.schema.alterTable("action_plans").dropColumn(column).execute();
  }
}
