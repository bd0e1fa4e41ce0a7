import { breakdownFieldId, currentTemplate, DomainError, fixedField, formatPeriodCode, formatPeriodLabel, isActiveIn, periodDates, periodIndex, ukDateOf, type Organisation } from "@complaints/domain";
import { actionThemeLabel } from "@complaints/domain";
import { sumReturns } from "@complaints/metrics";
import type { FigureTableIn, FigureValue, PackData, EqualityIn, SpecialPaymentIn } from "@complaints/reports";
import type { ServiceContext } from "../actor.ts";
import { listDepartmentActionPlans } from "../action-plans.ts";
import { learningLibrary } from "../learning.ts";
import { compareBodies } from "../metrics/comparison.ts";
import { funnelForDepartment } from "../metrics/funnel.ts";
import { ombudsmanFieldIds } from "../metrics/profile.ts";
import { departmentRollup, specialPaymentsIn } from "../metrics/rollup.ts";
import { yearLabel } from "@complaints/reports";
import { loadRevision } from "@complaints/db";
import { bodiesBelow, countedReturns, departmentIn, forAggregation, quartersChosen, type PeriodChoice } from "../metrics/selection.ts";
import { themesForDepartment } from "../metrics/themes.ts";
import { measureTrend } from "../metrics/trend.ts";
import { submissionTracker } from "../tracker.ts";

/**
 * Everything a board pack shows, gathered from the same service functions the portal's pages call
 * (comparison, rollup, funnel, trend, themes, tracker, action plans, learning), so a pack and the
 * portal can never disagree. The figure tables sum the template's fields over the same counted
 * returns (selection.ts) with the metrics package's `sumReturns`.
 */

export interface PackScopeChoice extends PeriodChoice {
  departmentCode: string;
  /** One of the department's bodies: a pack about it, beside the department's figures. */
  bodyCode?: string | undefined;
}

/** The figure tables: the template's fields, part by part (DESIGN.md section 2, the return template). */
const figureTableSpecs: readonly { key: string; title: string; fields: readonly string[] }[] = [
  { key: "flow", title: "Flow of complaints", fields: ["brought_forward", "received", "withdrawn", "er_closed", "escalated_to_closer_look", "cl_closed", "carried_forward"] },
  { key: "stages", title: "Performance by stage", fields: ["er_closed", "er_within_timescale", "er_extensions", "er_working_days_total", "cl_closed", "cl_within_timescale", "cl_extensions", "cl_working_days_total"] },
  { key: "outcomes", title: "Outcomes by stage", fields: ["er_upheld", "er_partly_upheld", "er_not_upheld", "cl_upheld", "cl_partly_upheld", "cl_not_upheld"] },
  {
    key: "remedies",
    title: "Putting things right and payments",
    fields: ["remedy_apology", "remedy_explanation", "remedy_decision_changed", "remedy_service_provided", "remedy_financial", "remedy_other", "payments_count", "payments_total", "payments_maladministration_count", "payments_maladministration_total"],
  },
  {
    key: "review",
    title: "Independent review and the Ombudsman",
    fields: [
      "referred_independent_reviewer",
      "independent_reviewer_upheld",
      "independent_reviewer_partly_upheld",
      "independent_reviewer_not_upheld",
      ...ombudsmanFieldIds,
    ],
  },
  { key: "feedback", title: "Feedback on the complaints service", fields: ["fb_complainant_responses", "fb_complainant_positive", "fb_colleague_responses", "fb_colleague_positive", "fb_handler_responses", "fb_handler_positive"] },
];

/** Stocks over a period: open at its start (first quarter's returns), open at its end (last quarter's). */
const stockOf: Record<string, "opening" | "closing"> = { brought_forward: "opening", carried_forward: "closing" };

/** The measure the pack's funnel plot and trend chart show: the department's timeliness. */
const chartMeasure = "within_timescale";

type Counted = Awaited<ReturnType<typeof countedReturns>>[number];


/** Rows with no counted return are left out, except `keep` (a body pack's own body, shown as not available). */
function figureTables(list: readonly Counted[], quarters: readonly string[], rows: readonly { code: string; name: string; codes: ReadonlySet<string> }[], keep: string | null): FigureTableIn[] {
  const first = quarters[0]!;
  const last = quarters.at(-1)!;
  const sumsFor = (codes: ReadonlySet<string>) => {
    const mine = list.filter((r) => codes.has(r.organisationCode));
    return {
      whole: sumReturns(mine.map(forAggregation)),
      opening: sumReturns(mine.filter((r) => r.period === first).map(forAggregation)),
      closing: sumReturns(mine.filter((r) => r.period === last).map(forAggregation)),
      returns: mine.length,
    };
  };
  const sums = rows.map((row) => ({ row, ...sumsFor(row.codes) }));
  const yearNote = quarters.length > 1 ? ` Counts are summed over the ${quarters.length} quarters; complaints brought forward come from the first quarter's returns and those carried forward from the last quarter's.` : "";
  return figureTableSpecs.map((spec) => ({
    key: spec.key,
    title: spec.title,
    description: [`The template's figures for this part of the return, summed over the returns that count.${spec.key === "flow" ? yearNote : ""}`],
    columns: spec.fields.map((id) => {
      const f = fixedField(currentTemplate, id);
      if (!f) throw new Error(`The template has no field ${id}`);
      return { key: id, label: quarters.length > 1 ? yearLabel(f.label) : f.label, type: f.type === "money" ? ("money" as const) : ("count" as const) };
    }),
    rows: sums
      .filter((s) => s.returns > 0 || s.row.code === keep)
      .map((s) => ({
        organisationCode: s.row.code,
        name: s.row.name,
        values: spec.fields.map((id): FigureValue => {
          const source = stockOf[id] === "opening" ? s.opening : stockOf[id] === "closing" ? s.closing : s.whole;
          const total = source.fields[id];
          return total && total.reported > 0 ? total.sum : "x";
        }),
      })),
  }));
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

export async function gatherPackData(ctx: ServiceContext, input: PackScopeChoice, contact: string): Promise<PackData> {
  const department = departmentIn(ctx, input.departmentCode);
  const bodies = bodiesBelow(ctx, department.code);
  let body: Organisation | null = null;
  if (input.bodyCode !== undefined) {
    body = bodies.find((b) => b.code === input.bodyCode) ?? null;
    if (!body) throw new DomainError("NOT_FOUND", `${input.bodyCode} is not one of ${department.name}'s bodies.`);
  }
  const choice: PeriodChoice = input.financialYear !== undefined ? { financialYear: input.financialYear } : { period: input.period };
  const { periods, label } = quartersChosen(choice);
  const today = ukDateOf(ctx.now);
  if (periodDates(periods[0]!).start > today) throw new DomainError("INVALID_INPUT", `${label} has not started yet: there is nothing to report.`);
  if (body && !periods.some((p) => isActiveIn(body, p))) throw new DomainError("INVALID_INPUT", `${body.name} was not open in ${label}.`);
  const quarters = periods.map(formatPeriodCode);
  const lastQuarter = quarters.at(-1)!;
  // A year not over yet: the quarters still running or to come have no returns due.
  const ended = periods.filter((p) => periodDates(p).end < today);
  const caveats =
    ended.length === periods.length
      ? []
      : periods.length === 1
        ? [`${label} is not over yet: its returns are not due, so any figures here are early and will change.`]
        : [
            `${label} is not over: ${ended.length === 0 ? "none of its quarters has ended yet" : `only ${ended.map(formatPeriodLabel).join(", ")} ${ended.length === 1 ? "has" : "have"} ended`}, so its totals are not the whole year's and complaints open at its end are not known yet.`,
          ];
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

  // Figures a correction changed: each counted later revision against the revision first accepted
  // (the first one sent: one the department returned before that never counted).
  // Every body's, not only the pack's body: the department's figures beside it include them all.
  const revisions = [];
  for (const r of list.filter((x) => x.revision > 1)) {
    const first = await loadRevision(ctx.db, r.returnId, "firstSent");
    if (!first || first.revision === r.revision) continue;
    const before = first.values;
    const fields = [...new Set([...Object.keys(r.values), ...Object.keys(before)])].filter((id) => (r.values[id] ?? null) !== (before[id] ?? null));
    if (fields.length > 0) revisions.push({ organisationCode: r.organisationCode, period: r.period, fields });
  }

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
    funnel: funnel.points.length > 0 ? { ...funnel, title: funnel.measure.label, denominatorLabel: "complaints closed" } : null,
    trend: trend.chart ? { title: trend.measure.label, kind: "proportion", points: trend.points, chart: trend.chart } : null,
    actions: actions
      // Started by the period's end, and still open or completed during it.
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
      })),
    learning: learning.items,
    equality: equalityOf(inScope),
    specialPayments: specialPaymentsOf(inScope, nameOf),
    revisions,
    provisional: [...new Set(list.filter((r) => r.status !== "accepted").map((r) => r.organisationCode))],
    caveats,
  };
}
