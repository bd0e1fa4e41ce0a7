import { randomUUID } from "node:crypto";
import { listCurrentReturns, type AuditChange, type BulkReturn, type Database, type Kysely } from "@complaints/db";
import type { FieldValue } from "@complaints/domain";
import { diffValues } from "../returns.ts";
import type { ImportOptions, ReturnsScreener } from "./report.ts";
import { valuesOf, type CheckedRow } from "./rows.ts";

/** A return to write, with the changes its audit entry records. */
export interface PlannedReturn extends BulkReturn {
  /** The revision number, then each field set or changed, old and new (built when written). */
  readonly changes: AuditChange[];
}

export interface ImportPlan {
  items: PlannedReturn[];
  unchanged: number;
}

function sameValues(a: Readonly<Record<string, FieldValue>>, b: Readonly<Record<string, FieldValue>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

/**
 * Compares checked rows with the stored returns: the same figures change nothing; different figures
 * for an existing return become a new revision only with `revise`, and only of an accepted return.
 */
export async function planImport(db: Kysely<Database>, rows: readonly CheckedRow[], options: Pick<ImportOptions, "revise">, problems: ReturnsScreener): Promise<ImportPlan> {
  problems.ran("stored returns");
  const codes = [...new Set(rows.map((r) => r.organisation.code))];
  const indexes = rows.map((r) => r.periodIndex);
  const existing = new Map(
    (await listCurrentReturns(db, codes, Math.min(...indexes), Math.max(...indexes))).map((r) => [`${r.organisationCode}|${r.period}`, r]),
  );
  const items: PlannedReturn[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const before = existing.get(`${row.organisation.code}|${row.period}`);
    if (before && sameValues(before.values, valuesOf(row))) {
      unchanged += 1;
      continue;
    }
    if (before && !options.revise) {
      problems.fail("stored returns", { row: row.line, column: null, message: `${row.organisation.code} already has a return for ${row.period} with different figures. Run the import with --revise to record these as a new revision.` });
      continue;
    }
    if (before && before.status !== "accepted") {
      problems.fail("stored returns", { row: row.line, column: null, message: `${row.organisation.code}'s return for ${row.period} is ${before.status}; only accepted returns can be revised by an import.` });
      continue;
    }
    const revision = before ? before.revision + 1 : 1;
    items.push({
      returnId: before?.returnId ?? randomUUID(),
      revisionId: randomUUID(),
      organisationCode: row.organisation.code,
      period: row.period,
      periodIndex: row.periodIndex,
      revision,
      templateVersion: row.templateVersion,
      status: "accepted",
      // Built when written, a batch at a time, to keep memory flat.
      get values() {
        return valuesOf(row);
      },
      // A revision names each field changed with its old and new value. A new return names the
      // fields it sets; their values are its first revision's, kept for ever, so the audit log does
      // not hold a second copy of every imported figure (measured by `pnpm bench`).
      get changes() {
        const values = valuesOf(row);
        return before
          ? [{ field: "revision", old: before.revision, new: revision }, ...diffValues(before.values, values)]
          : [{ field: "revision", old: null, new: revision }, { field: "fields", old: null, new: Object.keys(values).sort() }];
      },
      notes: {},
      existing: before !== undefined,
    });
  }
  return { items, unchanged };
}
