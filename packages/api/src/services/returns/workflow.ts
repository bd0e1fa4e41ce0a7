import { randomUUID } from "node:crypto";
import { insertRevision, loadRevision, markReceived, updateRevision, type RevisionPatch, type StoredRevision } from "@complaints/db";
import { approverProblem, DomainError, transitionProblem, transitions, workflowActionLabels, type WorkflowAction } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { dueDateFor } from "../windows.ts";
import { audit, inTransaction } from "./audit.ts";
import { getReturnInScope, loadCurrent } from "./in-scope.ts";
import { isNotifiedAction, notifyWorkflowAction } from "../notifications/workflow.ts";
import { validateStored } from "./validate.ts";

/** A change refused because the return moved on since `expectedVersion`. */
export function conflict(stored: StoredRevision, expectedVersion: number): DomainError {
  return new DomainError(
    "CONFLICT",
    `Someone else changed this return after you opened it (you had version ${expectedVersion}; it is now version ${stored.version}). Nothing you sent was saved. Reload the return to see the latest figures.`,
    { currentVersion: stored.version },
  );
}

/** Refuses `action` where the return's status does not allow it, or where it changed since `expectedVersion`. */
export function assertTransition(stored: StoredRevision, action: WorkflowAction, expectedVersion: number): void {
  const problem = transitionProblem(stored.status, action);
  if (problem) throw new DomainError("INVALID_TRANSITION", problem);
  if (stored.version !== expectedVersion) throw conflict(stored, expectedVersion);
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
    if (isNotifiedAction(action)) await notifyWorkflowAction(trx, ctx, action, stored, reason);
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
    await notifyWorkflowAction(trx, ctx, "return", stored, reason);
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
