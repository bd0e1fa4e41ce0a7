import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import {
  caseUploadProgress,
  claimCaseUpload,
  deleteCaseUpload,
  deleteStaleCaseUploads,
  deleteUnfinishedCaseUploads,
  getCaseUpload,
  insertCaseUpload,
  markCaseUploadFinished,
  pendingCaseUploads,
  putCaseUploadChunk,
  readCaseUpload,
  releaseCaseUpload,
  type CaseUpload,
} from "@complaints/db";
import { DomainError, formatPeriodLabel, requirePeriod } from "@complaints/domain";
import { assertInScope } from "../../scope.ts";
import type { ServiceContext } from "../actor.ts";
import { importCases, type CaseImportResult } from "./import-cases.ts";
import {
  caseChunkBytes,
  casePendingBytesOn,
  casePendingUploadsPerOrganisation,
  casePendingUploadsPerPerson,
  caseUploadFinishAbandonedAfterMs,
  caseUploadFinishWaitMs,
  caseUploadMaxBytes,
  caseUploadMaxBytesOn,
  caseUploadStaleAfterMs,
} from "./upload-limits.ts";

/** Chunks a file of this size is sent in. */
export function chunksFor(size: number): number {
  return Math.ceil(size / caseChunkBytes);
}

/** A limit of whole megabytes as people read it ("200 MB"; 1 MB = 1,024 × 1,024 bytes, as the upload page says). */
function megabytes(bytes: number): string {
  return `${Math.floor(bytes / 1024 / 1024)} MB`;
}

/** Says why the file is too large, or nothing. The limit is named, not the file's size, so 200 MB and one byte cannot read "200 MB; at most 200 MB". */
function refuseSize(ctx: ServiceContext, size: number): void {
  if (size > caseUploadMaxBytes) {
    throw new DomainError(
      "INVALID_INPUT",
      `The file is larger than ${megabytes(caseUploadMaxBytes)}, the most a case file uploaded here can be. Export only the columns the import reads, or ask whoever runs the service to import it from the command line (an import replaces all your cases, so the file cannot be split).`,
    );
  }
  const max = caseUploadMaxBytesOn(ctx.db);
  if (size > max) {
    throw new DomainError(
      "INVALID_INPUT",
      `The file is larger than ${megabytes(max)}, the most a case file can be while the service runs on SQLite: importing a larger one would hold up everyone else's work until it finished. Case files up to ${megabytes(caseUploadMaxBytes)} need the service to run on PostgreSQL; ask whoever runs it.`,
    );
  }
}

/** "Apr to Jun 2025", or "no quarter" for an upload started without one. */
function quarterOf(period: string | null): string {
  return period ? formatPeriodLabel(requirePeriod(period)) : "no quarter";
}

/**
 * Why one more upload would be too many, or null: too many for the person or the organisation, or
 * too many bytes waiting for the organisation. Counted with the new upload already stored, so two
 * started at once cannot both pass (at worst both are refused, and one is tried again).
 */
async function pendingProblem(ctx: ServiceContext, organisation: { code: string; name: string }, uploadId: string): Promise<string | null> {
  const mine = await pendingCaseUploads(ctx.db, { userId: ctx.actor.id });
  if (mine.length > casePendingUploadsPerPerson) {
    const others = mine.filter((u) => u.id !== uploadId).map((u) => u.period);
    // In date order (a period code sorts by date), those started without a quarter last.
    const quarters = [...new Set(others)].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0)).map(quarterOf).join(", ");
    return `You already have ${casePendingUploadsPerPerson} case files that are uploading or uploaded but not imported (for ${quarters}), the most one person can have at once. Import one of them, or upload a file for one of those quarters again: it replaces your unfinished one. Unfinished files are removed a day after they were started.`;
  }
  const theirs = await pendingCaseUploads(ctx.db, { organisationCode: organisation.code });
  if (theirs.length > casePendingUploadsPerOrganisation) {
    return `${organisation.name} already has ${casePendingUploadsPerOrganisation} case files that are uploading or uploaded but not imported, the most one organisation can have at once. Try again once one of them has been imported; unfinished files are removed a day after they were started.`;
  }
  const bytes = theirs.reduce((sum, u) => sum + u.size, 0);
  const maxBytes = casePendingBytesOn(ctx.db);
  if (bytes > maxBytes) {
    return `${organisation.name}'s case files that are uploading or uploaded but not imported would come to more than ${megabytes(maxBytes)} with this one, the most one organisation can have waiting at once. Try again once one of them has been imported; unfinished files are removed a day after they were started.`;
  }
  return null;
}

/**
 * Starts an upload. A new upload for a quarter replaces the person's unfinished one for the same
 * quarter (a file chosen again, a page reloaded mid-upload), so trying again never counts twice;
 * beyond that, pending uploads are limited per person and per organisation.
 */
export async function startCaseUpload(ctx: ServiceContext, input: { organisationCode: string; fileName: string; size: number; period?: string | null | undefined }): Promise<{ uploadId: string; chunkBytes: number }> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  refuseSize(ctx, input.size);
  const period = input.period ?? null;
  await deleteStaleCaseUploads(ctx.db, new Date(Date.parse(ctx.now) - caseUploadStaleAfterMs).toISOString());
  await deleteUnfinishedCaseUploads(ctx.db, { organisationCode: org.code, userId: ctx.actor.id, period });
  const uploadId = randomUUID();
  await insertCaseUpload(ctx.db, { id: uploadId, organisationCode: org.code, userId: ctx.actor.id, fileName: input.fileName, size: input.size, createdAt: ctx.now, period });
  const problem = await pendingProblem(ctx, org, uploadId);
  if (problem) {
    await deleteCaseUpload(ctx.db, uploadId);
    throw new DomainError("TOO_MANY_ATTEMPTS", problem);
  }
  return { uploadId, chunkBytes: caseChunkBytes };
}

const noSuchUpload = "There is no such upload: it may have been replaced by a newer one, or abandoned for more than a day. Choose the file again.";

/** The upload, if the caller may add to it or finish it: in their scope, and started by them. */
async function ownUpload(ctx: ServiceContext, uploadId: string): Promise<CaseUpload> {
  const upload = await getCaseUpload(ctx.db, uploadId);
  if (!upload) throw new DomainError("NOT_FOUND", noSuchUpload);
  assertInScope(ctx.scope, upload.organisationCode);
  if (upload.userId !== ctx.actor.id) throw new DomainError("FORBIDDEN", "Someone else started this upload; only they can send its file.");
  return upload;
}

const alreadyFinished = "This file has already been imported: its cases are stored. To import it again, upload it again.";

/**
 * Stores one chunk. Chunks come in order; the last one sent may be sent again (a retry after a
 * lost answer). Every chunk but the last is exactly `chunkBytes` long, so the received size is known.
 */
export async function putCaseChunk(ctx: ServiceContext, input: { uploadId: string; index: number; data: string }): Promise<{ received: number; chunks: number }> {
  const upload = await ownUpload(ctx, input.uploadId);
  if (upload.finishedAt !== null) throw new DomainError("INVALID_TRANSITION", upload.result ? alreadyFinished : "This file was refused and removed. Fix it and upload it again.");
  if (upload.finishingSince !== null) throw new DomainError("INVALID_TRANSITION", "This file is being checked and imported, so nothing more can be added to it.");
  const bytes = Buffer.from(input.data, "base64").byteLength;
  const total = chunksFor(upload.size);
  const { chunks } = await caseUploadProgress(ctx.db, upload.id);
  if (input.index > chunks) throw new DomainError("INVALID_INPUT", `Chunk ${input.index + 1} arrived before chunk ${chunks + 1}: send the chunks in order.`);
  if (input.index >= total) throw new DomainError("INVALID_INPUT", `The file was said to be ${upload.size.toLocaleString("en-GB")} bytes, which is ${total} ${total === 1 ? "chunk" : "chunks"}; chunk ${input.index + 1} is one too many.`);
  const expected = input.index === total - 1 ? upload.size - input.index * caseChunkBytes : caseChunkBytes;
  if (bytes !== expected) throw new DomainError("INVALID_INPUT", `Chunk ${input.index + 1} should hold ${expected.toLocaleString("en-GB")} bytes but holds ${bytes.toLocaleString("en-GB")}.`);
  await putCaseUploadChunk(ctx.db, upload.id, input.index, input.data);
  const received = Math.min(upload.size, (Math.max(chunks, input.index + 1)) * caseChunkBytes);
  return { received, chunks: Math.max(chunks, input.index + 1) };
}

/**
 * What an upload already finished answers: the stored import's result (a second click on Finish
 * gets the first one's answer), or, for a file refused and removed, that it must be sent again.
 */
function finishedAnswer(upload: CaseUpload): CaseImportResult {
  if (upload.result) return JSON.parse(upload.result) as CaseImportResult;
  throw new DomainError("INVALID_TRANSITION", "This file was refused and removed when it was first checked, so it cannot be imported. Fix the problems that check listed and upload it again.");
}

/**
 * Waits until no other request is finishing the upload, and marks it as this one's; or, if the other
 * finish stored its cases or refused the file meanwhile, returns that answer.
 */
async function claimOrAwait(ctx: ServiceContext, upload: CaseUpload): Promise<CaseImportResult | null> {
  const waitUntil = Date.now() + caseUploadFinishWaitMs;
  for (let current: CaseUpload | undefined = upload; ; current = await getCaseUpload(ctx.db, upload.id)) {
    if (!current) throw new DomainError("NOT_FOUND", noSuchUpload);
    if (current.finishedAt !== null) return finishedAnswer(current);
    const abandonedBefore = new Date(Date.parse(ctx.now) - caseUploadFinishAbandonedAfterMs).toISOString();
    if (await claimCaseUpload(ctx.db, upload.id, ctx.now, abandonedBefore)) return null;
    if (Date.now() > waitUntil) throw new DomainError("CONFLICT", "This file is still being checked and imported after an earlier click. Look at the return in a few minutes: its figures change once the import ends.");
    await sleep(100);
  }
}

/**
 * Imports the uploaded file, read back from the database a few chunks at a time. Its cases stored,
 * the upload keeps only the result (its chunks go in the same transaction), which a second finish
 * of it answers with. A file with problems is removed at once (it may hold personal data the import
 * refuses, and must be sent again once fixed); a good file's dry run, or an import refused for its
 * quarter, keeps it, so it can be imported (with another quarter) without sending it again. Two
 * finishes of one upload run one after the other, never side by side.
 */
export async function finishCaseUpload(ctx: ServiceContext, input: { uploadId: string; mappingName?: string | null | undefined; period?: string | null | undefined; dryRun: boolean }): Promise<CaseImportResult> {
  const upload = await ownUpload(ctx, input.uploadId);
  const earlier = await claimOrAwait(ctx, upload);
  if (earlier) return earlier;
  let finished = false;
  try {
    const { chunks } = await caseUploadProgress(ctx.db, upload.id);
    const total = chunksFor(upload.size);
    if (chunks !== total) throw new DomainError("INVALID_TRANSITION", `The upload is not complete: ${chunks} of ${total} chunks have arrived. Send the rest, or choose the file again.`);
    const result = await importCases(ctx, (db) => readCaseUpload(db, upload.id), {
      organisationCode: upload.organisationCode,
      fileName: upload.fileName,
      mappingName: input.mappingName ?? null,
      period: input.period ?? null,
      refuseQuietQuarter: true,
      dryRun: input.dryRun,
      beforeCommit: async (db, imported) => {
        await markCaseUploadFinished(db, upload.id, ctx.now, JSON.stringify(imported));
      },
    });
    // The example file is answered as a dry run: kept, like any good file's dry run.
    finished = !input.dryRun && result.ok && !result.example;
    // A file with problems must be fixed and sent again, and may hold what the import refuses to
    // keep: its chunks go, and no result is kept (its problems quote the file).
    if (result.fileRefused) {
      await markCaseUploadFinished(ctx.db, upload.id, ctx.now, null);
      finished = true;
    }
    return result;
  } finally {
    if (!finished) await releaseCaseUpload(ctx.db, upload.id);
  }
}
