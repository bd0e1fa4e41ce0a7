import type { Kysely } from "kysely";
import type { Dialect } from "../connection.ts";

// Each person may turn off each kind of notification (invitations and password resets excepted,
// which the service does not offer to turn off). A row is a kind turned off, so a new kind reaches
// everyone until they choose otherwise.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("notification_opt_outs")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_opt_outs_pk", ["user_id", "kind"])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable("notification_opt_outs").execute();
}
