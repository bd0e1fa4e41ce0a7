import { z } from "zod";
import { storableTextProblem } from "./storable-text.ts";
import { themeFields } from "./template/fields.ts";
import { currentTemplate } from "./template/versions.ts";
import { isoDateSchema, ukDateOf, type IsoDate } from "./calendar.ts";
import { formatDate } from "./format.ts";

/**
 * Learning action plans (DESIGN.md section 2, "Learning action plans are records, not counts"),
 * following the seed guide's list of what an action plan includes ("Capturing and reporting on
 * learning from complaints", "If you identify learning from a complaint, put a clear plan of action
 * in place"): the action, who is responsible, when it begins and ends, the standards it must meet,
 * how the person who complained is involved and kept informed, reviews of progress and of completion,
 * monitoring and audit, and how its impact is measured.
 */

/** Put right for the person who complained, or improve the service for everyone. */
export const actionKinds = ["individual", "service"] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionKindLabels: Record<ActionKind, string> = {
  individual: "Put right for the person who complained",
  service: "Improve the service",
};

/** What the person who complained may agree to (the seed guide's list), or not to be involved. */
export const involvementChoices = ["reviewing_guidance", "training_plan", "visiting", "sharing_story", "monitoring", "not_involved"] as const;
export type InvolvementChoice = (typeof involvementChoices)[number];
export const involvementLabels: Record<InvolvementChoice, string> = {
  reviewing_guidance: "Helping to review guidance, policies or procedures",
  training_plan: "Contributing to a training plan",
  visiting: "Visiting to see the changes in action",
  sharing_story: "Sharing their story for organisational learning",
  monitoring: "Taking part in monitoring or audit of the improvements",
  not_involved: "Not involved",
};

/** The template's theme codes (those its theme fields count), so actions and returns use one list. */
export const actionThemeCodes: readonly string[] = themeFields(currentTemplate).map((f) => f.theme!);

/** The template's themes with their labels ("Theme: delay" → "Delay"), in form order: the list returns and action plans share. */
export const actionThemes: readonly { code: string; label: string }[] = themeFields(currentTemplate).map((f) => {
  const label = f.label.replace(/^Theme:\s*/, "");
  return { code: f.theme!, label: label.charAt(0).toUpperCase() + label.slice(1) };
});

/** A theme's label from its code ("staff_conduct" → "Staff conduct or attitude"); an unknown code as it is. */
export function actionThemeLabel(code: string): string {
  return actionThemes.find((t) => t.code === code)?.label ?? code;
}

/** Derived, never stored: a plan is completed when it has a completion date, else by its start date. */
export const actionStatuses = ["not_started", "in_progress", "completed"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  completed: "Completed",
};

/**
 * A plan's status on a day: "Completed" once it has a completion date, "Not started" while its start
 * date is in the future, otherwise "In progress"; overdue when not completed and its due date has
 * passed (the due date itself is not overdue).
 */
export function actionStatus(plan: { startDate: IsoDate; dueDate: IsoDate; completedDate: IsoDate | null }, today: IsoDate): { status: ActionStatus; statusLabel: string; overdue: boolean } {
  const status: ActionStatus = plan.completedDate !== null ? "completed" : plan.startDate > today ? "not_started" : "in_progress";
  return { status, statusLabel: actionStatusLabels[status], overdue: status !== "completed" && plan.dueDate < today };
}

/**
 * Where a plan's "you said, we did" summary stands (DESIGN.md section 2): published only once the
 * action is completed and the body's senior accountable officer has approved the summary; editing the
 * summary or the publishable flag withdraws the approval until it is given again.
 */
export const publicationStates = ["not_for_publication", "waiting", "published"] as const;
export type PublicationState = (typeof publicationStates)[number];

export interface PublicationFacts {
  publishable: boolean;
  publicSummary: string;
  completedDate: string | null;
  /** When the approver approved the summary (an instant), or null. */
  publicationApprovedAt: string | null;
}

/** The one rule of what the public (and the department's learning library) may see. */
export function isPublished(plan: PublicationFacts): boolean {
  return plan.publishable && plan.publicSummary.trim() !== "" && plan.completedDate !== null && plan.publicationApprovedAt !== null;
}

/** "Not for publication", "Waiting for approval" or "Published 3 December 2026" (the day, in the UK, it was approved). */
export function publicationState(plan: PublicationFacts): { publication: PublicationState; publicationLabel: string } {
  if (!plan.publishable || plan.publicSummary.trim() === "") return { publication: "not_for_publication", publicationLabel: "Not for publication" };
  if (!isPublished(plan)) return { publication: "waiting", publicationLabel: "Waiting for approval" };
  return { publication: "published", publicationLabel: `Published ${formatDate(ukDateOf(plan.publicationApprovedAt!))}` };
}

/**
 * Whether a change takes away an approval given before: the summary's text or the publishable flag
 * changed (what was approved is no longer what would be shown), or the action is no longer completed.
 */
export function publicationApprovalLapses(before: PublicationFacts, after: Omit<PublicationFacts, "publicationApprovedAt">): boolean {
  return before.publicationApprovedAt !== null && (after.publicSummary !== before.publicSummary || after.publishable !== before.publishable || after.completedDate === null);
}

/** Overdue first, then by due date (soonest first), then by start date: the order lists show. */
export function compareActionPlans(a: { overdue: boolean; dueDate: string; startDate: string; id: string }, b: { overdue: boolean; dueDate: string; startDate: string; id: string }): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.dueDate.localeCompare(b.dueDate) || a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);
}

/** Free text of at most `max` characters that both databases can store as it is. */
export function actionText(label: string, max: number, options: { required?: boolean } = {}) {
  const base = z
    .string({ error: `Enter ${label}` })
    .trim()
    .max(max, `${capitalise(label)} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .superRefine((s, ctx) => {
      const problem = storableTextProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: `${capitalise(label)} ${problem}` });
    });
  return options.required === false ? base : base.min(1, `Enter ${label}`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const emailLike = /[^\s@]+@[^\s@]+/;
/** At least ten digits, optionally with a leading +, spaces, brackets, dots or hyphens: a UK or international phone number. */
const phoneLike = /^\+?[\d\s().-]+$/;

/**
 * Why a complaint reference is not a pseudonymised reference, or null. Names, email addresses and
 * phone numbers are never stored (DESIGN.md section 2, "Case-level import": "Names and free text
 * about people are never stored"): a reference has no spaces, has at least one digit, and is not a
 * phone number.
 */
export function complaintReferenceProblem(reference: string): string | null {
  const r = reference.trim();
  if (r === "") return "Enter the complaint's reference";
  if (emailLike.test(r) || r.includes("@")) return `Complaint reference “${r.slice(0, 60)}” looks like an email address. Use the complaint's pseudonymised reference (such as CMP-2025-0412), never the person's contact details`;
  const digits = r.replace(/\D/g, "");
  if (phoneLike.test(r) && digits.length >= 10) return `Complaint reference “${r.slice(0, 60)}” looks like a phone number. Use the complaint's pseudonymised reference (such as CMP-2025-0412), never the person's contact details`;
  if (/\s/.test(r) || !/\d/.test(r)) return `Complaint reference “${r.slice(0, 60)}” looks like a name. Use the complaint's pseudonymised reference (such as CMP-2025-0412): references have no spaces and include a number`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$/.test(r)) return `Complaint reference “${r.slice(0, 60)}” is not a pseudonymised reference: use up to 40 letters, digits, hyphens, underscores, full stops or slashes, such as CMP-2025-0412`;
  return null;
}

const complaintReference = z.string({ error: "Enter the complaint's reference" }).superRefine((s, ctx) => {
  const problem = complaintReferenceProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}).transform((s) => s.trim());

/** A calendar date, `YYYY-MM-DD`, with a message naming the field. */
const dateField = (label: string) =>
  z.string({ error: `Enter ${label} as YYYY-MM-DD` }).superRefine((s, ctx) => {
    if (!isoDateSchema.safeParse(s).success) ctx.addIssue({ code: "custom", message: /^\d{4}-\d{2}-\d{2}$/.test(s) ? `Enter ${label} as a real date` : `Enter ${label} as YYYY-MM-DD` });
  });

/** The fields of a plan a body enters and edits (everything but its reviews and completion). */
export const actionPlanFieldsSchema = z.object({
  failing: actionText("what went wrong (the failing)", 5000),
  sourceComplaints: z
    .array(complaintReference, { error: "List the references of the complaints the action came from" })
    .min(1, "Enter the reference of at least one complaint the action came from")
    .max(50, "List at most 50 complaint references"),
  action: actionText("the action", 5000),
  kind: z.enum(actionKinds, { error: "Choose whether the action puts things right for the person or improves the service" }),
  owner: actionText("the person or team responsible", 200),
  startDate: dateField("the start date"),
  dueDate: dateField("the due date"),
  standards: actionText("the standards the action must meet", 5000),
  involvement: z
    .array(z.enum(involvementChoices, { error: `Choose how the person who complained is involved: ${involvementChoices.map((c) => involvementLabels[c].toLowerCase()).join("; ")}` }), {
      error: "Choose how the person who complained is involved",
    })
    .min(1, "Choose how the person who complained is involved, or choose not involved")
    .max(involvementChoices.length, "Choose each way the person is involved once")
    .refine((a) => new Set(a).size === a.length, "Choose each way the person is involved once")
    .refine((a) => !a.includes("not_involved") || a.length === 1, "How the person is involved: “Not involved” cannot be chosen with another way of being involved"),
  involvementNote: actionText("a note on how the person is involved", 2000, { required: false }).default(""),
  keptInformed: actionText("how the person who complained wants to be kept informed", 2000),
  monitoring: actionText("how the action will be monitored and audited", 5000),
  impactMeasure: actionText("what will measure the action's impact", 2000),
  impactBaseline: actionText("the impact measure's baseline", 500),
  impactTarget: actionText("the impact measure's target", 500),
  impactResult: actionText("the impact measure's result", 500, { required: false }).default(""),
  themes: z
    .array(z.enum(actionThemeCodes as [string, ...string[]], { error: `Choose themes from: ${actionThemeCodes.join(", ")}` }), { error: "Choose the themes as a list" })
    .max(actionThemeCodes.length, "Choose each theme once")
    .refine((a) => new Set(a).size === a.length, "Choose each theme once")
    .default([]),
  publishable: z.boolean({ error: "Say whether the action may be published (true or false)" }).default(false),
  publicSummary: actionText("the “you said, we did” summary", 2000, { required: false }).default(""),
});

/** The cross-field rules, shared by creating and editing a plan: add the procedure's own keys first. */
export function withActionPlanRules<T extends z.ZodType<{ startDate: string; dueDate: string; publishable: boolean; publicSummary: string }>>(schema: T) {
  return schema
    .refine((p) => p.dueDate >= p.startDate, { message: "The due date must be the same as or after the start date", path: ["dueDate"] })
    .refine((p) => !p.publishable || p.publicSummary !== "", { message: "“You said, we did” summary: enter one in plain English, or do not mark the action publishable", path: ["publicSummary"] });
}

export const actionPlanInputSchema = withActionPlanRules(actionPlanFieldsSchema);
export type ActionPlanFields = z.output<typeof actionPlanFieldsSchema>;
export type ActionPlanFieldsInput = z.input<typeof actionPlanFieldsSchema>;

export const actionReviewInputSchema = z.object({
  date: dateField("the review date"),
  note: actionText("a progress note", 5000),
});
export type ActionReviewInput = z.output<typeof actionReviewInputSchema>;

export const actionCompletionFieldsSchema = z.object({
  completedDate: dateField("the completion date"),
  verifiedBy: actionText("who verified the completion", 200),
  verifiedDate: dateField("the date completion was verified"),
  verificationNote: actionText("how completion was verified", 5000),
});
export type ActionCompletionInput = z.output<typeof actionCompletionFieldsSchema>;

/** Verification comes on or after completion. */
export function withCompletionRules<T extends z.ZodType<{ completedDate: string; verifiedDate: string }>>(schema: T) {
  return schema.refine((c) => c.verifiedDate >= c.completedDate, { message: "The verification date must be the same as or after the completion date", path: ["verifiedDate"] });
}
