import type { ReturnStatus } from "@complaints/domain";
import { CompiledQuery, type Kysely } from "kysely";
import type { Database, ReturnValueRow } from "../schema.ts";
import { insertValues, valuesToRows, type Notes, type Values } from "./return-values.ts";

// Value rows gathered before each bulk insert.
const pendingRows = 10_000;

/** Refreshes the planner's statistics after a bulk load, so the next queries use the indexes. */
export async function analyse(db: Kysely<Database>): Promise<void> {
  await db.executeQuery(CompiledQuery.raw("analyze"));
}


export interface BulkReturn {
  returnId: string;
  revisionId: string;
  organisationCode: string;
  period: string;
  periodIndex: number;
  revision: number;
  templateVersion: number;
  status: ReturnStatus;
  values: Values;
  notes: Notes;
  /** True when the return row exists already and this adds a revision to it. */
  existing: boolean;
}

/**
 * Writes many returns at once (the CSV import): multi-row inserts in batches, so 16,000 returns take
 * a few hundred statements rather than a hundred thousand. Call inside a transaction.
 */
export async function insertReturnsInBulk(db: Kysely<Database>, items: readonly BulkReturn[], by: string, now: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const fresh = items.filter((i) => !i.existing);
  for (let i = 0; i < fresh.length; i += 2000) {
    await db
      .insertInto("returns")
      .values(
        fresh.slice(i, i + 2000).map((r) => ({
          id: r.returnId,
          organisation_code: r.organisationCode,
          period: r.period,
          period_index: r.periodIndex,
          current_revision: r.revision,
          received_at: null,
          due_date_at_receipt: null,
          created_at: now,
        })),
      )
      .execute();
  }
  for (const r of items.filter((i) => i.existing)) {
    await db.updateTable("returns").set({ current_revision: r.revision }).where("id", "=", r.returnId).execute();
  }
  const seqs = new Map<string, number>();
  for (let i = 0; i < items.length; i += 1000) {
    const inserted = await db
      .insertInto("return_revisions")
      .values(
        items.slice(i, i + 1000).map((r) => ({
          id: r.revisionId,
          return_id: r.returnId,
          revision: r.revision,
          template_version: r.templateVersion,
          status: r.status,
          version: 1,
          explanations: "{}",
          created_at: now,
          created_by: by,
          updated_at: now,
          updated_by: by,
          submitted_at: null,
          submitted_by: null,
          approved_at: null,
          approved_by: null,
          decided_at: now,
          decided_by: by,
          return_reason: null,
          reopen_reason: r.existing ? "Revised by import" : null,
        })),
      )
      .returning(["id", "seq"])
      .execute();
    for (const row of inserted) seqs.set(row.id, Number(row.seq));
  }
  let pending: ReturnValueRow[] = [];
  for (const [n, r] of items.entries()) {
    pending.push(...valuesToRows(seqs.get(r.revisionId)!, r.values, r.notes));
    if (pending.length >= pendingRows) {
      await insertValues(db, pending);
      pending = [];
      onProgress?.(n + 1, items.length);
    }
  }
  await insertValues(db, pending);
  onProgress?.(items.length, items.length);
}
