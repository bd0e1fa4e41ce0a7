import { analyse, appendAuditMany, insertReturnsInBulk, type Database, type Kysely } from "@complaints/db";
import type { PlannedReturn } from "./plan.ts";
import type { ImportOptions } from "./report.ts";

/**
 * Writes planned returns and their audit entries in one transaction: if anything fails, nothing
 * is left behind.
 */
export async function writeImport(db: Kysely<Database>, items: readonly PlannedReturn[], options: ImportOptions): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertReturnsInBulk(trx, items, options.actor, options.now, (done, total) => options.onProgress?.("writing", done, total));
    await appendAuditMany(
      trx,
      items.map((i) => ({
        at: options.now,
        actorUserId: null,
        actor: options.actor,
        action: i.existing ? "return.revisedByImport" : "return.imported",
        entityType: "return",
        entityId: i.returnId,
        organisationCode: i.organisationCode,
        // A getter, so each entry's changes are built only as its batch is written.
        get changes() {
          return i.changes;
        },
        reason: "Loaded from a CSV file",
      })),
    );
  });
  // Fresh statistics after a large load, so the planner does not keep treating the tables as small.
  if (items.length > 1000) await analyse(db);
}
