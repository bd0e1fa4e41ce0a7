import type { Kysely, SelectQueryBuilder } from "kysely";
import type { AuditLogRow, Database } from "../schema.ts";

export interface AuditChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  at: string;
  actorUserId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationCode: string | null;
  changes: readonly AuditChange[];
  reason: string | null;
}

/** Appends to the audit log. The database refuses updates and deletes of it (see the initial migration). */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await appendAuditMany(db, [entry]);
}

export async function appendAuditMany(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db
      .insertInto("audit_log")
      .values(
        entries.slice(i, i + 500).map((e) => ({
          at: e.at,
          actor_user_id: e.actorUserId,
          actor: e.actor,
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          organisation_code: e.organisationCode,
          changes: JSON.stringify(e.changes),
          reason: e.reason,
        })),
      )
      .execute();
  }
}

export async function listAudit(db: Kysely<Database>, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
  return rows.map(toAuditEntry);
}

function toAuditEntry(r: AuditLogRow): AuditEntry & { id: number } {
  return {
    id: Number(r.id),
    at: r.at,
    actorUserId: r.actor_user_id,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    organisationCode: r.organisation_code,
    changes: JSON.parse(r.changes) as AuditChange[],
    reason: r.reason,
  };
}

/** What the audit log can be narrowed to; every part optional but the organisations in the reader's scope. */
export interface AuditFilter {
  /** Entries about these organisations only (the reader's scope). */
  organisationCodes: readonly string[];
  organisationCode?: string | undefined;
  /** The email address of whoever acted ("cli" for the command line). */
  actor?: string | undefined;
  returnId?: string | undefined;
  action?: string | undefined;
  /** Dates (YYYY-MM-DD), both included. */
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Kysely<Database>, f: AuditFilter): SelectQueryBuilder<Database, "audit_log", object> {
  let q = db.selectFrom("audit_log").where("organisation_code", "in", f.organisationCodes.length > 0 ? [...f.organisationCodes] : [""]);
  if (f.organisationCode) q = q.where("organisation_code", "=", f.organisationCode);
  if (f.actor) q = q.where("actor", "=", f.actor.toLowerCase());
  if (f.returnId) q = q.where("entity_type", "=", "return").where("entity_id", "=", f.returnId);
  if (f.action) q = q.where("action", "=", f.action);
  // Timestamps are ISO-8601 text in UTC, so text comparison orders them.
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<", `${f.to}T99`);
  return q;
}

/** One page of the audit log, newest first, and how many entries match in all. */
export async function searchAudit(db: Kysely<Database>, f: AuditFilter, page: { offset: number; limit: number }): Promise<{ entries: (AuditEntry & { id: number })[]; total: number }> {
  const count = await filtered(db, f).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await filtered(db, f).selectAll().orderBy("id", "desc").offset(page.offset).limit(page.limit).execute();
  return { entries: rows.map(toAuditEntry), total: Number(count.n) };
}

/** The kinds of entry (`window.opened`, `return.submit`, …) found about these organisations, for the log's filter. */
export async function auditActions(db: Kysely<Database>, organisationCodes: readonly string[]): Promise<string[]> {
  const rows = await filtered(db, { organisationCodes }).select("action").distinct().execute();
  return rows.map((r) => r.action).sort();
}
