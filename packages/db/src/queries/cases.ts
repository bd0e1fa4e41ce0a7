import { sentStatuses } from "@complaints/domain";
import type { Kysely } from "kysely";
import type { CaseDbRow, CaseImportRow, Database } from "../schema.ts";

/** A case as stored, without its organisation and import (every query here is for one import). */
export type StoredCase = Omit<CaseDbRow, "organisation_code" | "import_id">;

const caseColumnCount = 18;
/**
 * Rows per multi-row insert: SQLite allows 32,766 bound values in one statement (PostgreSQL
 * 65,535), so a batch stays under 32,000 whatever the columns.
 */
export const caseInsertBatch = Math.floor(32_000 / caseColumnCount);

/**
 * Makes imports of one organisation's cases wait for each other: a no-op update of its row holds
 * PostgreSQL's row lock until the transaction ends (SQLite allows one writer anyway), so a second
 * import replaces the first's cases instead of colliding with them. Call first in the transaction.
 */
export async function lockOrganisationCases(db: Kysely<Database>, organisationCode: string): Promise<void> {
  await db.updateTable("organisations").set((eb) => ({ updated_at: eb.ref("updated_at") })).where("code", "=", organisationCode).execute();
}

/**
 * Deletes the cases of an organisation's imports that nothing reads any more: all but those of its
 * current import and of any import that a return's current revision, or its last revision sent to
 * the department, was computed from (what the department's drill-down lists). An older sent
 * revision no longer counts, so its cases go: at most one set a return is kept, plus the current
 * one. Call at the end of the import's transaction, once its quarters are written.
 */
export async function deleteUnusedCases(db: Kysely<Database>, organisationCode: string): Promise<void> {
  const used = db
    .selectFrom("return_revisions as r")
    .innerJoin("returns", "returns.id", "r.return_id")
    .select("r.case_import_id")
    .where("returns.organisation_code", "=", organisationCode)
    .where("r.case_import_id", "is not", null)
    .where((eb) =>
      eb.or([
        eb("r.revision", "=", eb.ref("returns.current_revision")),
        eb(
          "r.revision",
          "=",
          eb
            .selectFrom("return_revisions as sent")
            .select((s) => s.fn.max("sent.revision").as("revision"))
            .whereRef("sent.return_id", "=", "r.return_id")
            .where("sent.status", "in", sentStatuses),
        ),
      ]),
    )
    .$narrowType<{ case_import_id: string }>();
  const unused = db.selectFrom("case_imports").select("id").where("organisation_code", "=", organisationCode).where("current", "=", 0).where("id", "not in", used);
  await db.deleteFrom("cases").where("import_id", "in", unused).execute();
}

/** Inserts cases in batches of at most `caseInsertBatch` rows. */
async function insertCases(db: Kysely<Database>, organisationCode: string, importId: string, cases: readonly StoredCase[]): Promise<void> {
  for (let i = 0; i < cases.length; i += caseInsertBatch) {
    await db
      .insertInto("cases")
      .values(cases.slice(i, i + caseInsertBatch).map((c) => ({ ...c, organisation_code: organisationCode, import_id: importId })))
      .execute();
  }
}

/**
 * Collects cases and inserts them a batch at a time, for a file read as a stream: memory holds one
 * batch, never the file. Call `flush()` at the end.
 */
export function caseWriter(db: Kysely<Database>, organisationCode: string, importId: string) {
  let pending: StoredCase[] = [];
  return {
    /** Queues a case; a promise only when a full batch is being written (the reader waits for it). */
    add(c: StoredCase): Promise<void> | undefined {
      pending.push(c);
      return pending.length >= caseInsertBatch ? this.flush() : undefined;
    },
    async flush(): Promise<void> {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      await insertCases(db, organisationCode, importId, batch);
    },
  };
}

/**
 * The cases of an import that can count towards any figure of the quarter from `start` to `end`
 * (inclusive `YYYY-MM-DD`): received by its end, and still open at its start, or ended (closed or
 * withdrawn) or referred to the Ombudsman in or after it. A superset, so a figure's drill-down reads
 * a quarter's cases rather than a body's whole history.
 */
export async function listCasesForQuarter(db: Kysely<Database>, importId: string, start: string, end: string): Promise<StoredCase[]> {
  const rows = await db
    .selectFrom("cases")
    .selectAll()
    .where("import_id", "=", importId)
    .where("received_date", "<=", end)
    .where((eb) =>
      eb.or([
        eb.and([eb.or([eb("closed_date", "is", null), eb("closed_date", ">=", start)]), eb.or([eb("withdrawn_date", "is", null), eb("withdrawn_date", ">=", start)])]),
        eb("phso_referred_date", ">=", start),
      ]),
    )
    .orderBy("case_ref")
    .execute();
  return rows.map(({ organisation_code: _o, import_id: _i, ...c }) => ({ ...c, payment_pence: c.payment_pence === null ? null : Number(c.payment_pence) }));
}

/** How many cases of an import are stored. */
export async function countCases(db: Kysely<Database>, importId: string): Promise<number> {
  const row = await db.selectFrom("cases").select((eb) => eb.fn.countAll<number>().as("n")).where("import_id", "=", importId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface CaseImportRecord {
  id: string;
  organisationCode: string;
  importedBy: string;
  importedAt: string;
  fileName: string;
  rows: number;
  encoding: string | null;
  /** The timescales its cases were measured against (null for an import made before they were recorded). */
  timescales: { earlyResolutionDays: number; closerLookDays: number } | null;
}

function toImport(r: CaseImportRow): CaseImportRecord {
  const timescales = r.early_resolution_days === null || r.closer_look_days === null ? null : { earlyResolutionDays: Number(r.early_resolution_days), closerLookDays: Number(r.closer_look_days) };
  return { id: r.id, organisationCode: r.organisation_code, importedBy: r.imported_by, importedAt: r.imported_at, fileName: r.file_name, rows: Number(r.rows), encoding: r.encoding, timescales };
}

/** Records an import as the organisation's current one (its cases are the body's stored cases from now on). */
export async function insertCaseImport(db: Kysely<Database>, record: CaseImportRecord): Promise<void> {
  await db.updateTable("case_imports").set({ current: 0 }).where("organisation_code", "=", record.organisationCode).where("current", "=", 1).execute();
  await db
    .insertInto("case_imports")
    .values({
      id: record.id,
      organisation_code: record.organisationCode,
      imported_by: record.importedBy,
      imported_at: record.importedAt,
      file_name: record.fileName,
      rows: record.rows,
      encoding: record.encoding,
      current: 1,
      early_resolution_days: record.timescales?.earlyResolutionDays ?? null,
      closer_look_days: record.timescales?.closerLookDays ?? null,
    })
    .execute();
}

export async function setCaseImportRows(db: Kysely<Database>, id: string, rows: number, encoding: string | null): Promise<void> {
  await db.updateTable("case_imports").set({ rows, encoding }).where("id", "=", id).execute();
}

/** The organisation's current import (the latest stored), if any. */
export async function currentCaseImport(db: Kysely<Database>, organisationCode: string): Promise<CaseImportRecord | null> {
  const row = await db.selectFrom("case_imports").selectAll().where("organisation_code", "=", organisationCode).where("current", "=", 1).executeTakeFirst();
  return row ? toImport(row) : null;
}

export async function getCaseImport(db: Kysely<Database>, id: string): Promise<CaseImportRecord | null> {
  const row = await db.selectFrom("case_imports").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toImport(row) : null;
}

export interface StoredCaseMapping {
  name: string;
  /** JSON text of the domain's CaseMapping; the caller parses it. */
  definition: string;
  updatedAt: string;
  updatedBy: string;
}

export async function listCaseMappings(db: Kysely<Database>, organisationCode: string): Promise<StoredCaseMapping[]> {
  const rows = await db.selectFrom("case_mappings").selectAll().where("organisation_code", "=", organisationCode).execute();
  // Sorted here, not by the database, so the order does not depend on its collation.
  return rows
    .map((r) => ({ name: r.name, definition: r.definition, updatedAt: r.updated_at, updatedBy: r.updated_by }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function getCaseMapping(db: Kysely<Database>, organisationCode: string, name: string): Promise<StoredCaseMapping | undefined> {
  const r = await db.selectFrom("case_mappings").selectAll().where("organisation_code", "=", organisationCode).where("name", "=", name).executeTakeFirst();
  return r && { name: r.name, definition: r.definition, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

/** Saves a mapping under its name, replacing one of the same name. */
export async function upsertCaseMapping(db: Kysely<Database>, organisationCode: string, mapping: { name: string; definition: string }, by: string, now: string): Promise<void> {
  await db
    .insertInto("case_mappings")
    .values({ organisation_code: organisationCode, name: mapping.name, definition: mapping.definition, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.columns(["organisation_code", "name"]).doUpdateSet({ definition: mapping.definition, updated_at: now, updated_by: by }))
    .execute();
}

/** True when there was such a mapping. */
export async function deleteCaseMapping(db: Kysely<Database>, organisationCode: string, name: string): Promise<boolean> {
  const result = await db.deleteFrom("case_mappings").where("organisation_code", "=", organisationCode).where("name", "=", name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface StoredCaseTimescales {
  earlyResolutionDays: number;
  closerLookDays: number;
  updatedAt: string;
  updatedBy: string;
}

/** The body's own timescales, or undefined when it keeps the defaults. */
export async function getCaseSettings(db: Kysely<Database>, organisationCode: string): Promise<StoredCaseTimescales | undefined> {
  const r = await db.selectFrom("case_settings").selectAll().where("organisation_code", "=", organisationCode).executeTakeFirst();
  return r && { earlyResolutionDays: Number(r.early_resolution_days), closerLookDays: Number(r.closer_look_days), updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export async function setCaseSettings(db: Kysely<Database>, organisationCode: string, timescales: { earlyResolutionDays: number; closerLookDays: number }, by: string, now: string): Promise<void> {
  const values = { early_resolution_days: timescales.earlyResolutionDays, closer_look_days: timescales.closerLookDays, updated_at: now, updated_by: by };
  await db
    .insertInto("case_settings")
    .values({ organisation_code: organisationCode, ...values })
    .onConflict((oc) => oc.column("organisation_code").doUpdateSet(values))
    .execute();
}

export interface CaseUpload {
  id: string;
  organisationCode: string;
  userId: string;
  fileName: string;
  size: number;
  createdAt: string;
  /** The quarter it was started for, or null. */
  period: string | null;
  /** When the finish now running began, or null. */
  finishingSince: string | null;
  /** When its cases were stored or the file refused (its chunks are gone), or null. */
  finishedAt: string | null;
  /** JSON of the import's result once its cases are stored; the caller parses it. */
  result: string | null;
}

export async function insertCaseUpload(db: Kysely<Database>, upload: Pick<CaseUpload, "id" | "organisationCode" | "userId" | "fileName" | "size" | "createdAt" | "period">): Promise<void> {
  await db
    .insertInto("case_uploads")
    .values({ id: upload.id, organisation_code: upload.organisationCode, user_id: upload.userId, file_name: upload.fileName, size: upload.size, created_at: upload.createdAt, period: upload.period })
    .execute();
}

export async function getCaseUpload(db: Kysely<Database>, id: string): Promise<CaseUpload | undefined> {
  const r = await db.selectFrom("case_uploads").selectAll().where("id", "=", id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      organisationCode: r.organisation_code,
      userId: r.user_id,
      fileName: r.file_name,
      size: Number(r.size),
      createdAt: r.created_at,
      period: r.period,
      finishingSince: r.finishing_since,
      finishedAt: r.finished_at,
      result: r.result,
    }
  );
}

/** Removes an upload and its chunks. */
export async function deleteCaseUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("case_upload_chunks").where("upload_id", "=", id).execute();
  await db.deleteFrom("case_uploads").where("id", "=", id).execute();
}

/**
 * Removes uploads started before `before` (abandoned ones, and finished ones kept for their
 * result), with their chunks; not one whose finish began after `before` (still being imported).
 */
export async function deleteStaleCaseUploads(db: Kysely<Database>, before: string): Promise<number> {
  const stale = db
    .selectFrom("case_uploads")
    .select("id")
    .where("created_at", "<", before)
    .where((eb) => eb.or([eb("finishing_since", "is", null), eb("finishing_since", "<", before)]));
  await db.deleteFrom("case_upload_chunks").where("upload_id", "in", stale).execute();
  const result = await db
    .deleteFrom("case_uploads")
    .where("created_at", "<", before)
    .where((eb) => eb.or([eb("finishing_since", "is", null), eb("finishing_since", "<", before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Removes a person's unfinished uploads for one organisation and quarter (null: those started
 * without one), except one being finished now. The row goes in one statement, so a finish that
 * claims it at the same moment either claims it first (and it stays) or finds it gone.
 */
export async function deleteUnfinishedCaseUploads(db: Kysely<Database>, owner: { organisationCode: string; userId: string; period: string | null }): Promise<void> {
  const deleted = await db
    .deleteFrom("case_uploads")
    .where("organisation_code", "=", owner.organisationCode)
    .where("user_id", "=", owner.userId)
    .where("period", owner.period === null ? "is" : "=", owner.period)
    .where("finishing_since", "is", null)
    .where("finished_at", "is", null)
    .returning("id")
    .execute();
  // The chunks go with their upload (on delete cascade); said here too, as deleteCaseUpload does.
  if (deleted.length > 0) await db.deleteFrom("case_upload_chunks").where("upload_id", "in", deleted.map((d) => d.id)).execute();
}

/** An organisation's, or a person's, uploads not yet finished: for which quarter each is, and its declared size. */
export async function pendingCaseUploads(db: Kysely<Database>, of: { organisationCode: string } | { userId: string }): Promise<{ id: string; organisationCode: string; period: string | null; size: number }[]> {
  const rows = await db
    .selectFrom("case_uploads")
    .select(["id", "organisation_code", "period", "size"])
    .where("finished_at", "is", null)
    .$call((q) => ("organisationCode" in of ? q.where("organisation_code", "=", of.organisationCode) : q.where("user_id", "=", of.userId)))
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ id: r.id, organisationCode: r.organisation_code, period: r.period, size: Number(r.size) }));
}

/**
 * Marks an upload as being finished by this request: true if it was free (no other finish running,
 * or one begun before `abandonedBefore`, whose process must have stopped) and not finished. One
 * conditional update, so of two finishes at once exactly one gets it.
 */
export async function claimCaseUpload(db: Kysely<Database>, id: string, now: string, abandonedBefore: string): Promise<boolean> {
  const result = await db
    .updateTable("case_uploads")
    .set({ finishing_since: now })
    .where("id", "=", id)
    .where("finished_at", "is", null)
    .where((eb) => eb.or([eb("finishing_since", "is", null), eb("finishing_since", "<", abandonedBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lets the upload be finished again (after a dry run, or an import refused for its quarter). */
export async function releaseCaseUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("case_uploads").set({ finishing_since: null }).where("id", "=", id).execute();
}

/**
 * Records an upload's outcome and removes its chunks: the result's JSON once its cases are stored
 * (call in the import's own transaction), or null when the file was refused.
 */
export async function markCaseUploadFinished(db: Kysely<Database>, id: string, at: string, result: string | null): Promise<void> {
  await db.deleteFrom("case_upload_chunks").where("upload_id", "=", id).execute();
  await db.updateTable("case_uploads").set({ finished_at: at, result, finishing_since: null }).where("id", "=", id).execute();
}

/** How many chunks of an upload have arrived. */
export async function caseUploadProgress(db: Kysely<Database>, id: string): Promise<{ chunks: number }> {
  const r = await db.selectFrom("case_upload_chunks").select((eb) => eb.fn.countAll<number>().as("n")).where("upload_id", "=", id).executeTakeFirst();
  return { chunks: Number(r?.n ?? 0) };
}

/** Stores a chunk; the same chunk sent again (a retry) replaces it. */
export async function putCaseUploadChunk(db: Kysely<Database>, uploadId: string, seq: number, data: string): Promise<void> {
  await db
    .insertInto("case_upload_chunks")
    .values({ upload_id: uploadId, seq, data })
    .onConflict((oc) => oc.columns(["upload_id", "seq"]).doUpdateSet({ data }))
    .execute();
}

/**
 * An upload's bytes in order, read back a few chunks per query, so the whole file is never in
 * memory (each chunk is at most half a megabyte).
 */
export async function* readCaseUpload(db: Kysely<Database>, uploadId: string, chunksPerQuery = 4): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq += chunksPerQuery) {
    const rows = await db
      .selectFrom("case_upload_chunks")
      .select(["seq", "data"])
      .where("upload_id", "=", uploadId)
      .where("seq", ">=", seq)
      .where("seq", "<", seq + chunksPerQuery)
      .orderBy("seq")
      .execute();
    for (const r of rows) yield new Uint8Array(Buffer.from(r.data, "base64"));
    if (rows.length < chunksPerQuery) return;
  }
}
