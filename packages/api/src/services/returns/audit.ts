import { appendAudit, type AuditChange, type Database, type Kysely } from "@complaints/db";
import type { FieldValue, ReturnValues } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";

/**
 * Runs `work` in a transaction, or in the caller's when `db` is one already: the case import opens
 * and saves a draft inside its own transaction, so a refused file leaves no draft behind.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function audit(db: Kysely<Database>, ctx: ServiceContext, action: string, returnId: string, organisationCode: string, changes: AuditChange[], reason: string | null) {
  return appendAudit(db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action,
    entityType: "return",
    entityId: returnId,
    organisationCode,
    changes,
    reason,
  });
}

/** Field-by-field changes between two sets of values (for the audit log and revision differences). */
export function diffValues(before: ReturnValues, after: ReturnValues): AuditChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => (before[f] ?? null) !== (after[f] ?? null))
    .map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

/** A figure an upload or import changes (or would), as people read it. */
export interface FigureChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

/** The figures that differ between two sets of values, in the template's order, each with its label. */
export function figureChanges(before: ReturnValues, after: ReturnValues, fields: readonly { id: string; label: string }[]): FigureChange[] {
  const order = new Map(fields.map((f, i) => [f.id, i]));
  const labels = new Map(fields.map((f) => [f.id, f.label]));
  return diffValues(before, after)
    .sort((a, b) => (order.get(a.field) ?? Infinity) - (order.get(b.field) ?? Infinity))
    .map((c) => ({ field: c.field, label: labels.get(c.field) ?? c.field, from: c.old as FieldValue, to: c.new as FieldValue }));
}

export function prefixKeys(prefix: string, record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}
