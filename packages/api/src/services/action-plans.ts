import { randomUUID } from "node:crypto";
import {
  appendAudit,
  getActionPlan,
  insertActionPlan,
  insertActionReview,
  listActionPlans,
  listAudit,
  updateActionPlan,
  type ActionPlanPatch,
  type AuditChange,
  type Database,
  type Kysely,
  type StoredActionPlan,
} from "@complaints/db";
import {
  actionKindLabels,
  actionStatus,
  compareActionPlans,
  DomainError,
  formatDate,
  publicationApprovalLapses,
  publicationState,
  subtreeCodes,
  ukDateOf,
  type ActionCompletionInput,
  type ActionPlanFields,
  type ActionReviewInput,
  type ActionStatus,
  type IsoDate,
  type PublicationState,
} from "@complaints/domain";
import { assertInScope } from "../scope.ts";
import type { ServiceContext } from "./actor.ts";

/**
 * Learning action plans (DESIGN.md section 2): a body's own people keep them; its department reads
 * them. Status is derived from the dates on the service's clock, never stored. Every change is in the
 * audit log (entity type "action"), field by field.
 */
export interface ActionPlanView extends StoredActionPlan {
  organisationName: string;
  kindLabel: string;
  status: ActionStatus;
  statusLabel: string;
  /** Not completed and its due date has passed. */
  overdue: boolean;
  /** Whether the "you said, we did" summary is public: not for publication, waiting for approval, or published. */
  publication: PublicationState;
  /** "Not for publication", "Waiting for approval" or "Published 3 December 2026". */
  publicationLabel: string;
}

/** Today in the UK, on the service's clock: the day statuses and "in the future" are judged by. */
export function serviceToday(ctx: ServiceContext): IsoDate {
  return ukDateOf(ctx.now);
}

function view(ctx: ServiceContext, plan: StoredActionPlan): ActionPlanView {
  const organisationName = ctx.scope.organisations.find((o) => o.code === plan.organisationCode)?.name ?? plan.organisationCode;
  return { ...plan, organisationName, kindLabel: actionKindLabels[plan.kind], ...actionStatus(plan, serviceToday(ctx)), ...publicationState(plan) };
}

function sorted(views: ActionPlanView[]): ActionPlanView[] {
  return views.sort(compareActionPlans);
}

async function loadInScope(ctx: ServiceContext, id: string): Promise<StoredActionPlan> {
  const plan = await getActionPlan(ctx.db, id);
  if (!plan) throw new DomainError("NOT_FOUND", "There is no such action plan.");
  assertInScope(ctx.scope, plan.organisationCode);
  return plan;
}

/** A plan the caller may change at the version they read: a body's own people only (the department reads). */
async function loadForEdit(ctx: ServiceContext, id: string, expectedVersion: number): Promise<StoredActionPlan> {
  const plan = await loadInScope(ctx, id);
  if (ctx.scope.actsFor !== "body") throw new DomainError("FORBIDDEN", "Only the body's own people can change its action plans.");
  if (plan.version !== expectedVersion) throw conflict(plan.version, expectedVersion);
  return plan;
}

function conflict(current: number, expectedVersion: number): DomainError {
  return new DomainError(
    "CONFLICT",
    `Someone else changed this action plan after you opened it (you had version ${expectedVersion}; it is now version ${current}). Nothing you sent was saved. Reload the plan to see the latest.`,
    { currentVersion: current },
  );
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("INVALID_INPUT", `${field}: ${message}`, { field });
}

function audit(db: Kysely<Database>, ctx: ServiceContext, action: string, plan: { id: string; organisationCode: string }, changes: AuditChange[]) {
  return appendAudit(db, { at: ctx.now, actorUserId: ctx.actor.id, actor: ctx.actor.email, action, entityType: "action", entityId: plan.id, organisationCode: plan.organisationCode, changes, reason: null });
}

/** Field-by-field changes to the fields `after` gives (lists compared by content). */
export function diffPlan(before: object, after: object): AuditChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a)
    .sort()
    .filter((f) => a[f] !== undefined && JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, old: b[f] ?? null, new: a[f] ?? null }));
}

const notApproved = { publicationApprovedBy: null, publicationApprovedByName: null, publicationApprovedAt: null } satisfies ActionPlanPatch;

/**
 * Writes a change at the version read, or refuses it if someone else wrote first (the whole
 * transaction is undone). A change to what was approved for publication (the summary, the
 * publishable flag, completion) withdraws the approval in the same write, whoever makes it, so an
 * edited summary is never public before it is approved again. Gives back what was written.
 */
async function write(trx: Kysely<Database>, ctx: ServiceContext, plan: StoredActionPlan, expectedVersion: number, patch: ActionPlanPatch): Promise<ActionPlanPatch> {
  const written = publicationApprovalLapses(plan, { ...plan, ...patch }) ? { ...patch, ...notApproved } : patch;
  const ok = await updateActionPlan(trx, plan.id, expectedVersion, written, { at: ctx.now, userId: ctx.actor.id });
  if (!ok) {
    const current = await getActionPlan(trx, plan.id);
    throw conflict(current?.version ?? expectedVersion + 1, expectedVersion);
  }
  return written;
}

async function reload(ctx: ServiceContext, id: string): Promise<ActionPlanView> {
  return view(ctx, await loadInScope(ctx, id));
}

/** A body's plans, overdue first, then by due date. */
export async function listBodyActionPlans(ctx: ServiceContext, organisationCode: string): Promise<ActionPlanView[]> {
  ctx.scope.organisation(organisationCode, "body");
  return sorted((await listActionPlans(ctx.db, [organisationCode])).map((p) => view(ctx, p)));
}

export interface DepartmentActionFilter {
  departmentCode: string;
  /** A derived status, or "overdue". */
  status?: ActionStatus | "overdue" | undefined;
  /** A template theme code. */
  theme?: string | undefined;
  /** Part of the owner's name, any case. */
  owner?: string | undefined;
  /** One of the department's bodies. */
  organisationCode?: string | undefined;
}

/**
 * The codes of a department's bodies (the caller must see the department), or of the one body asked
 * for: FORBIDDEN outside the caller's scope, INVALID_INPUT for a body of another department or a
 * department's code.
 */
export function departmentBodyCodes(ctx: ServiceContext, departmentCode: string, organisationCode?: string): string[] {
  ctx.scope.organisation(departmentCode, "department");
  const codes = subtreeCodes(ctx.scope.organisations, departmentCode).filter((c) => c !== departmentCode);
  if (organisationCode === undefined) return codes;
  ctx.scope.organisation(organisationCode, "body");
  if (!codes.includes(organisationCode)) throw new DomainError("INVALID_INPUT", `${organisationCode} is not one of ${departmentCode}'s bodies.`, { field: "organisationCode" });
  return [organisationCode];
}

/** Plans across a department's bodies (department users only, by scope), overdue first, then by due date. */
export async function listDepartmentActionPlans(ctx: ServiceContext, filter: DepartmentActionFilter): Promise<ActionPlanView[]> {
  const codes = departmentBodyCodes(ctx, filter.departmentCode, filter.organisationCode);
  const owner = filter.owner?.trim().toLocaleLowerCase("en-GB");
  return sorted(
    (await listActionPlans(ctx.db, codes))
      .map((p) => view(ctx, p))
      .filter((p) => filter.status === undefined || (filter.status === "overdue" ? p.overdue : p.status === filter.status))
      .filter((p) => filter.theme === undefined || p.themes.includes(filter.theme))
      .filter((p) => !owner || p.owner.toLocaleLowerCase("en-GB").includes(owner)),
  );
}

export async function getActionPlanInScope(ctx: ServiceContext, id: string): Promise<ActionPlanView> {
  return reload(ctx, id);
}

export async function createActionPlan(ctx: ServiceContext, organisationCode: string, fields: ActionPlanFields): Promise<ActionPlanView> {
  ctx.scope.organisation(organisationCode, "body");
  if (ctx.scope.actsFor !== "body") throw new DomainError("FORBIDDEN", "Only the body's own people can add its action plans.");
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await insertActionPlan(trx, { id, organisationCode, ...fields, completedDate: null, verifiedBy: null, verifiedDate: null, verificationNote: null, createdAt: ctx.now, createdBy: ctx.actor.id });
    await audit(trx, ctx, "action.created", { id, organisationCode }, diffPlan({}, fields));
  });
  return reload(ctx, id);
}

export async function updateActionPlanFields(ctx: ServiceContext, id: string, expectedVersion: number, fields: ActionPlanFields): Promise<ActionPlanView> {
  const plan = await loadForEdit(ctx, id, expectedVersion);
  if (diffPlan(plan, fields).length === 0) return view(ctx, plan);
  await ctx.db.transaction().execute(async (trx) => {
    const written = await write(trx, ctx, plan, expectedVersion, fields);
    await audit(trx, ctx, "action.updated", plan, diffPlan(plan, written));
  });
  return reload(ctx, id);
}

export async function addActionReview(ctx: ServiceContext, id: string, expectedVersion: number, review: ActionReviewInput): Promise<ActionPlanView> {
  const plan = await loadForEdit(ctx, id, expectedVersion);
  const today = serviceToday(ctx);
  if (review.date > today) throw invalid("date", `The review date cannot be after today (${today}): record a review once it has happened`);
  const reviewId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await write(trx, ctx, plan, expectedVersion, {});
    await insertActionReview(trx, id, { id: reviewId, date: review.date, note: review.note, recordedBy: ctx.actor.id, recordedByName: ctx.actor.displayName, recordedAt: ctx.now });
    await audit(trx, ctx, "action.reviewed", plan, [
      { field: "review.date", old: null, new: review.date },
      { field: "review.note", old: null, new: review.note },
    ]);
  });
  return reload(ctx, id);
}

/** Closes a plan: the date it was completed and who verified that, when and how. */
export async function completeActionPlan(ctx: ServiceContext, id: string, expectedVersion: number, completion: ActionCompletionInput): Promise<ActionPlanView> {
  const plan = await loadForEdit(ctx, id, expectedVersion);
  if (plan.completedDate !== null) throw new DomainError("INVALID_TRANSITION", `This action was already completed on ${plan.completedDate}.`);
  const today = serviceToday(ctx);
  if (completion.completedDate > today) throw invalid("completedDate", `The completion date cannot be after today (${today})`);
  if (completion.verifiedDate > today) throw invalid("verifiedDate", `The verification date cannot be after today (${today})`);
  const patch: ActionPlanPatch = { ...completion };
  await ctx.db.transaction().execute(async (trx) => {
    const written = await write(trx, ctx, plan, expectedVersion, patch);
    await audit(trx, ctx, "action.completed", plan, diffPlan(plan, written));
  });
  return reload(ctx, id);
}

/**
 * The users who wrote the summary as it stands: everyone whose change to its text is in the audit
 * log since it was last approved (or since the plan was created). The approver must not be one of
 * them, as the approver of a return may not be the person who submitted it.
 */
async function summaryWriters(db: Kysely<Database>, id: string): Promise<Set<string>> {
  const writers = new Set<string>();
  for (const entry of await listAudit(db, "action", id)) {
    if (entry.action === "action.publicationApproved") writers.clear();
    else if (entry.actorUserId !== null && entry.changes.some((c) => c.field === "publicSummary")) writers.add(entry.actorUserId);
  }
  return writers;
}

/**
 * The body's senior accountable officer approves the "you said, we did" summary they read (at its
 * version) for publication: the action must be completed and marked publishable, and the approver
 * must not have written the summary. Who and when go on the plan and in the audit log.
 */
export async function approvePublication(ctx: ServiceContext, id: string, expectedVersion: number): Promise<ActionPlanView> {
  const plan = await loadForEdit(ctx, id, expectedVersion);
  if (!plan.publishable || plan.publicSummary.trim() === "") throw new DomainError("INVALID_TRANSITION", "This action is not marked for publication. Its complaints team marks it publishable and writes a “you said, we did” summary first.");
  if (plan.completedDate === null) throw new DomainError("INVALID_TRANSITION", "This action is not completed yet. Its summary can be approved for publication once the action is closed.");
  if (plan.publicationApprovedAt !== null) throw new DomainError("INVALID_TRANSITION", `This summary was already approved for publication on ${formatDate(ukDateOf(plan.publicationApprovedAt))}.`);
  if ((await summaryWriters(ctx.db, id)).has(ctx.actor.id)) {
    throw new DomainError("FORBIDDEN", "You wrote or changed this summary, so you cannot approve it as well. Another senior accountable officer of the body must approve it.");
  }
  const patch: ActionPlanPatch = { publicationApprovedBy: ctx.actor.id, publicationApprovedByName: ctx.actor.displayName, publicationApprovedAt: ctx.now };
  await ctx.db.transaction().execute(async (trx) => {
    await write(trx, ctx, plan, expectedVersion, patch);
    await audit(trx, ctx, "action.publicationApproved", plan, [...diffPlan(plan, patch), { field: "approvedSummary", old: null, new: plan.publicSummary }]);
  });
  return reload(ctx, id);
}

/**
 * Takes a published summary down at once: the body's senior accountable officer, or the department's
 * oversight. No version is asked for, so a withdrawal is never refused because someone else changed
 * the plan; it is undone only by approving the summary again.
 */
export async function withdrawPublication(ctx: ServiceContext, id: string): Promise<ActionPlanView> {
  const plan = await loadInScope(ctx, id);
  if (plan.publicationApprovedAt === null) throw new DomainError("INVALID_TRANSITION", "This summary is not approved for publication, so there is nothing to withdraw.");
  await ctx.db.transaction().execute(async (trx) => {
    await write(trx, ctx, plan, plan.version, notApproved);
    await audit(trx, ctx, "action.publicationWithdrawn", plan, diffPlan(plan, notApproved));
  });
  return reload(ctx, id);
}
