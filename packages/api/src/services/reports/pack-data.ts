import { breakdownFieldId, currentTemplate, DomainError, formatPeriodCode, listInWords, packTableOutputs, quartersTaken, requireField, formatPeriodLabel, isActiveIn, periodDates, periodIndex, ukDateOf, type Organisation, type ReportingPeriod } from "@complaints/domain";
import { actionThemeLabel } from "@complaints/domain";
import { sumReturns } from "@complaints/metrics";
import type { FigureTableIn, FigureValue, PackData, EqualityIn, SpecialPaymentIn } from "@complaints/reports";
import type { ServiceContext } from "../actor.ts";
import { listDepartmentActionPlans } from "../action-plans.ts";
import { learningLibrary } from "../learning.ts";
import { compareBodies } from "../metrics/comparison.ts";
import { funnelForDepartment } from "../metrics/funnel.ts";
import { departmentRollup, specialPaymentsIn } from "../metrics/rollup.ts";
import { yearLabel } from "@complaints/reports";
import { loadRevision } from "@complaints/db";
import { bodiesBelow, countedReturns, departmentIn, forAggregation, quartersChosen, type PeriodInput } from "../metrics/selection.ts";
import { themesForDepartment } from "../metrics/themes.ts";
import { measureTrend } from "../metrics/trend.ts";
import { submissionTracker } from "../tracker.ts";

/**
 * Everything a board pack shows, gathered from the same service functions the portal's pages call
 * (comparison, rollup, funnel, trend, themes, tracker, action plans, learning), so a pack and the
 * portal can never disagree. The figure tables sum the template's fields over the same counted
 * returns (selection.ts) with the metrics package's `sumReturns`.
 */

export interface PackScopeChoice extends PeriodInput {
  departmentCode: string;
  /** One of the department's bodies: a pack about it, beside the department's figures. */
  bodyCode?: string | undefined;
}

/** The measure the pack's funnel plot and trend chart show: the department's timeliness. */
const chartMeasure = "within_timescale";

type Counted = Awaited<ReturnType<typeof countedReturns>>[number];


/**
 * The figure tables: the template's `pack` outputs, by body. Each field adds up over the period as
 * the template declares (`quartersTaken`). Rows with no counted return are left out, except `keep`
 * (a body pack's own body, shown as not available).
 */
function figureTables(list: readonly Counted[], quarters: readonly string[], rows: readonly { code: string; name: string; codes: ReadonlySet<string> }[], keep: string | null): FigureTableIn[] {
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  const sumsFor = (codes: ReadonlySet<string>) => {
    const mine = list.filter((r) => codes.has(r.organisationCode));
    return {
      all: sumReturns(mine.map(forAggregation)),
      first: sumReturns(mine.filter((r) => r.period === first).map(forAggregation)),
      last: sumReturns(mine.filter((r) => r.period === last).map(forAggregation)),
      returns: mine.length,
    };
  };
  const sums = rows.map((row) => ({ row, ...sumsFor(row.codes) }));
  return packTableOutputs(currentTemplate).map((spec) => {
    const fields = spec.fields.map((id) => requireField(currentTemplate, id));
    const levels = fields.filter((f) => f.aggregation === "level").map((f) => f.label.charAt(0).toLowerCase() + f.label.slice(1));
    const taken = [
      ...(fields.some((f) => f.aggregation === "stock") ? ["complaints brought forward come from the first quarter's returns and those carried forward from the last quarter's"] : []),
      ...(levels.length > 0 ? [`${listInWords(levels)} ${levels.length === 1 ? "is a level" : "are levels"}, taken from the last quarter's returns`] : []),
    ];
    const yearNote = quarters.length > 1 && taken.length > 0 ? ` Counts are summed over the ${quarters.length} quarters; ${taken.join("; ")}.` : "";
    return {
      key: spec.key,
      title: spec.title,
      sheet: spec.sheet,
      description: [`The template's figures for this part of the return, summed over the returns that count.${yearNote}`],
      columns: fields.map((f) => ({
        key: f.id,
        label: quarters.length > 1 ? yearLabel(f.label) : f.label,
        type: f.type === "money" ? ("money" as const) : f.type === "fte" ? ("fte" as const) : ("count" as const),
        ...(f.aggregation ? { aggregation: f.aggregation } : {}),
      })),
      rows: sums
        .filter((s) => s.returns > 0 || s.row.code === keep)
        .map((s) => ({
          organisationCode: s.row.code,
          name: s.row.name,
          values: fields.map((f): FigureValue => {
            const total = s[quartersTaken(f)].fields[f.id];
            return total && total.reported > 0 ? total.sum : "x";
          }),
        })),
    };
  });
}

function equalityOf(list: readonly Counted[]): EqualityIn[] {
  return currentTemplate.breakdowns
    .filter((b) => b.disclosureControlled && Array.isArray(b.categories))
    .map((b) => {
      const categories = b.categories as readonly { value: string; label: string }[];
      const giving = list.filter((r) => categories.some((c) => typeof r.values[breakdownFieldId(b.id, c.value)] === "number"));
      return {
        characteristic: b.label.replace(/^Complainants by /, "").replace(/^./, (ch) => ch.toUpperCase()),
        returns: giving.length,
        categories: categories.map((c) => ({
          label: c.label,
          count: giving.reduce((sum, r) => {
            const v = r.values[breakdownFieldId(b.id, c.value)];
            return sum + (typeof v === "number" ? v : 0);
          }, 0),
        })),
      };
    })
    .filter((e) => e.returns > 0);
}

/** Special payments over £300,000, return by return, as the roll-up reads them (v2 lists, v1 counts). */
function specialPaymentsOf(list: readonly Counted[], nameOf: ReadonlyMap<string, string>): SpecialPaymentIn[] {
  return list.flatMap((r) => {
    const found = specialPaymentsIn([r]);
    const name = nameOf.get(r.organisationCode) ?? r.organisationCode;
    const listed = found.items.map((p): SpecialPaymentIn => ({ ...p, name, count: 1 }));
    const counted: SpecialPaymentIn[] =
      found.countedWithoutAmounts > 0
        ? [{ organisationCode: r.organisationCode, name, period: r.period, amount: null, count: found.countedWithoutAmounts, datePaid: null, description: `${found.countedWithoutAmounts} counted by a template version 1 return, which gives no amounts` }]
        : [];
    return [...listed, ...counted];
  });
}

/** What a pack of a period not over yet says first: its figures are early, and a year's totals partial. */
function notOverCaveats(periods: readonly ReportingPeriod[], ended: readonly ReportingPeriod[], label: string): string[] {
  if (ended.length === periods.length) return [];
  if (periods.length === 1) return [`${label} is not over yet: its returns are not due, so any figures here are early and will change.`];
  return [
    `${label} is not over: ${ended.length === 0 ? "none of its quarters has ended yet" : `only ${ended.map(formatPeriodLabel).join(", ")} ${ended.length === 1 ? "has" : "have"} ended`}, so its totals are not the whole year's and complaints open at its end are not known yet.`,
  ];
}

/**
 * Figures a correction changed: each counted later revision against the revision first accepted
 * (the first one sent: one the department returned before that never counted). Every body's, not
 * only the pack's body: the department's figures beside it include them all.
 */
async function correctedFigures(ctx: ServiceContext, list: readonly Counted[]) {
  const revisions = [];
  for (const r of list.filter((x) => x.revision > 1)) {
    const first = await loadRevision(ctx.db, r.returnId, "firstSent");
    if (!first || first.revision === r.revision) continue;
    const before = first.values;
    const fields = [...new Set([...Object.keys(r.values), ...Object.keys(before)])].filter((id) => (r.values[id] ?? null) !== (before[id] ?? null));
    if (fields.length > 0) revisions.push({ organisationCode: r.organisationCode, period: r.period, fields });
  }
  return revisions;
}

/** The action plans a pack lists: started by the period's end, and still open or completed during it. */
function actionsInPeriod(actions: Awaited<ReturnType<typeof listDepartmentActionPlans>>, start: string, end: string) {
  return actions
    .filter((a) => a.startDate <= end && (a.completedDate === null || (a.completedDate >= start && a.completedDate <= end)))
    .map((a) => ({
      organisationCode: a.organisationCode,
      organisationName: a.organisationName,
      action: a.action,
      kindLabel: a.kindLabel,
      themes: a.themes.map(actionThemeLabel),
      owner: a.owner,
      dueDate: a.dueDate,
      statusLabel: a.statusLabel,
      overdue: a.overdue,
      completedDate: a.completedDate,
    }));
}

export async function gatherPackData(ctx: ServiceContext, input: PackScopeChoice, contact: string): Promise<PackData> {
  const department = departmentIn(ctx, input.departmentCode);
  const bodies = bodiesBelow(ctx, department.code);
  let body: Organisation | null = null;
  if (input.bodyCode !== undefined) {
    body = bodies.find((b) => b.code === input.bodyCode) ?? null;
    if (!body) throw new DomainError("NOT_FOUND", `${input.bodyCode} is not one of ${department.name}'s bodies.`);
  }
  const choice: PeriodInput = input.financialYear !== undefined ? { financialYear: input.financialYear } : { period: input.period };
  const { periods, label } = quartersChosen(choice);
  const today = ukDateOf(ctx.now);
  if (periodDates(periods[0]!).start > today) throw new DomainError("INVALID_INPUT", `${label} has not started yet: there is nothing to report.`);
  if (body && !periods.some((p) => isActiveIn(body, p))) throw new DomainError("INVALID_INPUT", `${body.name} was not open in ${label}.`);
  const quarters = periods.map(formatPeriodCode);
  const lastQuarter = quarters.at(-1)!;
  // A year not over yet: the quarters still running or to come have no returns due.
  const ended = periods.filter((p) => periodDates(p).end < today);
  const caveats = notOverCaveats(periods, ended, label);
  const dept = { departmentCode: department.code, ...choice };

  const [comparison, rollup, themes, funnel, trend, actions, learning] = await Promise.all([
    compareBodies(ctx, dept),
    departmentRollup(ctx, dept),
    themesForDepartment(ctx, { departmentCode: department.code, to: lastQuarter }),
    funnelForDepartment(ctx, { ...dept, measure: chartMeasure }),
    measureTrend(ctx, { organisationCode: body?.code ?? department.code, measure: chartMeasure, to: lastQuarter }),
    listDepartmentActionPlans(ctx, { departmentCode: department.code, ...(body ? { organisationCode: body.code } : {}) }),
    learningLibrary(ctx, { departmentCode: department.code, ...(body ? { organisationCode: body.code } : {}) }),
  ]);
  const tracker = [];
  // Returns are due only for quarters that have ended.
  for (const q of ended.map(formatPeriodCode)) tracker.push(await submissionTracker(ctx, department.code, q));

  const list = await countedReturns(ctx, bodies.map((b) => b.code), periodIndex(periods[0]!), periodIndex(periods.at(-1)!));
  const nameOf = new Map(bodies.map((b) => [b.code, b.name]));
  const scopeCodes = body ? new Set([body.code]) : new Set(bodies.map((b) => b.code));
  const inScope = list.filter((r) => scopeCodes.has(r.organisationCode));
  const figureRows = [
    ...bodies.filter((b) => !body || b.code === body.code).map((b) => ({ code: b.code, name: b.name, codes: new Set([b.code]) })),
    { code: department.code, name: department.name, codes: new Set(bodies.map((b) => b.code)) },
  ];

  // Actions still open, and those completed during the period.
  const { start } = periodDates(periods[0]!);
  const { end } = periodDates(periods.at(-1)!);

  const revisions = await correctedFigures(ctx, list);

  return {
    scope: body
      ? { kind: "body", code: body.code, name: body.name, departmentCode: department.code, departmentName: department.name }
      : { kind: "department", code: department.code, name: department.name, departmentCode: department.code, departmentName: department.name },
    period: { code: input.financialYear ?? input.period!, label, quarters },
    produced: ctx.now,
    contact,
    comparison,
    rollup,
    tracker: tracker.map((t) => ({ period: t.period, periodLabel: t.periodLabel, rows: t.rows })),
    figures: figureTables(list, quarters, figureRows, body?.code ?? null),
    themes,
    funnel: funnel.points.length > 0 ? { ...funnel, title: funnel.measure.label, denominatorLabel: funnel.measure.nouns.denominator } : null,
    trend: trend.chart ? { title: trend.measure.label, kind: "proportion", points: trend.points, chart: trend.chart, measure: trend.measure } : null,
    actions: actionsInPeriod(actions, start, end),
    learning: learning.items,
    equality: equalityOf(inScope),
    specialPayments: specialPaymentsOf(inScope, nameOf),
    revisions,
    provisional: [...new Set(list.filter((r) => r.status !== "accepted").map((r) => r.organisationCode))],
    caveats,
  };
}
