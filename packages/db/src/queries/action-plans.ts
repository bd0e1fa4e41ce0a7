import type { ActionKind, InvolvementChoice } from "@complaints/domain";
import type { Kysely } from "kysely";
import type { ActionPlanRow, ActionPlanTable, ActionReviewRow, Database } from "../schema.ts";

/**
 * Learning action plans and their reviews: reading them, adding them, and changing a plan only if
 * nobody else has since (optimistic concurrency, a compare-and-set on `version`, as for returns).
 */
export interface ActionPlanRecord {
  id: string;
  organisationCode: string;
  failing: string;
  sourceComplaints: string[];
  action: string;
  kind: ActionKind;
  owner: string;
  startDate: string;
  dueDate: string;
  standards: string;
  involvement: InvolvementChoice[];
  involvementNote: string;
  keptInformed: string;
  monitoring: string;
  impactMeasure: string;
  impactBaseline: string;
  impactTarget: string;
  impactResult: string;
  themes: string[];
  publishable: boolean;
  publicSummary: string;
  completedDate: string | null;
  verifiedBy: string | null;
  verifiedDate: string | null;
  verificationNote: string | null;
  /** Who approved the summary for publication (user id, name as shown then) and when; all null until approved. */
  publicationApprovedBy: string | null;
  publicationApprovedByName: string | null;
  publicationApprovedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ActionReview {
  id: string;
  date: string;
  note: string;
  /** User id of whoever recorded it, and their name as shown then. */
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export interface StoredActionPlan extends ActionPlanRecord {
  /** Oldest first. */
  reviews: ActionReview[];
}

/** What a write may change: everything but the plan's identity, body, version and stamps. */
export type ActionPlanPatch = Partial<Omit<ActionPlanRecord, "id" | "organisationCode" | "version" | "createdAt" | "createdBy" | "updatedAt" | "updatedBy">>;

const columns: Record<keyof ActionPlanPatch, keyof ActionPlanTable> = {
  failing: "failing",
  sourceComplaints: "source_complaints",
  action: "action",
  kind: "kind",
  owner: "owner",
  startDate: "start_date",
  dueDate: "due_date",
  standards: "standards",
  involvement: "involvement",
  involvementNote: "involvement_note",
  keptInformed: "kept_informed",
  monitoring: "monitoring",
  impactMeasure: "impact_measure",
  impactBaseline: "impact_baseline",
  impactTarget: "impact_target",
  impactResult: "impact_result",
  themes: "themes",
  publishable: "publishable",
  publicSummary: "public_summary",
  completedDate: "completed_date",
  verifiedBy: "verified_by",
  verifiedDate: "verified_date",
  verificationNote: "verification_note",
  publicationApprovedBy: "publication_approved_by",
  publicationApprovedByName: "publication_approved_by_name",
  publicationApprovedAt: "publication_approved_at",
};

const jsonFields = new Set<keyof ActionPlanPatch>(["sourceComplaints", "involvement", "themes"]);

type PlanColumns = Partial<Omit<ActionPlanTable, "id" | "organisation_code" | "version" | "created_at" | "created_by" | "updated_at" | "updated_by">>;

function toColumns(patch: ActionPlanPatch): PlanColumns {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(patch) as [keyof ActionPlanPatch, unknown][]) {
    if (value === undefined) continue;
    const column = columns[key];
    out[column] = jsonFields.has(key) ? JSON.stringify(value) : typeof value === "boolean" ? (value ? 1 : 0) : (value as string | null);
  }
  return out as PlanColumns;
}

function toRecord(r: ActionPlanRow): ActionPlanRecord {
  return {
    id: r.id,
    organisationCode: r.organisation_code,
    failing: r.failing,
    sourceComplaints: JSON.parse(r.source_complaints) as string[],
    action: r.action,
    kind: r.kind as ActionKind,
    owner: r.owner,
    startDate: r.start_date,
    dueDate: r.due_date,
    standards: r.standards,
    involvement: JSON.parse(r.involvement) as InvolvementChoice[],
    involvementNote: r.involvement_note,
    keptInformed: r.kept_informed,
    monitoring: r.monitoring,
    impactMeasure: r.impact_measure,
    impactBaseline: r.impact_baseline,
    impactTarget: r.impact_target,
    impactResult: r.impact_result,
    themes: JSON.parse(r.themes) as string[],
    publishable: Number(r.publishable) === 1,
    publicSummary: r.public_summary,
    completedDate: r.completed_date,
    verifiedBy: r.verified_by,
    verifiedDate: r.verified_date,
    verificationNote: r.verification_note,
    publicationApprovedBy: r.publication_approved_by,
    publicationApprovedByName: r.publication_approved_by_name,
    publicationApprovedAt: r.publication_approved_at,
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function toReview(r: ActionReviewRow): ActionReview {
  return { id: r.id, date: r.review_date, note: r.note, recordedBy: r.recorded_by, recordedByName: r.recorded_by_name, recordedAt: r.recorded_at };
}

type PublicationApproval = Pick<ActionPlanRecord, "publicationApprovedBy" | "publicationApprovedByName" | "publicationApprovedAt">;
export type NewActionPlan = Omit<ActionPlanRecord, "version" | "updatedAt" | "updatedBy" | keyof PublicationApproval> & Partial<PublicationApproval>;

/** Adds a plan at version 1 (not approved for publication unless the approval is given). */
export async function insertActionPlan(db: Kysely<Database>, plan: NewActionPlan): Promise<void> {
  const { id, organisationCode, createdAt, createdBy, ...fields } = plan;
  await db
    .insertInto("action_plans")
    .values({
      ...(toColumns(fields) as Required<PlanColumns>),
      id,
      organisation_code: organisationCode,
      version: 1,
      created_at: createdAt,
      created_by: createdBy,
      updated_at: createdAt,
      updated_by: createdBy,
    })
    .execute();
}

/** Changes a plan if it is still at `expectedVersion`, and moves it to the next version; false if someone else changed it first. */
export async function updateActionPlan(db: Kysely<Database>, id: string, expectedVersion: number, patch: ActionPlanPatch, by: { at: string; userId: string }): Promise<boolean> {
  const result = await db
    .updateTable("action_plans")
    .set((eb) => ({ ...toColumns(patch), updated_at: by.at, updated_by: by.userId, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertActionReview(db: Kysely<Database>, actionId: string, review: ActionReview): Promise<void> {
  await db
    .insertInto("action_reviews")
    .values({ id: review.id, action_id: actionId, review_date: review.date, note: review.note, recorded_by: review.recordedBy, recorded_by_name: review.recordedByName, recorded_at: review.recordedAt })
    .execute();
}

export async function getActionPlan(db: Kysely<Database>, id: string): Promise<StoredActionPlan | undefined> {
  const row = await db.selectFrom("action_plans").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const reviews = await db.selectFrom("action_reviews").selectAll().where("action_id", "=", id).orderBy("review_date").orderBy("recorded_at").orderBy("id").execute();
  return { ...toRecord(row), reviews: reviews.map(toReview) };
}

/** Every plan of these organisations with its reviews, in no particular order (callers sort by status, which depends on the day). */
export async function listActionPlans(db: Kysely<Database>, organisationCodes: readonly string[]): Promise<StoredActionPlan[]> {
  if (organisationCodes.length === 0) return [];
  const rows = await db.selectFrom("action_plans").selectAll().where("organisation_code", "in", organisationCodes).orderBy("due_date").orderBy("id").execute();
  const reviews = await db
    .selectFrom("action_reviews")
    .innerJoin("action_plans", "action_plans.id", "action_reviews.action_id")
    .selectAll("action_reviews")
    .where("action_plans.organisation_code", "in", organisationCodes)
    .orderBy("action_reviews.review_date")
    .orderBy("action_reviews.recorded_at")
    .orderBy("action_reviews.id")
    .execute();
  const byPlan = new Map<string, ActionReview[]>();
  for (const r of reviews) {
    const list = byPlan.get(r.action_id) ?? [];
    list.push(toReview(r));
    byPlan.set(r.action_id, list);
  }
  return rows.map((r) => ({ ...toRecord(r), reviews: byPlan.get(r.id) ?? [] }));
}
