import { caseMappingSchema, caseTimescalesSchema, organisationCodeSchema, periodCodeSchema, storableTextProblem } from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { casesBehind, quarterCaseFields } from "../services/cases/figures.ts";
import { casesOverview, deleteCaseMapping, saveCaseMapping, saveCaseTimescales } from "../services/cases/settings.ts";
import { caseChunkBytes } from "../services/cases/upload-limits.ts";
import { finishCaseUpload, putCaseChunk, startCaseUpload } from "../services/cases/uploads.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

const uploadId = z.string().uuid("That is not an upload id");
/** Text both databases can store (PostgreSQL refuses NUL; a lone surrogate cannot be written as UTF-8). */
function storable(what: string) {
  return (text: string, context: z.RefinementCtx) => {
    const problem = storableTextProblem(text);
    if (problem) context.addIssue({ code: "custom", message: `${what} ${problem}` });
  };
}
const mappingName = z.string().trim().min(1, "Enter the mapping's name").max(80, "A mapping's name is 80 characters or fewer").superRefine(storable("The mapping's name"));
/** Every header and code of a mapping is stored, so each must be storable text. */
const mapping = caseMappingSchema.superRefine((m, context) => {
  const texts = [m.name, ...Object.values(m.columns), ...Object.values(m.codes).flatMap((codes) => Object.entries(codes ?? {}).flat())];
  for (const text of texts) {
    const problem = typeof text === "string" ? storableTextProblem(text) : null;
    if (problem) {
      context.addIssue({ code: "custom", message: `The mapping's text “${text.slice(0, 40)}” ${problem}` });
      return;
    }
  }
});
/** Base64 of at most one chunk (4 characters per 3 bytes). */
const chunkData = z
  .string()
  .max(Math.ceil(caseChunkBytes / 3) * 4, `A chunk is at most ${caseChunkBytes.toLocaleString("en-GB")} bytes`)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, "A chunk is sent as base64");
const fileName = z
  .string()
  .trim()
  .min(1, "Give the file's name")
  .max(255, "The file's name must be 255 characters or fewer")
  .superRefine(storable("The file's name"));

/**
 * Case-level import: a body's complaints team uploads its case-management export, in
 * chunks, and gets the quarter's return computed; every computed figure lists the cases behind it.
 */
export const casesRouter = {
  /** Timescales, saved mappings, the last import and how many cases are stored. */
  overview: permitted("cases.read")
    .input(z.object({ organisationCode: organisationCodeSchema }))
    .query(async ({ ctx, input }) => casesOverview(await serviceContext(ctx), input.organisationCode)),

  /** The body's default timescales in working days, for cases without a target date. */
  saveTimescales: permitted("cases.edit")
    .input(caseTimescalesSchema.extend({ organisationCode: organisationCodeSchema }))
    .mutation(async ({ ctx, input: { organisationCode, ...timescales } }) => saveCaseTimescales(await serviceContext(ctx), organisationCode, timescales)),

  /** Saves a column mapping under its name (replacing one of the same name). */
  saveMapping: permitted("cases.edit")
    .input(z.object({ organisationCode: organisationCodeSchema, mapping }))
    .mutation(async ({ ctx, input }) => saveCaseMapping(await serviceContext(ctx), input.organisationCode, input.mapping)),

  deleteMapping: permitted("cases.edit")
    .input(z.object({ organisationCode: organisationCodeSchema, name: mappingName }))
    .mutation(async ({ ctx, input }) => deleteCaseMapping(await serviceContext(ctx), input.organisationCode, input.name)),

  /**
   * Starts an upload: send the file in chunks of `chunkBytes` (every chunk but the last exactly that
   * long). At most 200 MB (less on SQLite). `period` is the quarter it is for: it replaces the
   * caller's unfinished upload for the same quarter. Pending uploads are limited per person and body.
   */
  startUpload: permitted("cases.edit")
    .input(
      z.object({
        organisationCode: organisationCodeSchema,
        fileName,
        size: z.number().int("The size is a whole number of bytes").min(1, "The file is empty").max(Number.MAX_SAFE_INTEGER),
        period: periodCodeSchema.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => startCaseUpload(await serviceContext(ctx), input)),

  /** One chunk, base64, in order from index 0; only the user who started the upload. */
  uploadChunk: permitted("cases.edit")
    .input(z.object({ uploadId, index: z.number().int().min(0).max(100_000), data: chunkData }))
    .mutation(async ({ ctx, input }) => putCaseChunk(await serviceContext(ctx), input)),

  /**
   * Checks the uploaded file and computes its quarters; unless `dryRun`, stores the cases (replacing
   * the body's) and writes `period`'s computed figures into its draft. All or nothing.
   */
  finishUpload: permitted("cases.edit")
    .input(z.object({ uploadId, mappingName: mappingName.nullable().optional(), period: periodCodeSchema.nullable().optional(), dryRun: z.boolean() }))
    .mutation(async ({ ctx, input }) => finishCaseUpload(await serviceContext(ctx), input)),

  /** The figures of a quarter that the stored cases give (each links to its cases from the return's pages). */
  quarterFields: permitted("cases.read")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema }))
    .query(async ({ ctx, input }) => quarterCaseFields(await serviceContext(ctx), input)),

  /** The cases behind one computed figure, 50 a page. */
  figure: permitted("cases.figures")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema, field: z.string().trim().min(1).max(200), page: z.number().int().min(1).max(1_000_000).default(1) }))
    .query(async ({ ctx, input }) => casesBehind(await serviceContext(ctx), input)),
} satisfies TRPCRouterRecord;
