import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

/**
 * A return's receipt: `first_submitted_at` held the time of the first approval, when the return
 * reaches the department, so it is named for what it is. The due date that applied at that moment
 * is stored beside it, so changing a window's due date later does not re-rate earlier returns
 * (DESIGN.md section 2, workflow: "against the due date that applied then").
 */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("returns").renameColumn("first_submitted_at", "received_at").execute();
  await db.schema.alterTable("returns").addColumn("due_date_at_receipt", "text").execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("returns").dropColumn("due_date_at_receipt").execute();
  await db.schema.alterTable("returns").renameColumn("received_at", "first_submitted_at").execute();
}
