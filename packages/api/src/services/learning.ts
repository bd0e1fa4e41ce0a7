import { listActionPlans, type StoredActionPlan } from "@complaints/db";
import { actionKindLabels, actionStatus, actionThemeLabel, type ActionKind, type ActionStatus } from "@complaints/domain";
import type { ServiceContext } from "./actor.ts";
import { departmentBodyCodes, serviceToday } from "./action-plans.ts";

/**
 * The learning library (issue 8; DESIGN.md section 2, "An action can be marked publishable with a
 * plain-English 'you said, we did' summary"): a department's bodies' publishable items, so one body
 * learns from another. Only what a body agreed to share leaves this file: the summary, the action,
 * its kind, themes, dates and status, and the impact measure. Never the complaints it came from, the
 * failing as recorded, the owner, how the person is involved or kept informed, reviews or verification.
 */
export interface LearningItem {
  id: string;
  organisationCode: string;
  organisationName: string;
  /** The "you said, we did" summary. */
  summary: string;
  action: string;
  kind: ActionKind;
  kindLabel: string;
  themes: { code: string; label: string }[];
  status: ActionStatus;
  statusLabel: string;
  startDate: string;
  dueDate: string;
  completedDate: string | null;
  /** The date the library sorts by, newest first: when the action was completed, or else when it started. */
  date: string;
  impactMeasure: string;
  impactTarget: string;
  impactResult: string;
}

export interface LearningFilter {
  departmentCode: string;
  organisationCode?: string | undefined;
  theme?: string | undefined;
  /** Words to find, any case: every word must appear in the summary, the action, a theme or the body's name. */
  q?: string | undefined;
}

const lower = (s: string) => s.toLocaleLowerCase("en-GB");

/** Whitespace-separated words, lower case, without duplicates. */
export function searchWords(q: string | undefined): string[] {
  return [...new Set(lower(q ?? "").split(/\s+/).filter((w) => w !== ""))];
}

function itemOf(plan: StoredActionPlan, organisationName: string, today: string): LearningItem {
  const { status, statusLabel } = actionStatus(plan, today);
  return {
    id: plan.id,
    organisationCode: plan.organisationCode,
    organisationName,
    summary: plan.publicSummary,
    action: plan.action,
    kind: plan.kind,
    kindLabel: actionKindLabels[plan.kind],
    themes: plan.themes.map((code) => ({ code, label: actionThemeLabel(code) })),
    status,
    statusLabel,
    startDate: plan.startDate,
    dueDate: plan.dueDate,
    completedDate: plan.completedDate,
    date: plan.completedDate ?? plan.startDate,
    impactMeasure: plan.impactMeasure,
    impactTarget: plan.impactTarget,
    impactResult: plan.impactResult,
  };
}

function matches(item: LearningItem, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = lower([item.summary, item.action, item.organisationName, item.organisationCode, ...item.themes.flatMap((t) => [t.label, t.code])].join("\n"));
  return words.every((w) => text.includes(w));
}

export async function learningLibrary(ctx: ServiceContext, filter: LearningFilter) {
  const department = ctx.scope.organisation(filter.departmentCode, "department");
  const codes = departmentBodyCodes(ctx, filter.departmentCode, filter.organisationCode);
  const nameOf = new Map(ctx.scope.organisations.map((o) => [o.code, o.name]));
  const today = serviceToday(ctx);
  const shared = (await listActionPlans(ctx.db, codes))
    .filter((p) => p.publishable && p.publicSummary.trim() !== "")
    .map((p) => itemOf(p, nameOf.get(p.organisationCode) ?? p.organisationCode, today));
  const words = searchWords(filter.q);
  const items = shared
    .filter((i) => filter.theme === undefined || i.themes.some((t) => t.code === filter.theme))
    .filter((i) => matches(i, words))
    .sort((a, b) => b.date.localeCompare(a.date) || a.organisationName.localeCompare(b.organisationName, "en-GB") || a.id.localeCompare(b.id));
  return {
    departmentCode: department.code,
    departmentName: department.name,
    /** Publishable items of the bodies asked about, before the theme and search filters. */
    total: shared.length,
    items,
  };
}
