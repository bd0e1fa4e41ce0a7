import { listActionPlans, listOrganisations, type Database, type Kysely, type StoredActionPlan } from "@complaints/db";
import { actionKindLabels, actionStatus, actionThemeLabel, isPublished, subtreeCodes, ukDateOf, type ActionKind, type ActionStatus, type IsoDate, type Organisation } from "@complaints/domain";
import type { ServiceContext } from "./actor.ts";
import { departmentBodyCodes, serviceToday } from "./action-plans.ts";

/**
 * The learning library (DESIGN.md section 2, "An action can be marked publishable with a
 * plain-English 'you said, we did' summary"): a department's bodies' published items (completed, and
 * the summary approved by the body's senior accountable officer), so one body learns from another.
 * Only what a body agreed to share leaves this file: the summary, the action, its kind, themes,
 * dates and status, and the impact measure. Never the complaints it came from, the
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

const newestFirst = (a: LearningItem, b: LearningItem) => b.date.localeCompare(a.date) || a.organisationName.localeCompare(b.organisationName, "en-GB") || a.id.localeCompare(b.id);

/**
 * The one selection of what may be shared: these bodies' published plans (`isPublished`: completed,
 * publishable, the summary approved and not withdrawn or edited since), as items carrying only the
 * fields fit to share, newest first. The learning library (signed in) and the published learning
 * pages (anyone) both read through here, so they cannot disagree.
 */
async function publishedItems(db: Kysely<Database>, organisations: readonly Pick<Organisation, "code" | "name">[], bodyCodes: readonly string[], today: IsoDate): Promise<LearningItem[]> {
  const nameOf = new Map(organisations.map((o) => [o.code, o.name]));
  return (await listActionPlans(db, [...bodyCodes]))
    .filter(isPublished)
    .map((p) => itemOf(p, nameOf.get(p.organisationCode) ?? p.organisationCode, today))
    .sort(newestFirst);
}

export async function learningLibrary(ctx: ServiceContext, filter: LearningFilter) {
  const department = ctx.scope.organisation(filter.departmentCode, "department");
  const codes = departmentBodyCodes(ctx, filter.departmentCode, filter.organisationCode);
  const shared = await publishedItems(ctx.db, ctx.scope.organisations, codes, serviceToday(ctx));
  const words = searchWords(filter.q);
  const items = shared.filter((i) => filter.theme === undefined || i.themes.some((t) => t.code === filter.theme)).filter((i) => matches(i, words));
  return {
    departmentCode: department.code,
    departmentName: department.name,
    /** Published items of the bodies asked about, before the theme and search filters. */
    total: shared.length,
    items,
  };
}

/**
 * What the published pages (anyone, no sign-in) carry of an item: the "you said, we did" summary,
 * themes, status and dates. Not the action as recorded, its kind or impact measure: those are
 * written for the department's own users (the learning library), while the summary is the one text
 * written for the public, under the form's warning to include nothing that could identify the person.
 */
export type PublicLearningItem = Pick<LearningItem, "id" | "organisationCode" | "organisationName" | "summary" | "themes" | "status" | "statusLabel" | "startDate" | "dueDate" | "completedDate" | "date"> & {
  /** The body has closed since: its items stay on the department's page, but it has no page of its own. */
  organisationClosed: boolean;
};

export interface PublishedLearning {
  organisation: Pick<Organisation, "code" | "name" | "kind">;
  /** A body's own items, or a department's bodies' items; newest first. */
  items: PublicLearningItem[];
}

/** Only the fields fit for the open web (see `PublicLearningItem`), named one by one so nothing else leaks. */
function publicItem(item: LearningItem, closed: boolean): PublicLearningItem {
  const { id, organisationCode, organisationName, summary, themes, status, statusLabel, startDate, dueDate, completedDate, date } = item;
  return { id, organisationCode, organisationName, organisationClosed: closed, summary, themes, status, statusLabel, startDate, dueDate, completedDate, date };
}

function activeOn(org: Pick<Organisation, "activeFrom" | "activeTo">, today: IsoDate): boolean {
  return org.activeFrom <= today && (org.activeTo === null || org.activeTo >= today);
}

/**
 * Published learning (DESIGN.md section 4): the "you said, we did" items of a body, or of every
 * body of a department, for anyone to read without signing in (a page a body links to from its
 * website). Null when there is no organisation with that code or it is not open today, so the
 * caller answers as for any unknown address.
 */
export async function publishedLearning(db: Kysely<Database>, code: string, now: Date | string): Promise<PublishedLearning | null> {
  const today = ukDateOf(now);
  const organisations = await listOrganisations(db);
  const organisation = organisations.find((o) => o.code === code);
  if (!organisation || !activeOn(organisation, today)) return null;
  const bodyCodes = organisation.kind === "body" ? [organisation.code] : subtreeCodes(organisations, organisation.code).filter((c) => organisations.some((o) => o.code === c && o.kind === "body"));
  const closed = new Set(organisations.filter((o) => !activeOn(o, today)).map((o) => o.code));
  return {
    organisation: { code: organisation.code, name: organisation.name, kind: organisation.kind },
    items: (await publishedItems(db, organisations, bodyCodes, today)).map((i) => publicItem(i, closed.has(i.organisationCode))),
  };
}
