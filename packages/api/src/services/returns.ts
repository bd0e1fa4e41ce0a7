import { randomUUID } from "node:crypto";
import {
  appendAudit,
  findReturnId,
  getWindow,
  insertReturn,
  insertRevision,
  listAudit,
  listCurrentReturns,
  listRevisions,
  listUserNames,
  loadRevision,
  markReceived,
  replaceValues,
  updateRevision,
  type AuditChange,
  type AuditEntry,
  type Database,
  type Kysely,
  type RevisionPatch,
  type StoredRevision,
} from "@complaints/db";
import {
  approverProblem,
  DomainError,
  departmentOf,
  isSent,
  returnStatusLabels,
  formatPeriodLabel,
  isActiveIn,
  periodIndex,
  previousPeriod,
  requirePeriod,
  templateFields,
  carriedForwardValues,
  currentTemplate,
  requireTemplate,
  transitionProblem,
  transitions,
  workflowActionLabels,
  validateReturn,
  type FieldValue,
  type Organisation,
  type ReturnValues,
  type ValidationResult,
  type WorkflowAction,
} from "@complaints/domain";
import { assertInScope } from "../scope.ts";
import type { ServiceContext } from "./actor.ts";
import { dueDateFor } from "./windows.ts";

/** The current revision of a return in the caller's scope, whatever its status: for the workflow's own checks. */
export async function loadCurrent(ctx: ServiceContext, returnId: string): Promise<StoredRevision> {
  const stored = await loadRevision(ctx.db, returnId);
  if (!stored) throw new DomainError("NOT_FOUND", "There is no such return.");
  assertInScope(ctx.scope, stored.organisationCode);
  return stored;
}

/**
 * A revision of a return as the caller may see it. A body's users see every revision of their
 * body's returns. A department's users see only what has been sent to them (domain `sentStatuses`)
 * and the revisions they returned, kept as sent (`returnToBody`): without a revision number, the
 * last revision sent (the accepted figures while a correction is being prepared), or else the last
 * one they returned; never a draft, one awaiting the body's sign-off, or the body's corrections of
 * one returned. The tracker shows them the status of the others.
 */
export async function getReturnInScope(ctx: ServiceContext, returnId: string, revision?: number): Promise<StoredRevision> {
  if (ctx.scope.actsFor === "body") {
    const stored = await loadRevision(ctx.db, returnId, revision);
    if (!stored) throw new DomainError("NOT_FOUND", revision === undefined ? "There is no such return." : `This return has no revision ${revision}.`);
    assertInScope(ctx.scope, stored.organisationCode);
    return stored;
  }
  const current = await loadCurrent(ctx, returnId);
  if (revision === undefined) {
    if (isSent(current.status)) return current;
    const sent = (await loadRevision(ctx.db, returnId, "sent")) ?? (await loadRevision(ctx.db, returnId, "returned"));
    if (sent) return sent;
    throw notSent(current);
  }
  if (revision === current.revision) {
    if (isSent(current.status)) return current;
    throw notSent(current);
  }
  const stored = await loadRevision(ctx.db, returnId, revision);
  if (!stored) throw new DomainError("NOT_FOUND", `This return has no revision ${revision}.`);
  if (!isSent(stored.status) && !returnedByDepartment(stored)) throw notSent(stored);
  return stored;
}

/** A revision the department returned: kept as it was sent, not counted; the body corrects a later revision. */
export function returnedByDepartment(stored: Pick<StoredRevision, "status" | "decidedBy" | "revision" | "currentRevision">): boolean {
  return stored.status === "returned" && stored.decidedBy !== null && stored.revision < stored.currentRevision;
}

function notSent(stored: StoredRevision): DomainError {
  return new DomainError(
    "FORBIDDEN",
    `The department sees a return once the body's senior accountable officer has approved it. This one is ${returnStatusLabels[stored.status].toLowerCase()}, so only its status is shown (in the submission tracker).`,
    { status: stored.status, revision: stored.revision },
  );
}

export async function getReturnFor(ctx: ServiceContext, organisationCode: string, period: string): Promise<StoredRevision | null> {
  ctx.scope.organisation(organisationCode);
  const id = await findReturnId(ctx.db, organisationCode, period);
  return id ? getReturnInScope(ctx, id) : null;
}

/**
 * Opens the draft return of a body for a quarter, or gives back the one already open.
 * Fields the template carries from last quarter (`carriedFrom`: `brought_forward` from
 * `carried_forward`) are filled in, so they are never typed twice.
 */
export async function openDraft(ctx: ServiceContext, organisationCode: string, periodCode: string): Promise<StoredRevision> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const period = requirePeriod(periodCode);
  if (!isActiveIn(org, period)) {
    throw new DomainError("INVALID_INPUT", `${org.name} was not active in ${formatPeriodLabel(period)}, so it makes no return for it.`);
  }
  const existing = await findReturnId(ctx.db, organisationCode, periodCode);
  if (existing) return getReturnInScope(ctx, existing);

  const departmentCode = departmentOf(ctx.scope.organisations, organisationCode) ?? ctx.scope.departmentCode;
  const window = departmentCode ? await getWindow(ctx.db, departmentCode, periodCode) : undefined;
  if (!window || window.closedAt !== null) {
    throw new DomainError("INVALID_TRANSITION", `Returns for ${formatPeriodLabel(period)} are not open. Your department opens each quarter's reporting window.`);
  }

  // Last quarter's figures as sent to the department, or its draft if it has not been sent yet.
  const previousIndex = periodIndex(previousPeriod(period));
  const [sent] = await listCurrentReturns(ctx.db, [organisationCode], previousIndex, previousIndex, { revision: "sent" });
  const previous = sent ?? (await listCurrentReturns(ctx.db, [organisationCode], previousIndex, previousIndex))[0];
  const values: Record<string, FieldValue> = previous ? carriedForwardValues(currentTemplate, previous.values) : {};

  const id = randomUUID();
  try {
    await createDraft(ctx, id, organisationCode, periodCode, periodIndex(period), values);
  } catch (error) {
    // Someone opened it at the same moment: give back theirs.
    const opened = await findReturnId(ctx.db, organisationCode, periodCode);
    if (opened) return getReturnInScope(ctx, opened);
    throw error;
  }
  return getReturnInScope(ctx, id);
}

function createDraft(ctx: ServiceContext, id: string, organisationCode: string, periodCode: string, index: number, values: Record<string, FieldValue>) {
  return inTransaction(ctx.db, async (trx) => {
    await insertReturn(trx, { id, organisationCode, period: periodCode, periodIndex: index, now: ctx.now });
    await insertRevision(trx, {
      id: randomUUID(),
      returnId: id,
      revision: 1,
      templateVersion: currentTemplate.version,
      status: "draft",
      values,
      notes: {},
      explanations: {},
      by: ctx.actor.id,
      now: ctx.now,
    });
    await audit(trx, ctx, "return.opened", id, organisationCode, diffValues({}, values), null);
  });
}

/**
 * Runs `work` in a transaction, or in the caller's when `db` is one already: the case import opens
 * and saves a draft inside its own transaction, so a refused file leaves no draft behind.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function audit(db: Kysely<Database>, ctx: ServiceContext, action: string, returnId: string, organisationCode: string, changes: AuditChange[], reason: string | null) {
  return appendAudit(db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action,
    entityType: "return",
    entityId: returnId,
    organisationCode,
    changes,
    reason,
  });
}

/** Field-by-field changes between two sets of values (for the audit log and revision differences). */
export function diffValues(before: ReturnValues, after: ReturnValues): AuditChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => (before[f] ?? null) !== (after[f] ?? null))
    .map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

/** A figure an upload or import changes (or would), as people read it. */
export interface FigureChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

/** The figures that differ between two sets of values, in the template's order, each with its label. */
export function figureChanges(before: ReturnValues, after: ReturnValues, fields: readonly { id: string; label: string }[]): FigureChange[] {
  const order = new Map(fields.map((f, i) => [f.id, i]));
  const labels = new Map(fields.map((f) => [f.id, f.label]));
  return diffValues(before, after)
    .sort((a, b) => (order.get(a.field) ?? Infinity) - (order.get(b.field) ?? Infinity))
    .map((c) => ({ field: c.field, label: labels.get(c.field) ?? c.field, from: c.old as FieldValue, to: c.new as FieldValue }));
}

function conflict(stored: StoredRevision, expectedVersion: number): DomainError {
  return new DomainError(
    "CONFLICT",
    `Someone else changed this return after you opened it (you had version ${expectedVersion}; it is now version ${stored.version}). Nothing you sent was saved. Reload the return to see the latest figures.`,
    { currentVersion: stored.version },
  );
}

function assertTransition(stored: StoredRevision, action: WorkflowAction, expectedVersion: number): void {
  const problem = transitionProblem(stored.status, action);
  if (problem) throw new DomainError("INVALID_TRANSITION", problem);
  if (stored.version !== expectedVersion) throw conflict(stored, expectedVersion);
}

/**
 * The current revision of a return the caller is about to change with a save: refused as a save
 * would be (not editable in its status: PRECONDITION_FAILED; changed since `expectedVersion`: CONFLICT).
 */
export async function loadForSave(ctx: ServiceContext, returnId: string, expectedVersion: number): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, returnId);
  assertTransition(stored, "save", expectedVersion);
  return stored;
}

export interface SaveInput {
  returnId: string;
  expectedVersion: number;
  /** Checked at the procedure against every template version (domain `returnValuesInputSchema`). */
  values: Record<string, FieldValue>;
  notes?: Record<string, string>;
  explanations?: Record<string, string>;
}

export interface InputProblem {
  field: string;
  message: string;
}

export function refuse(problems: InputProblem[]): never {
  throw new DomainError("INVALID_INPUT", problems.map((p) => p.message).join(". ") + ".", { issues: problems });
}

/**
 * Saves a draft's values (all of them: what is not sent is blank). The input's types were checked
 * at the procedure; here, against this return: its template version, its body's service areas, and
 * the warnings its explanations answer. A save based on a stale version is refused and nothing is
 * overwritten.
 */
export interface SaveOptions {
  /** Drop explanations whose warning the new values clear, instead of refusing them (an upload cannot know which it clears). */
  dropClearedExplanations?: boolean;
  /** The audit event (`return.saved` unless given) and its reason. */
  action?: string;
  reason?: string;
  /** The case import the values were computed from (its cases lie behind the revision's figures). */
  caseImportId?: string;
}

export async function saveDraft(ctx: ServiceContext, input: SaveInput, options: SaveOptions = {}): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, input.returnId);
  assertTransition(stored, "save", input.expectedVersion);
  const org = ctx.scope.organisation(stored.organisationCode, "body");
  const template = requireTemplate(stored.templateVersion);
  const labels = new Map(templateFields(template, org.serviceAreas).map((f) => [f.id, f.label]));
  const values = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== undefined)) as Record<string, FieldValue>;
  const notes = input.notes ?? {};
  let explanations = input.explanations ?? {};

  const problems: InputProblem[] = Object.keys(values)
    .filter((field) => !labels.has(field))
    .map((field) => ({ field, message: `“${field}” is not a field of this return (template version ${template.version}${field.includes(".") ? `, for ${org.name}` : ""})` }));
  for (const field of Object.keys(notes)) {
    if (!labels.has(field)) problems.push({ field: `notes.${field}`, message: `A note names ${field}, which is not a field of this return` });
    else if (values[field] === null || values[field] === undefined) problems.push({ field: `notes.${field}`, message: `The note on ‘${labels.get(field)}’ needs a figure, or [x] or [z], to go with it` });
  }
  if (problems.length > 0) refuse(problems);

  // Explanations answer warnings this return has once these values are saved; any other is refused.
  const result = await validateValues(ctx, { ...stored, values, notes, explanations }, org);
  const warningIds = new Set(result.warnings.map((w) => w.id));
  const stray = Object.keys(explanations).filter((id) => !warningIds.has(id));
  if (stray.length > 0 && options.dropClearedExplanations) {
    explanations = Object.fromEntries(Object.entries(explanations).filter(([id]) => warningIds.has(id)));
  } else if (stray.length > 0) {
    refuse(stray.map((id) => ({ field: `explanations.${id}`, message: `There is no warning “${id}” on this return to explain (your changes may have cleared it): remove that explanation` })));
  }

  await inTransaction(ctx.db, async (trx) => {
    const ok = await updateRevision(trx, stored.id, input.expectedVersion, {
      explanations: JSON.stringify(explanations),
      ...(options.caseImportId ? { case_import_id: options.caseImportId } : {}),
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    });
    if (!ok) throw conflict((await loadRevision(trx, stored.returnId))!, input.expectedVersion);
    await replaceValues(trx, stored.seq, values, notes);
    const changes = diffValues(stored.values, values);
    const noteChanges = diffValues(prefixKeys("note:", stored.notes), prefixKeys("note:", notes));
    const explanationChanges = diffValues(prefixKeys("explanation:", stored.explanations), prefixKeys("explanation:", explanations));
    await audit(trx, ctx, options.action ?? "return.saved", stored.returnId, stored.organisationCode, [...changes, ...noteChanges, ...explanationChanges], options.reason ?? null);
  });
  return getReturnInScope(ctx, stored.returnId);
}

export function prefixKeys(prefix: string, record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Validates a revision's values against its template and the body's last 8 quarters as sent to the department. */
export async function validateValues(ctx: ServiceContext, stored: Pick<StoredRevision, "organisationCode" | "period" | "templateVersion" | "values" | "notes" | "explanations">, org: Organisation): Promise<ValidationResult> {
  const template = requireTemplate(stored.templateVersion);
  const period = requirePeriod(stored.period);
  const index = periodIndex(period);
  const history = await listCurrentReturns(ctx.db, [stored.organisationCode], index - template.outlier.historyQuarters, index - 1, { revision: "sent" });
  const lastQuarter = history.at(-1)?.periodIndex === index - 1 ? history.at(-1) : undefined;
  return validateReturn(stored.values, {
    template,
    period,
    serviceAreas: org.serviceAreas,
    notes: stored.notes,
    explanations: stored.explanations,
    history: history.map((h) => h.values),
    // Figures carried from last quarter (template `carriedFrom`) are checked against it as sent, so a
    // body's change, or a later correction of last quarter, asks for an explanation.
    ...(lastQuarter ? { previous: lastQuarter.values } : {}),
  });
}

function validateStored(ctx: ServiceContext, stored: StoredRevision): Promise<ValidationResult> {
  return validateValues(ctx, stored, ctx.scope.organisation(stored.organisationCode, "body"));
}

export async function validateReturnById(ctx: ServiceContext, returnId: string): Promise<ValidationResult> {
  return validateStored(ctx, await getReturnInScope(ctx, returnId));
}

async function transition(
  ctx: ServiceContext,
  input: { returnId: string; expectedVersion: number; reason?: string },
  action: WorkflowAction,
  patch: (stored: StoredRevision) => Promise<RevisionPatch> | RevisionPatch,
): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, input.returnId);
  assertTransition(stored, action, input.expectedVersion);
  const t = transitions[action];
  const reason = input.reason?.trim() || null;
  if (t.needsReason && !reason) throw new DomainError("INVALID_INPUT", `Give a reason to ${workflowActionLabels[action]} this return.`);
  const extra = await patch(stored);
  const status = t.to === "unchanged" ? stored.status : t.to;
  const dueDate = status === "approved" ? await dueDateFor(ctx, ctx.scope.organisation(stored.organisationCode, "body"), stored.period) : null;
  await inTransaction(ctx.db, async (trx) => {
    const ok = await updateRevision(trx, stored.id, input.expectedVersion, { ...extra, status, updated_at: ctx.now, updated_by: ctx.actor.id });
    if (!ok) throw conflict((await loadRevision(trx, stored.returnId))!, input.expectedVersion);
    // The department receives a return when its senior accountable officer approves it: timeliness
    // is measured from the first time that happened, against the due date in force then.
    if (dueDate) await markReceived(trx, stored.returnId, ctx.now, dueDate);
    await audit(trx, ctx, `return.${action}`, stored.returnId, stored.organisationCode, [{ field: "status", old: stored.status, new: status }], reason);
  });
  return getReturnInScope(ctx, stored.returnId);
}

/**
 * Submits a return for sign-off. `reply`, when the department returned the return, is the body's
 * answer to its reasons: kept with the submission in the audit log, and shown to the department
 * beside what changed (`changesSinceReturned`).
 */
export function submitReturn(ctx: ServiceContext, input: { returnId: string; expectedVersion: number; reply?: string | undefined }) {
  return transition(ctx, { ...input, reason: input.reply }, "submit", async (stored) => {
    if (input.reply?.trim() && !(stored.status === "returned" && stored.decidedBy !== null)) {
      throw new DomainError("INVALID_INPUT", "A reply to the department goes with a return the department returned, and it did not return this one: leave the reply blank.");
    }
    const result = await validateStored(ctx, stored);
    if (!result.canSubmit) {
      const parts = [];
      if (result.errors.length > 0) parts.push(`${result.errors.length} ${result.errors.length === 1 ? "problem" : "problems"} to fix`);
      if (result.unexplained.length > 0) parts.push(`${result.unexplained.length} ${result.unexplained.length === 1 ? "warning" : "warnings"} to explain`);
      throw new DomainError("VALIDATION_FAILED", `This return cannot be submitted yet: ${parts.join(" and ")}.`, result);
    }
    // A resubmission starts a fresh sign-off: earlier approval and decision no longer apply.
    return { submitted_at: ctx.now, submitted_by: ctx.actor.id, return_reason: null, approved_at: null, approved_by: null, decided_at: null, decided_by: null };
  });
}

export function approveReturn(ctx: ServiceContext, input: { returnId: string; expectedVersion: number }) {
  return transition(ctx, input, "approve", (stored) => {
    const problem = approverProblem(stored.submittedBy, ctx.actor.id);
    if (problem) throw new DomainError("FORBIDDEN", problem);
    return { approved_at: ctx.now, approved_by: ctx.actor.id };
  });
}

export function sendBackReturn(ctx: ServiceContext, input: { returnId: string; expectedVersion: number; reason: string }) {
  return transition(ctx, input, "sendBack", () => ({ return_reason: input.reason.trim() }));
}

export function acceptReturn(ctx: ServiceContext, input: { returnId: string; expectedVersion: number }) {
  return transition(ctx, input, "accept", () => ({ decided_at: ctx.now, decided_by: ctx.actor.id }));
}

/**
 * The department returns a return it was sent, with reasons. The revision it returned is kept as it
 * was sent (status `returned`, not counted), so the department can still read those figures and,
 * when the body sends the return again, see what changed; the body corrects a new revision that
 * starts with the same figures and carries the department's reasons.
 */
export async function returnToBody(ctx: ServiceContext, input: { returnId: string; expectedVersion: number; reason: string }): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, input.returnId);
  assertTransition(stored, "return", input.expectedVersion);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("INVALID_INPUT", "Give a reason to return this return.");
  await inTransaction(ctx.db, async (trx) => {
    const ok = await updateRevision(trx, stored.id, input.expectedVersion, {
      status: "returned",
      decided_at: ctx.now,
      decided_by: ctx.actor.id,
      return_reason: reason,
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    });
    if (!ok) throw conflict((await loadRevision(trx, stored.returnId))!, input.expectedVersion);
    await insertRevision(trx, {
      id: randomUUID(),
      returnId: stored.returnId,
      revision: stored.revision + 1,
      templateVersion: stored.templateVersion,
      status: "returned",
      values: stored.values,
      notes: stored.notes,
      explanations: stored.explanations,
      by: ctx.actor.id,
      now: ctx.now,
      returned: { at: ctx.now, by: ctx.actor.id, reason },
      // Its figures are the returned revision's, so the same cases lie behind them.
      caseImportId: stored.caseImportId,
    });
    await audit(
      trx,
      ctx,
      "return.return",
      stored.returnId,
      stored.organisationCode,
      [
        { field: "status", old: stored.status, new: "returned" },
        { field: "revision", old: stored.revision, new: stored.revision + 1 },
      ],
      reason,
    );
  });
  // The department gets back the return as the body now has it: the figures it returned, unchanged so far.
  return loadCurrent(ctx, stored.returnId);
}

/** Reopens an accepted return as a new revision (a draft with the same figures); every revision is kept. */
export async function reopenReturn(ctx: ServiceContext, input: { returnId: string; expectedVersion: number; reason: string }): Promise<StoredRevision> {
  const stored = await loadCurrent(ctx, input.returnId);
  assertTransition(stored, "reopen", input.expectedVersion);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("INVALID_INPUT", "Give a reason to reopen this return.");
  await ctx.db.transaction().execute(async (trx) => {
    // Bumping the accepted revision's version makes a concurrent second reopen fail, not fork.
    const ok = await updateRevision(trx, stored.id, input.expectedVersion, { updated_at: ctx.now, updated_by: ctx.actor.id });
    if (!ok) throw conflict((await loadRevision(trx, stored.returnId))!, input.expectedVersion);
    await insertRevision(trx, {
      id: randomUUID(),
      returnId: stored.returnId,
      revision: stored.revision + 1,
      templateVersion: stored.templateVersion,
      status: "draft",
      values: stored.values,
      notes: stored.notes,
      explanations: stored.explanations,
      by: ctx.actor.id,
      now: ctx.now,
      reopenReason: reason,
      // Its figures are the accepted revision's, so the same cases lie behind them.
      caseImportId: stored.caseImportId,
    });
    await audit(trx, ctx, "return.reopen", stored.returnId, stored.organisationCode, [{ field: "revision", old: stored.revision, new: stored.revision + 1 }], reason);
  });
  return getReturnInScope(ctx, stored.returnId);
}

/**
 * Each event with who did it as people read it: their name, and their email too only where two
 * people of the same name appear (the audit log keeps the email it was written with; the command
 * line and demo data have no person behind them).
 */
async function namedEvents(ctx: ServiceContext, events: readonly AuditEntry[]) {
  const people = await listUserNames(ctx.db, events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
  const emailsByName = new Map<string, Set<string>>();
  for (const p of people.values()) emailsByName.set(p.name, (emailsByName.get(p.name) ?? new Set()).add(p.email));
  return events.map((e) => {
    const person = e.actorUserId ? people.get(e.actorUserId) : undefined;
    const actorName = person ? ((emailsByName.get(person.name)?.size ?? 0) > 1 ? `${person.name} (${person.email})` : person.name) : e.actor;
    return { ...e, actorName };
  });
}

/** The only changes a department sees in a return's history: its status and revision, never a figure of the body's. */
const workflowFields = new Set(["status", "revision"]);

/**
 * Every revision of a return (without values) and its audit events. A body's users get them all. A
 * department's users get what was sent to them (DESIGN.md: the department sees a return once it has
 * been sent): the revisions sent, and the workflow's events (submitted, approved, accepted, returned,
 * reopened), not the body's drafting, whose changes are draft figures and whose reasons name its
 * files. While a correction is being prepared, the events stop at the one that began it.
 */
export async function returnHistory(ctx: ServiceContext, returnId: string) {
  const stored = await getReturnInScope(ctx, returnId);
  const events = await namedEvents(ctx, await listAudit(ctx.db, "return", stored.returnId));
  const revisions = await listRevisions(ctx.db, stored.returnId);
  if (ctx.scope.actsFor === "body") return { revisions, events };
  const workflow = events.filter((e) => e.changes.length > 0 && e.changes.every((c) => workflowFields.has(c.field)));
  const current = revisions.at(-1);
  const corrected = current && !isSent(current.status) ? workflow.findLastIndex((e) => e.action === "return.reopen" || e.action === "return.return") : -1;
  return {
    // What was sent: the revisions that count, and those the department returned (kept as sent).
    revisions: revisions.filter((r) => isSent(r.status) || returnedByDepartment(r)),
    events: corrected < 0 ? workflow : workflow.slice(0, corrected + 1),
  };
}

/** The fields that differ between two revisions the caller can see, labelled from the template. */
export async function revisionDifference(ctx: ServiceContext, returnId: string, from: number, to: number) {
  const a = await getReturnInScope(ctx, returnId, from);
  const b = await getReturnInScope(ctx, returnId, to);
  const org = ctx.scope.organisation(a.organisationCode, "body");
  const labels = new Map(templateFields(requireTemplate(b.templateVersion), org.serviceAreas).map((f) => [f.id, f.label]));
  return diffValues(a.values, b.values).map((c) => ({ fieldId: c.field, label: labels.get(c.field) ?? c.field, from: c.old as FieldValue, to: c.new as FieldValue }));
}

/**
 * What the body changed after the department returned its return: the revision the department
 * returned (kept as sent) against the revision the body sent again (`revision`, by default the one
 * the caller sees), field by field with the body's note on each figure, the department's reasons
 * and the body's reply (written when it submitted again). Null when the revision did not follow a
 * return by the department, or has not been sent again yet: the body's corrections are its own
 * until its senior accountable officer signs them off.
 */
export async function changesSinceReturned(ctx: ServiceContext, returnId: string, revision?: number) {
  const sent = await getReturnInScope(ctx, returnId, revision);
  if (!isSent(sent.status)) return null;
  // The revision the department received just before this one: a return only if it was returned.
  const earlier = (await listRevisions(ctx.db, sent.returnId)).filter((r) => r.revision < sent.revision && (isSent(r.status) || returnedByDepartment(r))).at(-1);
  if (!earlier || isSent(earlier.status)) return null;
  const returned = await getReturnInScope(ctx, sent.returnId, earlier.revision);
  const org = ctx.scope.organisation(sent.organisationCode, "body");
  const labels = new Map(templateFields(requireTemplate(sent.templateVersion), org.serviceAreas).map((f) => [f.id, f.label]));
  // The body's reply is kept with its submission after the return (the last one that has a reply).
  const events = await listAudit(ctx.db, "return", sent.returnId);
  const returnedAt = events.findLastIndex((e) => e.action === "return.return" && e.changes.some((c) => c.field === "revision" && c.old === returned.revision));
  const reply = events.slice(returnedAt + 1).filter((e) => e.action === "return.submit" && e.reason !== null).at(-1) ?? null;
  return {
    returned: { revision: returned.revision, returnedAt: returned.decidedAt, reason: returned.returnReason },
    sent: { revision: sent.revision, approvedAt: sent.approvedAt },
    reply: reply ? { text: reply.reason!, at: reply.at } : null,
    changes: diffValues(returned.values, sent.values).map((c) => ({
      fieldId: c.field,
      label: labels.get(c.field) ?? c.field,
      before: c.old as FieldValue,
      after: c.new as FieldValue,
      note: sent.notes[c.field] ?? null,
    })),
  };
}
