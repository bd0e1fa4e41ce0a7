import { listAudit, listRevisions, listUserNames, type AuditEntry } from "@complaints/db";
import { isSent, requireTemplate, templateFields, type FieldValue } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { diffValues } from "./audit.ts";
import { getReturnInScope, returnedByDepartment } from "./in-scope.ts";

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
