import type { ActionKind, InvolvementChoice } from "@complaints/domain";
import { api, type QueryOutput } from "@complaints/client";
import { isoToParts, partsToIso, type DateParts, emptyDate } from "@complaints/domain";

/** What the plan form holds while someone types: text as typed, dates as their three fields. */
export interface PlanFormValues {
  failing: string;
  /** References as typed: one a line, or separated by commas. */
  sourceComplaints: string;
  action: string;
  kind: string;
  owner: string;
  startDate: DateParts;
  dueDate: DateParts;
  standards: string;
  involvement: string[];
  involvementNote: string;
  keptInformed: string;
  monitoring: string;
  impactMeasure: string;
  impactBaseline: string;
  impactTarget: string;
  impactResult: string;
  themes: string[];
  /** "yes" when the box is checked, else "no". */
  publishable: "yes" | "no";
  publicSummary: string;
}

export type PlanInput = Omit<Parameters<typeof api.actions.create.mutate>[0], "organisationCode">;
export type PlanView = QueryOutput<"actions.get">;

/** The form's fields in the order the page shows them: the error summary lists problems in this order. */
export const planFieldOrder = [
  "failing",
  "sourceComplaints",
  "action",
  "kind",
  "owner",
  "startDate",
  "dueDate",
  "standards",
  "involvement",
  "involvementNote",
  "keptInformed",
  "monitoring",
  "impactMeasure",
  "impactBaseline",
  "impactTarget",
  "impactResult",
  "themes",
  "publishable",
  "publicSummary",
] as const;
export type PlanField = (typeof planFieldOrder)[number];
export const planDateFields: readonly string[] = ["startDate", "dueDate"];

export const emptyPlanValues: PlanFormValues = {
  failing: "",
  sourceComplaints: "",
  action: "",
  kind: "",
  owner: "",
  startDate: emptyDate,
  dueDate: emptyDate,
  standards: "",
  involvement: [],
  involvementNote: "",
  keptInformed: "",
  monitoring: "",
  impactMeasure: "",
  impactBaseline: "",
  impactTarget: "",
  impactResult: "",
  themes: [],
  publishable: "no",
  publicSummary: "",
};

/** References typed one a line or separated by commas (or both), blanks left out. */
export function parseReferences(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

export function valuesFromPlan(plan: PlanView): PlanFormValues {
  return {
    failing: plan.failing,
    sourceComplaints: plan.sourceComplaints.join("\n"),
    action: plan.action,
    kind: plan.kind,
    owner: plan.owner,
    startDate: isoToParts(plan.startDate),
    dueDate: isoToParts(plan.dueDate),
    standards: plan.standards,
    involvement: [...plan.involvement],
    involvementNote: plan.involvementNote,
    keptInformed: plan.keptInformed,
    monitoring: plan.monitoring,
    impactMeasure: plan.impactMeasure,
    impactBaseline: plan.impactBaseline,
    impactTarget: plan.impactTarget,
    impactResult: plan.impactResult,
    themes: [...plan.themes],
    publishable: plan.publishable ? "yes" : "no",
    publicSummary: plan.publicSummary,
  };
}

/**
 * The API's input from what the form holds, and the problems the browser can name better than the
 * API (dates typed in three fields). Everything else the API checks.
 */
export function planInput(values: PlanFormValues): { input: PlanInput; local: Record<string, string> } {
  const local: Record<string, string> = {};
  const start = partsToIso(values.startDate, "the start date");
  const due = partsToIso(values.dueDate, "the due date");
  if (start.problem) local.startDate = start.problem;
  if (due.problem) local.dueDate = due.problem;
  const publishable = values.publishable === "yes";
  return {
    input: {
      failing: values.failing,
      sourceComplaints: parseReferences(values.sourceComplaints),
      action: values.action,
      kind: values.kind as ActionKind,
      owner: values.owner,
      startDate: start.iso,
      dueDate: due.iso,
      standards: values.standards,
      involvement: values.involvement as InvolvementChoice[],
      involvementNote: values.involvementNote,
      keptInformed: values.keptInformed,
      monitoring: values.monitoring,
      impactMeasure: values.impactMeasure,
      impactBaseline: values.impactBaseline,
      impactTarget: values.impactTarget,
      impactResult: values.impactResult,
      themes: values.themes,
      publishable,
      // A summary kept while "No" is chosen is not published, and not sent.
      publicSummary: publishable ? values.publicSummary : "",
    },
    local,
  };
}
