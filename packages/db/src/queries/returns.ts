import { isMarker, type FieldValue, type ReturnStatus } from "@complaints/domain";
import { CompiledQuery, PostgresAdapter, sql, type Kysely } from "kysely";
import type { Database, ReturnRevisionRow, ReturnValueRow } from "../schema.ts";

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
  firstSubmittedAt: string | null;
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
}

export interface StoredRevision extends RevisionMeta {
  values: Record<string, FieldValue>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}

type Values = Readonly<Record<string, FieldValue>>;
type Notes = Readonly<Record<string, string>>;

/** One row per non-blank value. A number goes in num_value, a marker in marker, text in text_value. */
export function valuesToRows(revisionSeq: number, values: Values, notes: Notes = {}): ReturnValueRow[] {
  const rows: ReturnValueRow[] = [];
  for (const [field, value] of Object.entries(values)) {
    const note = notes[field] ?? null;
    if (value === null || value === undefined) {
      if (note !== null) rows.push({ revision_seq: revisionSeq, field_id: field, num_value: null, text_value: null, marker: null, note });
      continue;
    }
    rows.push({
      revision_seq: revisionSeq,
      field_id: field,
      num_value: typeof value === "number" ? value : null,
      text_value: typeof value === "string" && !isMarker(value) ? value : null,
      marker: isMarker(value) ? value : null,
      note,
    });
  }
  return rows;
}

export function rowsToValues(rows: readonly Pick<ReturnValueRow, "field_id" | "num_value" | "text_value" | "marker" | "note">[]) {
  const values: Record<string, FieldValue> = {};
  const notes: Record<string, string> = {};
  for (const r of rows) {
    values[r.field_id] = r.marker ?? (r.num_value !== null ? Number(r.num_value) : r.text_value);
    if (r.note !== null) notes[r.field_id] = r.note;
  }
  return { values, notes };
}

// SQLite allows 32,766 bound parameters: 6 columns × 2,000 rows fits.
const valueBatch = 2000;
// PostgreSQL takes whole columns as arrays, so a batch is one statement of six parameters.
const postgresValueBatch = 50_000;

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const valueColumns = "(revision_seq, field_id, num_value, text_value, marker, note)";

/**
 * Inserts value rows in bulk. The statements are written once here rather than built through the
 * query builder, because the import sends 1.6 million rows through this function: PostgreSQL gets
 * each column as one array (`unnest`), SQLite a cached multi-row statement per batch size.
 */
export async function insertValues(db: Kysely<Database>, rows: readonly ReturnValueRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(db)) {
    for (let i = 0; i < rows.length; i += postgresValueBatch) {
      const batch = rows.slice(i, i + postgresValueBatch);
      await db.executeQuery(
        CompiledQuery.raw(
          `insert into return_values ${valueColumns} select * from unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[])`,
          [
            batch.map((r) => r.revision_seq),
            batch.map((r) => r.field_id),
            batch.map((r) => r.num_value),
            batch.map((r) => r.text_value),
            batch.map((r) => r.marker),
            batch.map((r) => r.note),
          ],
        ),
      );
    }
    return;
  }
  for (let i = 0; i < rows.length; i += valueBatch) {
    const batch = rows.slice(i, i + valueBatch);
    const parameters: unknown[] = [];
    for (const r of batch) parameters.push(r.revision_seq, r.field_id, r.num_value, r.text_value, r.marker, r.note);
    await db.executeQuery(CompiledQuery.raw(`insert into return_values ${valueColumns} values ${sqlitePlaceholders(batch.length)}`, parameters));
  }
}

const placeholderCache = new Map<number, string>();
function sqlitePlaceholders(rows: number): string {
  let text = placeholderCache.get(rows);
  if (!text) {
    text = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
    placeholderCache.set(rows, text);
  }
  return text;
}

/** Refreshes the planner's statistics after a bulk load, so the next queries use the indexes. */
export async function analyse(db: Kysely<Database>): Promise<void> {
  await db.executeQuery(CompiledQuery.raw("analyze"));
}

export async function replaceValues(db: Kysely<Database>, revisionSeq: number, values: Values, notes: Notes): Promise<void> {
  await db.deleteFrom("return_values").where("revision_seq", "=", revisionSeq).execute();
  await insertValues(db, valuesToRows(revisionSeq, values, notes));
}

function toMeta(r: ReturnRevisionRow & { organisation_code: string; period: string; current_revision: number; first_submitted_at: string | null }): RevisionMeta {
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
    firstSubmittedAt: r.first_submitted_at,
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
  };
}

function revisionQuery(db: Kysely<Database>) {
  return db
    .selectFrom("return_revisions")
    .innerJoin("returns", "returns.id", "return_revisions.return_id")
    .selectAll("return_revisions")
    .select(["returns.organisation_code", "returns.period", "returns.current_revision", "returns.first_submitted_at"]);
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

/** One revision with its values (the current one when `revision` is not given). */
export async function loadRevision(db: Kysely<Database>, returnId: string, revision?: number): Promise<StoredRevision | undefined> {
  let query = revisionQuery(db).where("return_revisions.return_id", "=", returnId);
  query =
    revision === undefined
      ? query.whereRef("return_revisions.revision", "=", "returns.current_revision")
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
      decided_at: null,
      decided_by: null,
      return_reason: null,
      reopen_reason: r.reopenReason ?? null,
    })
    .returning("seq")
    .executeTakeFirstOrThrow();
  await db.updateTable("returns").set({ current_revision: r.revision }).where("id", "=", r.returnId).execute();
  await insertValues(db, valuesToRows(Number(seq), r.values, r.notes));
}

export async function insertReturn(
  db: Kysely<Database>,
  r: { id: string; organisationCode: string; period: string; periodIndex: number; now: string; firstSubmittedAt?: string | null },
): Promise<void> {
  await db
    .insertInto("returns")
    .values({
      id: r.id,
      organisation_code: r.organisationCode,
      period: r.period,
      period_index: r.periodIndex,
      current_revision: 1,
      first_submitted_at: r.firstSubmittedAt ?? null,
      created_at: r.now,
    })
    .execute();
}

export type RevisionPatch = Partial<
  Pick<
    ReturnRevisionRow,
    "status" | "submitted_at" | "submitted_by" | "approved_at" | "approved_by" | "decided_at" | "decided_by" | "return_reason" | "explanations"
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

export async function markFirstSubmitted(db: Kysely<Database>, returnId: string, at: string): Promise<void> {
  await db.updateTable("returns").set({ first_submitted_at: at }).where("id", "=", returnId).where("first_submitted_at", "is", null).execute();
}

export interface CurrentReturn {
  returnId: string;
  organisationCode: string;
  period: string;
  periodIndex: number;
  revision: number;
  status: ReturnStatus;
  /** Set when the department accepted or returned this revision (an approver's send-back leaves it empty). */
  decidedBy: string | null;
  firstSubmittedAt: string | null;
  values: Record<string, FieldValue>;
}

/**
 * The current revision of every return of the given organisations between two quarters (inclusive,
 * by period index), with values: two queries however many returns. With `latestWith`, each return's
 * latest revision in one of those statuses instead, so an accepted return reopened for correction
 * still counts with its accepted figures until the correction is submitted.
 */
export async function listCurrentReturns(
  db: Kysely<Database>,
  organisationCodes: readonly string[],
  fromIndex: number,
  toIndex: number,
  options: { latestWith?: readonly ReturnStatus[]; withValues?: boolean } = {},
): Promise<CurrentReturn[]> {
  if (organisationCodes.length === 0) return [];
  const statuses = options.latestWith;
  const heads = db
    .selectFrom("returns")
    .innerJoin("return_revisions", (j) =>
      statuses
        ? j.onRef("return_revisions.return_id", "=", "returns.id").on("return_revisions.revision", "=", (eb) =>
            eb
              .selectFrom("return_revisions as latest")
              .select((s) => s.fn.max("latest.revision").as("revision"))
              .whereRef("latest.return_id", "=", "returns.id")
              .where("latest.status", "in", statuses),
          )
        : j.onRef("return_revisions.return_id", "=", "returns.id").onRef("return_revisions.revision", "=", "returns.current_revision"),
    )
    .select([
      "returns.id as return_id",
      "returns.organisation_code",
      "returns.period",
      "returns.period_index",
      "returns.first_submitted_at",
      "return_revisions.seq as revision_seq",
      "return_revisions.revision",
      "return_revisions.status",
      "return_revisions.decided_by",
    ])
    .where("returns.organisation_code", "in", organisationCodes)
    .where("returns.period_index", ">=", fromIndex)
    .where("returns.period_index", "<=", toIndex);
  const headRows = (await heads.execute()).sort(
    (a, b) => (a.organisation_code < b.organisation_code ? -1 : a.organisation_code > b.organisation_code ? 1 : 0) || Number(a.period_index) - Number(b.period_index),
  );
  if (headRows.length === 0) return [];
  const byRevision = new Map<number, CurrentReturn>();
  for (const h of headRows) {
    byRevision.set(Number(h.revision_seq), {
      returnId: h.return_id,
      organisationCode: h.organisation_code,
      period: h.period,
      periodIndex: Number(h.period_index),
      revision: Number(h.revision),
      status: h.status,
      decidedBy: h.decided_by,
      firstSubmittedAt: h.first_submitted_at,
      values: {},
    });
  }
  if (options.withValues === false) return [...byRevision.values()];
  // Values come back as one JSON object per revision, built by the database: far fewer rows and
  // objects to create than a row per value (measured by `pnpm bench`).
  const revisionIds = [...byRevision.keys()];
  const aggregate = isPostgres(db)
    ? sql<string | Record<string, FieldValue>>`json_object_agg(field_id, coalesce(to_jsonb(marker), to_jsonb(num_value), to_jsonb(text_value)))`
    : sql<string | Record<string, FieldValue>>`json_group_object(field_id, coalesce(marker, num_value, text_value))`;
  for (let i = 0; i < revisionIds.length; i += 5000) {
    const rows = await db
      .selectFrom("return_values")
      .select(["revision_seq", aggregate.as("values")])
      .where("revision_seq", "in", revisionIds.slice(i, i + 5000))
      .where((eb) => eb.or([eb("marker", "is not", null), eb("num_value", "is not", null), eb("text_value", "is not", null)]))
      .groupBy("revision_seq")
      .execute();
    for (const row of rows) {
      const target = byRevision.get(Number(row.revision_seq));
      if (target) target.values = typeof row.values === "string" ? (JSON.parse(row.values) as Record<string, FieldValue>) : row.values;
    }
  }
  return [...byRevision.values()];
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
          first_submitted_at: null,
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
    if (pending.length >= valueBatch * 5) {
      await insertValues(db, pending);
      pending = [];
      onProgress?.(n + 1, items.length);
    }
  }
  await insertValues(db, pending);
  onProgress?.(items.length, items.length);
}
