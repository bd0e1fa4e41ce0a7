import { randomUUID } from "node:crypto";
import { caseUploadProgress, deleteCaseUpload, deleteStaleCaseUploads, getCaseUpload, insertCaseUpload, putCaseUploadChunk, readCaseUpload, type CaseUpload } from "@complaints/db";
import { DomainError } from "@complaints/domain";
import { assertInScope } from "../../scope.ts";
import type { ServiceContext } from "../actor.ts";
import { importCases, type CaseImportResult } from "./import-cases.ts";
import { caseChunkBytes, caseUploadMaxBytes, caseUploadStaleAfterMs } from "./upload-limits.ts";

/** Chunks a file of this size is sent in. */
export function chunksFor(size: number): number {
  return Math.ceil(size / caseChunkBytes);
}

export async function startCaseUpload(ctx: ServiceContext, input: { organisationCode: string; fileName: string; size: number }): Promise<{ uploadId: string; chunkBytes: number }> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  if (input.size > caseUploadMaxBytes) {
    throw new DomainError("INVALID_INPUT", `The file is ${(input.size / 1024 / 1024).toFixed(0)} MB; a case file uploaded here can be at most 200 MB. Export only the columns the import reads, or ask whoever runs the service to import it from the command line (an import replaces all your cases, so the file cannot be split).`);
  }
  await deleteStaleCaseUploads(ctx.db, new Date(Date.parse(ctx.now) - caseUploadStaleAfterMs).toISOString());
  const uploadId = randomUUID();
  await insertCaseUpload(ctx.db, { id: uploadId, organisationCode: org.code, userId: ctx.actor.id, fileName: input.fileName, size: input.size, createdAt: ctx.now });
  return { uploadId, chunkBytes: caseChunkBytes };
}

/** The upload, if the caller may add to it: in their scope, and started by them. */
async function ownUpload(ctx: ServiceContext, uploadId: string): Promise<CaseUpload> {
  const upload = await getCaseUpload(ctx.db, uploadId);
  if (!upload) throw new DomainError("NOT_FOUND", "There is no such upload: it may have finished, or been abandoned for more than a day. Choose the file again.");
  assertInScope(ctx.scope, upload.organisationCode);
  if (upload.userId !== ctx.actor.id) throw new DomainError("FORBIDDEN", "Someone else started this upload; only they can send its file.");
  return upload;
}

/**
 * Stores one chunk. Chunks come in order; the last one sent may be sent again (a retry after a
 * lost answer). Every chunk but the last is exactly `chunkBytes` long, so the received size is known.
 */
export async function putCaseChunk(ctx: ServiceContext, input: { uploadId: string; index: number; data: string }): Promise<{ received: number; chunks: number }> {
  const upload = await ownUpload(ctx, input.uploadId);
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
 * Imports the uploaded file, read back from the database a few chunks at a time. The upload is
 * removed once its cases are stored, or when the file has problems (it may hold personal data the
 * import refuses, and must be sent again once fixed); a good file's dry run, or an import refused
 * for its quarter, keeps it, so it can be imported (with another quarter) without sending it again.
 */
export async function finishCaseUpload(ctx: ServiceContext, input: { uploadId: string; mappingName?: string | null | undefined; period?: string | null | undefined; dryRun: boolean }): Promise<CaseImportResult> {
  const upload = await ownUpload(ctx, input.uploadId);
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
  });
  // A file with problems must be fixed and sent again, and may hold what the import refuses to keep.
  if ((!input.dryRun && result.ok) || result.fileRefused) await deleteCaseUpload(ctx.db, upload.id);
  return result;
}
