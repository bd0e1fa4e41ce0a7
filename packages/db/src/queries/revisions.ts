import { sentStatuses, type FieldValue, type ReturnStatus } from "@complaints/domain";
import type { Kysely } from "kysely";
import type { Database, ReturnRevisionRow } from "../schema.ts";
import { insertValues, rowsToValues, valuesToRows, type Notes, type Values } from "./return-values.ts";

/**
 * Returns and their revisions: reading one, adding one, and changing one only if nobody else has
 * since (optimistic concurrency, a compare-and-set on `version`).
 */
export interface RevisionMeta {
  id: string;
  /** Integer key of the revision's values. */
  seq: number;
  returnId: string;
  organisationCode: string;
  period: string;
  revision: number;
  currentRevision: number;
  templateVersion: number;
  status: ReturnStatus;
  version: number;
  /** When the return reached the department (its first approval), and the due date that applied then. */
  receivedAt: string | null;
  dueDateAtReceipt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  reopenReason: string | null;
  /** The case import its figures were computed from (its cases lie behind them), if any. */
  caseImportId: string | null;
}

export interface StoredRevision extends RevisionMeta {
  values: Record<string, FieldValue>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}


function toMeta(r: ReturnRevisionRow & { organisation_code: string; period: string; current_revision: number; received_at: string | null; due_date_at_receipt: string | null }): RevisionMeta {
  return {
    id: r.id,
    seq: Number(r.seq),
    returnId: r.return_id,
    organisationCode: r.organisation_code,
    period: r.period,
    revision: Number(r.revision),
    currentRevision: Number(r.current_revision),
    templateVersion: Number(r.template_version),
    status: r.status,
    version: Number(r.version),
    receivedAt: r.received_at,
    dueDateAtReceipt: r.due_date_at_receipt,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    returnReason: r.return_reason,
    reopenReason: r.reopen_reason,
    caseImportId: r.case_import_id,
  };
}

function revisionQuery(db: Kysely<Database>) {
  return db
    .selectFrom("return_revisions")
    .innerJoin("returns", "returns.id", "return_revisions.return_id")
    .selectAll("return_revisions")
    .select(["returns.organisation_code", "returns.period", "returns.current_revision", "returns.received_at", "returns.due_date_at_receipt"]);
}

export async function findReturnId(db: Kysely<Database>, organisationCode: string, period: string): Promise<string | undefined> {
  const row = await db.selectFrom("returns").select("id").where("organisation_code", "=", organisationCode).where("period", "=", period).executeTakeFirst();
  return row?.id;
}

/** All revisions of a return, oldest first, without values. */
export async function listRevisions(db: Kysely<Database>, returnId: string): Promise<RevisionMeta[]> {
  const rows = await revisionQuery(db).where("return_revisions.return_id", "=", returnId).orderBy("return_revisions.revision").execute();
  return rows.map(toMeta);
}

/**
 * One revision with its values: the current one when `revision` is not given, a numbered one,
 * `"sent"`: the last revision sent to the department (domain `sentStatuses`), `"firstSent"`: the
 * first, or `"returned"`: the last one the department returned. A revision the department returns
 * is kept as it was sent (`returned`, with the department's decision) and the body corrects a new
 * revision, so these are the figures the department returned, never the body's unsent edits.
 */
export async function loadRevision(db: Kysely<Database>, returnId: string, revision?: number | "sent" | "firstSent" | "returned"): Promise<StoredRevision | undefined> {
  let query = revisionQuery(db).where("return_revisions.return_id", "=", returnId);
  query =
    revision === undefined
      ? query.whereRef("return_revisions.revision", "=", "returns.current_revision")
      : revision === "sent"
        ? query.where("return_revisions.status", "in", sentStatuses).orderBy("return_revisions.revision", "desc").limit(1)
        : revision === "firstSent"
          ? query.where("return_revisions.status", "in", sentStatuses).orderBy("return_revisions.revision", "asc").limit(1)
          : revision === "returned"
            ? query.where((eb) => eb.and([eb("return_revisions.status", "=", "returned"), eb("return_revisions.decided_by", "is not", null), eb("return_revisions.revision", "<", eb.ref("returns.current_revision"))])).orderBy("return_revisions.revision", "desc").limit(1)
            : query.where("return_revisions.revision", "=", revision);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const valueRows = await db.selectFrom("return_values").selectAll().where("revision_seq", "=", Number(row.seq)).execute();
  return { ...toMeta(row), ...rowsToValues(valueRows), explanations: JSON.parse(row.explanations) as Record<string, string> };
}

export interface NewRevision {
  id: string;
  returnId: string;
  revision: number;
  templateVersion: number;
  status: ReturnStatus;
  values: Values;
  notes: Notes;
  explanations: Notes;
  by: string;
  now: string;
  reopenReason?: string | null;
  caseImportId?: string | null;
  /** A revision opened because the department returned the one before: its decision and reasons, for the body to read. */
  returned?: { at: string; by: string; reason: string } | null;
}

export async function insertRevision(db: Kysely<Database>, r: NewRevision): Promise<void> {
  const { seq } = await db
    .insertInto("return_revisions")
    .values({
      id: r.id,
      return_id: r.returnId,
      revision: r.revision,
      template_version: r.templateVersion,
      status: r.status,
      version: 1,
      explanations: JSON.stringify(r.explanations),
      created_at: r.now,
      created_by: r.by,
      updated_at: r.now,
      updated_by: r.by,
      submitted_at: null,
      submitted_by: null,
      approved_at: null,
      approved_by: null,
      decided_at: r.returned?.at ?? null,
      decided_by: r.returned?.by ?? null,
      return_reason: r.returned?.reason ?? null,
      reopen_reason: r.reopenReason ?? null,
      case_import_id: r.caseImportId ?? null,
    })
    .returning("seq")
    .executeTakeFirstOrThrow();
  await db.updateTable("returns").set({ current_revision: r.revision }).where("id", "=", r.returnId).execute();
  await insertValues(db, valuesToRows(Number(seq), r.values, r.notes));
}

export async function insertReturn(
  db: Kysely<Database>,
  r: { id: string; organisationCode: string; period: string; periodIndex: number; now: string; received?: { at: string; dueDate: string } | null },
): Promise<void> {
  await db
    .insertInto("returns")
    .values({
      id: r.id,
      organisation_code: r.organisationCode,
      period: r.period,
      period_index: r.periodIndex,
      current_revision: 1,
      received_at: r.received?.at ?? null,
      due_date_at_receipt: r.received?.dueDate ?? null,
      created_at: r.now,
    })
    .execute();
}

export type RevisionPatch = Partial<
  Pick<
    ReturnRevisionRow,
    "status" | "submitted_at" | "submitted_by" | "approved_at" | "approved_by" | "decided_at" | "decided_by" | "return_reason" | "explanations" | "case_import_id"
  >
>;

/**
 * Updates a revision only if nobody else has since `expectedVersion` (optimistic concurrency).
 * Returns false when the stored version has moved on; nothing is written then.
 */
export async function updateRevision(
  db: Kysely<Database>,
  revisionId: string,
  expectedVersion: number,
  patch: RevisionPatch & { updated_at: string; updated_by: string },
): Promise<boolean> {
  const result = await db
    .updateTable("return_revisions")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("id", "=", revisionId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records when a return first reached the department and the due date in force then; later approvals leave both as they were. */
export async function markReceived(db: Kysely<Database>, returnId: string, at: string, dueDate: string): Promise<void> {
  await db.updateTable("returns").set({ received_at: at, due_date_at_receipt: dueDate }).where("id", "=", returnId).where("received_at", "is", null).execute();
}

