import { findReturnId, loadRevision, type StoredRevision } from "@complaints/db";
import { DomainError, isSent, returnStatusLabels } from "@complaints/domain";
import { assertInScope } from "../../scope.ts";
import type { ServiceContext } from "../actor.ts";

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
