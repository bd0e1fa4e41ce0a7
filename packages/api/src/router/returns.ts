import { listCurrentReturns } from "@complaints/db";
import {
  changeCharacters,
  explanationChangesInputSchema,
  explanationsInputSchema,
  formatPeriodLabel,
  noteChangesInputSchema,
  notesInputSchema,
  organisationCodeSchema,
  periodCodeSchema,
  requirePeriod,
  returnValuesInputSchema,
  saveCharacters,
  saveMaxCharacters,
  storableTextProblem,
  templates,
  valueChangesInputSchema,
} from "@complaints/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  acceptReturn,
  approveReturn,
  changesSinceReturned,
  getReturnFor,
  getReturnInScope,
  openDraft,
  reopenReturn,
  returnHistory,
  returnToBody,
  revisionDifference,
  saveDraft,
  sendBackReturn,
  submitReturn,
  validateReturnById,
} from "../services/returns.ts";
import { saveChanges } from "../services/save-changes.ts";
import { downloadReturnSpreadsheet, spreadsheetFormats, spreadsheetMaxBytes, uploadReturnSpreadsheet } from "../services/return-spreadsheet.ts";
import { permitted } from "../trpc.ts";
import { serviceContext } from "./service-context.ts";

const returnId = z.string().uuid("That is not a return id");
const versioned = z.object({ returnId, expectedVersion: z.number().int().positive() });
const withReason = versioned.extend({ reason: z.string().trim().min(1, "Give a reason").max(5000, "A reason must be 5,000 characters or fewer") });

/** A save, checked here once against every template version's declaration; the service checks it against the return itself. */
const everyTemplate = Object.values(templates);
const saveInput = versioned
  .extend({
    values: returnValuesInputSchema(everyTemplate),
    notes: notesInputSchema(everyTemplate).optional(),
    explanations: explanationsInputSchema.optional(),
  })
  .refine((input) => saveCharacters(input) <= saveMaxCharacters, {
    message: `The figures, notes and explanations together are more than ${saveMaxCharacters.toLocaleString("en-GB")} characters of text: shorten them`,
    path: ["values"],
  });

/** An autosave: only the changed answers, each `{ from, to }`, merged field by field into what is stored now. */
const saveChangesInput = z
  .object({
    returnId,
    baseVersion: z.number().int().positive(),
    values: valueChangesInputSchema(everyTemplate).optional(),
    notes: noteChangesInputSchema(everyTemplate).optional(),
    explanations: explanationChangesInputSchema.optional(),
  })
  .refine((input) => changeCharacters(input) <= saveMaxCharacters, {
    message: `The figures, notes and explanations together are more than ${saveMaxCharacters.toLocaleString("en-GB")} characters of text: shorten them`,
    path: ["values"],
  });

/** Base64 of a file a little over the largest accepted, so a file just too large gets the upload's own answer. */
const maxBase64Characters = Math.ceil((spreadsheetMaxBytes * 1.5) / 3) * 4;
const uploadInput = versioned.extend({
  fileName: z
    .string()
    .trim()
    .min(1, "Give the file's name")
    .max(255, "A file name must be 255 characters or fewer")
    .refine((name) => storableTextProblem(name) === null, "The file name contains a character that cannot be stored (a control character or half of one)"),
  contentBase64: z.string().min(1, "The file is empty").max(maxBase64Characters, `The file is too large: the most is ${spreadsheetMaxBytes / 1024} KB`),
  /** Check and say what would change, saving nothing. */
  dryRun: z.boolean().optional(),
});

export const returnsRouter = {
  /** A body's returns (current revisions), newest first. */
  list: permitted("returns.read")
    .input(z.object({ organisationCode: organisationCodeSchema }))
    .query(async ({ ctx, input }) => {
      const s = await serviceContext(ctx);
      s.scope.organisation(input.organisationCode, "body");
      const list = await listCurrentReturns(s.db, [input.organisationCode], 0, 2_147_483_647, { withValues: false });
      return list
        .map(({ values: _values, ...r }) => ({ ...r, periodLabel: formatPeriodLabel(requirePeriod(r.period)) }))
        .sort((a, b) => b.periodIndex - a.periodIndex);
    }),

  get: permitted("returns.read")
    .input(z.object({ returnId, revision: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => getReturnInScope(await serviceContext(ctx), input.returnId, input.revision)),

  /** The return of a body for a quarter, or null if none has been started. */
  find: permitted("returns.read")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema }))
    .query(async ({ ctx, input }) => getReturnFor(await serviceContext(ctx), input.organisationCode, input.period)),

  openDraft: permitted("returns.edit")
    .input(z.object({ organisationCode: organisationCodeSchema, period: periodCodeSchema }))
    .mutation(async ({ ctx, input }) => openDraft(await serviceContext(ctx), input.organisationCode, input.period)),

  save: permitted("returns.edit")
    .input(saveInput)
    .mutation(async ({ ctx, input }) => saveDraft(await serviceContext(ctx), input)),

  /**
   * Saves only what changed since `baseVersion`, keeping others' changes to other answers. A clash
   * on the same answer is CONFLICT with `details: { currentVersion, conflicts }`, and nothing is saved.
   */
  saveChanges: permitted("returns.edit")
    .input(saveChangesInput)
    .mutation(async ({ ctx, input }) => saveChanges(await serviceContext(ctx), input)),

  validate: permitted("returns.read")
    .input(z.object({ returnId }))
    .query(async ({ ctx, input }) => validateReturnById(await serviceContext(ctx), input.returnId)),

  /** `reply`: when the department returned the return, the body's answer to its reasons, shown to the department with what changed. */
  submit: permitted("returns.submit")
    .input(versioned.extend({ reply: z.string().trim().max(5000, "A reply must be 5,000 characters or fewer").optional() }))
    .mutation(async ({ ctx, input }) => submitReturn(await serviceContext(ctx), input)),

  approve: permitted("returns.approve")
    .input(versioned)
    .mutation(async ({ ctx, input }) => approveReturn(await serviceContext(ctx), input)),

  sendBack: permitted("returns.sendBack")
    .input(withReason)
    .mutation(async ({ ctx, input }) => sendBackReturn(await serviceContext(ctx), input)),

  accept: permitted("returns.decide")
    .input(versioned)
    .mutation(async ({ ctx, input }) => acceptReturn(await serviceContext(ctx), input)),

  returnToBody: permitted("returns.decide")
    .input(withReason)
    .mutation(async ({ ctx, input }) => returnToBody(await serviceContext(ctx), input)),

  reopen: permitted("returns.reopen")
    .input(withReason)
    .mutation(async ({ ctx, input }) => reopenReturn(await serviceContext(ctx), input)),

  history: permitted("returns.read")
    .input(z.object({ returnId }))
    .query(async ({ ctx, input }) => returnHistory(await serviceContext(ctx), input.returnId)),

  /** The return's template pre-filled with its current values, as a file to download (XLSX, ODS or CSV). */
  downloadTemplate: permitted("returns.read")
    .input(z.object({ returnId, format: z.enum(spreadsheetFormats) }))
    .query(async ({ ctx, input }) => downloadReturnSpreadsheet(await serviceContext(ctx), input.returnId, input.format)),

  /** A filled-in template: saved into the draft if every cell is good (with `dryRun`, only what it would change), otherwise the problems (a refused file is an answer, not an error). */
  uploadSpreadsheet: permitted("returns.edit")
    .input(uploadInput)
    .mutation(async ({ ctx, input }) => uploadReturnSpreadsheet(await serviceContext(ctx), input)),

  /**
   * What the body changed after the department returned the return, with the department's reasons
   * and the body's reply: null unless `revision` (by default the one the caller sees) was sent again
   * after a return.
   */
  changesSinceReturned: permitted("returns.read")
    .input(z.object({ returnId, revision: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => changesSinceReturned(await serviceContext(ctx), input.returnId, input.revision)),

  diff: permitted("returns.read")
    .input(z.object({ returnId, from: z.number().int().positive(), to: z.number().int().positive() }))
    .query(async ({ ctx, input }) => revisionDifference(await serviceContext(ctx), input.returnId, input.from, input.to)),
} satisfies TRPCRouterRecord;
