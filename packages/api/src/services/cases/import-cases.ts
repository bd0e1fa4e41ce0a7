import { randomUUID } from "node:crypto";
import {
  appendAudit,
  caseWriter,
  countCases,
  currentCaseImport,
  deleteUnusedCases,
  findReturnId,
  getWindow,
  insertCaseImport,
  lockOrganisationCases,
  loadRevision,
  setCaseImportRows,
  type Database,
  type Kysely,
} from "@complaints/db";
import {
  departmentOf,
  DomainError,
  formatPeriodLabel,
  isActiveIn,
  requirePeriod,
  requireTemplate,
  templateFields,
  transitionProblem,
  currentTemplate,
  isExampleCaseReference,
  ukDateOf,
  withFailuresFirst,
  type CaseFileResult,
  type CaseProblem,
  type CaseRow,
  type ReturnValues,
  type ComputedQuarter,
  type Organisation,
} from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { figureChanges, openDraft, saveDraft, type FigureChange } from "../returns.ts";
import { readCaseFile } from "@complaints/screening";
import { toStoredCase } from "./stored.ts";

import { caseSettingsOf, loadCaseMapping } from "./settings.ts";

/**
 * The file's bytes, in order. A function is given the database handle to read with: an upload's
 * chunks are read back inside the import's own transaction (on SQLite the only connection).
 */
export type CaseSource = AsyncIterable<Uint8Array> | ((db: Kysely<Database>) => AsyncIterable<Uint8Array>);

export interface ImportCasesOptions {
  organisationCode: string;
  fileName: string;
  /** A saved mapping of the body's, for its own export's headers and codes. */
  mappingName?: string | null | undefined;
  /** Write this quarter's computed figures into its draft (refused, with nothing stored, if that return cannot be edited). */
  period?: string | null | undefined;
  /**
   * Without `period`: write every complete quarter whose return can be edited and whose reporting
   * window is open, skipping the others with the reason (the command line).
   */
  everyOpenQuarter?: boolean;
  /**
   * With `period`: refuse a quarter after the last one in which anything in the file happened (the
   * browser, where a stale export would otherwise overwrite the draft with zeros). The command line
   * leaves it off, so `--period` can still write a genuinely quiet quarter.
   */
  refuseQuietQuarter?: boolean;
  /** Check and compute only: nothing is stored. */
  dryRun: boolean;
  onProgress?: (bytesRead: number) => void;
  /**
   * Called inside the import's transaction once the cases and drafts are written, so what it
   * records is stored with them or not at all (an upload notes that it is finished).
   */
  beforeCommit?: (db: Kysely<Database>, result: CaseImportResult) => Promise<void>;
}

export interface WrittenQuarter {
  period: string;
  returnId: string;
  /** The draft's figures the computed ones changed (with a dry run, would change): `from` null where the draft had none. */
  changes: FigureChange[];
}

export interface CaseImportResult extends CaseFileResult {
  /** The draft written for `period`. */
  written: WrittenQuarter | null;
  /** Every draft written (with `period`, that one; with `everyOpenQuarter`, each one); with a dry run, those that would be. */
  writtenQuarters: WrittenQuarter[];
  /** Quarters not written, and why (with `everyOpenQuarter`). */
  skipped: { period: string; reason: string }[];
  /** The stored import (null for a dry run or a refused file). */
  importId: string | null;
  /** True when the file itself has problems (to be fixed and sent again), rather than the quarter asked for. */
  fileRefused: boolean;
  /** The file is the example (every reference starts EXAMPLE-): only checked and computed, never stored, even when not asked as a dry run. */
  example: boolean;
}

/** The result's base when the file was not read (the quarter was refused first). */
const unread: CaseFileResult = { ok: false, encoding: null, rows: 0, problems: [], moreProblems: 0, checks: [], quarters: [] };

/** A refused import (or the example's dry run), thrown out of the transaction so it rolls back. */
class Refused extends Error {
  constructor(readonly result: CaseImportResult) {
    super("refused");
  }
}

function refusedResult(base: CaseFileResult, problems: CaseProblem[]): CaseImportResult {
  return {
    ...base,
    // The quarter's own problem (its return already sent, say) comes before anything about the file.
    ...withFailuresFirst(base, "quarter", problems),
    written: null,
    writtenQuarters: [],
    skipped: [],
    importId: null,
    fileRefused: !base.ok && base !== unread,
    example: false,
  };
}

/**
 * Why this quarter's return cannot take computed figures now, or null if it can: a return that is
 * not a draft (or back with the body), a body not active then, or (for a return not yet opened, or
 * with `windowMustBeOpen`) a reporting window that is not open.
 */
async function quarterProblem(ctx: ServiceContext, org: Organisation, periodCode: string, windowMustBeOpen: boolean): Promise<string | null> {
  const period = requirePeriod(periodCode);
  const label = formatPeriodLabel(period);
  if (!isActiveIn(org, period)) return `${org.name} was not active in ${label}, so it makes no return for it.`;
  const id = await findReturnId(ctx.db, org.code, periodCode);
  if (id) {
    const stored = await loadRevision(ctx.db, id);
    const problem = stored && transitionProblem(stored.status, "save");
    if (problem) return `The return for ${label} cannot take the computed figures: ${problem}`;
    if (!windowMustBeOpen) return null;
  }
  const departmentCode = departmentOf(ctx.scope.organisations, org.code) ?? ctx.scope.departmentCode;
  const window = departmentCode ? await getWindow(ctx.db, departmentCode, periodCode) : undefined;
  if (!window || window.closedAt !== null) return `Returns for ${label} are not open: the department opens each quarter's reporting window.`;
  return null;
}

/** Figures that count events in a quarter (the others, such as cases open, carry on with no event). */
const activityFields = ["received", "withdrawn", "er_closed", "cl_closed", "escalated_to_closer_look", "phso_referred"];

/**
 * The index of the last quarter in which anything in the file happened (-1 if none). The computed
 * quarters run on to today while cases are open, so the quarters after it only carry those cases.
 */
export function lastActiveQuarter(quarters: readonly ComputedQuarter[]): number {
  return quarters.findLastIndex((q) => activityFields.some((f) => (q.values[f] ?? 0) > 0));
}

/** Which quarters to write and which to skip, once the file is read. */
async function planQuarters(ctx: ServiceContext, org: Organisation, quarters: readonly ComputedQuarter[], options: ImportCasesOptions): Promise<{ targets: ComputedQuarter[]; skipped: { period: string; reason: string }[]; problems: CaseProblem[] }> {
  if (options.period) {
    const label = formatPeriodLabel(requirePeriod(options.period));
    const quarter = quarters.find((q) => q.period === options.period);
    if (!quarter) return { targets: [], skipped: [], problems: [{ row: null, column: null, message: `The file has no figures for ${label}: its cases run from ${quarters[0] ? formatPeriodLabel(requirePeriod(quarters[0].period)) : "nowhere"} to ${quarters.at(-1) ? formatPeriodLabel(requirePeriod(quarters.at(-1)!.period)) : "nowhere"}.` }] };
    if (!quarter.complete) return { targets: [], skipped: [], problems: [{ row: null, column: null, message: `${label} has not ended yet, so its figures are not final: import them once the quarter is over.` }] };
    if (options.refuseQuietQuarter && quarters.indexOf(quarter) > lastActiveQuarter(quarters)) {
      return {
        targets: [],
        skipped: [],
        problems: [{ row: null, column: null, message: `Nothing in the file happened in ${label} or later (no case received, escalated, closed, withdrawn or referred to the Ombudsman), so the file may have been exported before the quarter ended. Export your cases again and upload the new file, or enter the quarter's figures in the return.` }],
      };
    }
    const problem = await quarterProblem(ctx, org, quarter.period, false);
    return problem ? { targets: [], skipped: [], problems: [{ row: null, column: null, message: problem }] } : { targets: [quarter], skipped: [], problems: [] };
  }
  if (!options.everyOpenQuarter) return { targets: [], skipped: [], problems: [] };
  const targets: ComputedQuarter[] = [];
  const skipped: { period: string; reason: string }[] = [];
  // Open cases carry the computed quarters on to today; quarters after the last one in which
  // anything happened are not written unasked, so an old export cannot blank a newer draft.
  const lastActive = lastActiveQuarter(quarters);
  for (const [i, q] of quarters.entries()) {
    if (!q.complete) {
      skipped.push({ period: q.period, reason: "The quarter has not ended yet." });
      continue;
    }
    if (i > lastActive) {
      skipped.push({ period: q.period, reason: "Nothing in the file happened in this quarter or later (no case received, escalated, closed, withdrawn or referred): the file may have been exported before then. Give the quarter with --period to write it anyway." });
      continue;
    }
    const problem = await quarterProblem(ctx, org, q.period, true);
    if (problem) skipped.push({ period: q.period, reason: problem });
    else targets.push(q);
  }
  return { targets, skipped, problems: [] };
}

/**
 * A draft's values once a quarter's computed figures are written into it: only the fields the file
 * gave change; the rest stay. Also the draft's fields, to say what changed.
 */
function computedValues(org: Organisation, draft: { templateVersion: number; values: ReturnValues }, quarter: ComputedQuarter) {
  const fields = templateFields(requireTemplate(draft.templateVersion), org.serviceAreas);
  const ids = new Set(fields.map((f) => f.id));
  const computed = Object.fromEntries(Object.entries(quarter.values).filter(([field]) => ids.has(field)));
  // A breakdown the file could not give (a case received with no channel, say) is emptied for the
  // team to fill in: figures kept from before would not add up to the computed complaints received.
  const left = quarter.left.map((l) => `${l.field}.`);
  const kept = Object.fromEntries(Object.entries(draft.values).filter(([field]) => !left.some((prefix) => field.startsWith(prefix))));
  return { values: { ...kept, ...computed }, fields };
}

/** What writing a quarter's computed figures would change in its draft as it is now (everything, for a return not opened yet). */
async function wouldChange(ctx: ServiceContext, org: Organisation, quarter: ComputedQuarter): Promise<WrittenQuarter> {
  const id = await findReturnId(ctx.db, org.code, quarter.period);
  const stored = id ? await loadRevision(ctx.db, id) : undefined;
  const draft = stored ?? { templateVersion: currentTemplate.version, values: {} };
  const { values, fields } = computedValues(org, draft, quarter);
  return { period: quarter.period, returnId: id ?? "", changes: figureChanges(draft.values, values, fields) };
}

/**
 * Writes a quarter's computed figures into its draft (opened if need be); notes and explanations
 * stay. The audit entry says where they came from.
 */
async function writeQuarter(ctx: ServiceContext, org: Organisation, quarter: ComputedQuarter, reason: string, caseImportId: string): Promise<WrittenQuarter> {
  const draft = await openDraft(ctx, org.code, quarter.period);
  const { values, fields } = computedValues(org, draft, quarter);
  const saved = await saveDraft(
    ctx,
    { returnId: draft.returnId, expectedVersion: draft.version, values, notes: draft.notes, explanations: draft.explanations },
    { dropClearedExplanations: true, action: "return.computedFromCases", reason, caseImportId },
  );
  return { period: quarter.period, returnId: saved.returnId, changes: figureChanges(draft.values, saved.values, fields) };
}

/** The audit entry of an import: how many cases the body had before and has now, and from which file (and mapping). */
function auditImport(ctx: ServiceContext, organisationCode: string, importId: string, cases: { before: number; after: number }, options: ImportCasesOptions) {
  return appendAudit(ctx.db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action: "cases.imported",
    entityType: "case_import",
    entityId: importId,
    organisationCode,
    changes: [{ field: "cases", old: cases.before, new: cases.after }],
    reason: `From ${options.fileName}${options.mappingName ? ` with the mapping “${options.mappingName}”` : ""}`,
  });
}

/** Writes each planned quarter's computed figures; a quarter that cannot be written refuses the whole import, saying which. */
async function writeQuarters(ctx: ServiceContext, org: Organisation, result: CaseFileResult, targets: readonly ComputedQuarter[], file: { importId: string; fileName: string }): Promise<WrittenQuarter[]> {
  const reason = `Computed from the case file ${file.fileName} (${result.rows.toLocaleString("en-GB")} ${result.rows === 1 ? "case" : "cases"})`;
  const writtenQuarters: WrittenQuarter[] = [];
  for (const q of targets) {
    try {
      writtenQuarters.push(await writeQuarter(ctx, org, q, reason, file.importId));
    } catch (error) {
      // A return that changed meanwhile, or a window closed: said, and nothing stored.
      if (error instanceof DomainError) throw new Refused(refusedResult(result, [{ row: null, column: null, message: `${formatPeriodLabel(requirePeriod(q.period))}: ${error.message}` }]));
      throw error;
    }
  }
  return writtenQuarters;
}

/**
 * Imports a body's case file: checks every row and computes every quarter (the screening
 * package's `readCaseFile`). Unless it is a dry run, in one transaction: stores the file's cases as
 * the body's current ones, records the import, writes the computed figures into the chosen quarters'
 * drafts (each revision records the import), and deletes the earlier cases nothing reads any more
 * (a revision the department may be shown keeps its own). All or nothing: a file with any problem,
 * or a return that cannot be edited, stores nothing, and the result says why.
 */
export async function importCases(ctx: ServiceContext, source: CaseSource, options: ImportCasesOptions): Promise<CaseImportResult> {
  const org = ctx.scope.organisation(options.organisationCode, "body");
  const settings = await caseSettingsOf(ctx.db, org);
  const mapping = options.mappingName ? await loadCaseMapping(ctx.db, org.code, options.mappingName) : undefined;
  const today = ukDateOf(ctx.now);
  const read = (db: Kysely<Database>) => (typeof source === "function" ? source(db) : source);

  // A quarter that cannot be written is said before the file is read.
  if (options.period) {
    const problem = await quarterProblem(ctx, org, options.period, false);
    if (problem) return refusedResult(unread, [{ row: null, column: null, message: problem }]);
  }

  // Whether every reference so far is the example's: such a file is only ever a dry run.
  let example = true;
  const noteExample = (row: CaseRow) => {
    if (example && !isExampleCaseReference(row.case_ref)) example = false;
  };
  const dryRun = async (db: Kysely<Database>, result: CaseFileResult): Promise<CaseImportResult> => {
    const plan = await planQuarters({ ...ctx, db }, org, result.quarters, options);
    if (plan.problems.length > 0) return { ...refusedResult(result, plan.problems), example: example && result.rows > 0 };
    const writtenQuarters: WrittenQuarter[] = [];
    for (const q of plan.targets) writtenQuarters.push(await wouldChange({ ...ctx, db }, org, q));
    return { ...result, written: null, writtenQuarters, skipped: plan.skipped, importId: null, fileRefused: false, example: example && result.rows > 0 };
  };

  if (options.dryRun) {
    const result = await readCaseFile(read(ctx.db), { settings, mapping, today, onCase: noteExample, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (!result.ok) return refusedResult(result, []);
    return dryRun(ctx.db, result);
  }

  const importId = randomUUID();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tctx: ServiceContext = { ...ctx, db: trx };
      await lockOrganisationCases(trx, org.code);
      const previous = await currentCaseImport(trx, org.code);
      const before = previous ? await countCases(trx, previous.id) : 0;
      const timescales = { earlyResolutionDays: settings.earlyResolutionDays, closerLookDays: settings.closerLookDays };
      await insertCaseImport(trx, { id: importId, organisationCode: org.code, importedBy: ctx.actor.id, importedAt: ctx.now, fileName: options.fileName, rows: 0, encoding: null, timescales });
      const writer = caseWriter(trx, org.code, importId);
      const result = await readCaseFile(read(trx), {
        settings,
        mapping,
        today,
        onCase: (row) => {
          noteExample(row);
          return writer.add(toStoredCase(row));
        },
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (!result.ok) throw new Refused(refusedResult(result, []));
      // The example file, sent to be imported: answered as a dry run, and what was written rolls back.
      if (example && result.rows > 0) throw new Refused(await dryRun(trx, result));
      await writer.flush();
      await setCaseImportRows(trx, importId, result.rows, result.encoding);
      await auditImport(tctx, org.code, importId, { before, after: result.rows }, options);
      const plan = await planQuarters(tctx, org, result.quarters, options);
      if (plan.problems.length > 0) throw new Refused(refusedResult(result, plan.problems));
      const writtenQuarters = await writeQuarters(tctx, org, result, plan.targets, { importId, fileName: options.fileName });
      await deleteUnusedCases(trx, org.code);
      const imported: CaseImportResult = { ...result, written: options.period ? (writtenQuarters[0] ?? null) : null, writtenQuarters, skipped: plan.skipped, importId, fileRefused: false, example: false };
      await options.beforeCommit?.(trx, imported);
      return imported;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
