import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

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
  return rows.map((r) => ({
    at: r.at,
    actorUserId: r.actor_user_id,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    organisationCode: r.organisation_code,
    changes: JSON.parse(r.changes) as AuditChange[],
    reason: r.reason,
  }));
}
