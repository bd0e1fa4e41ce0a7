import { annualReportSection as renderSection, type AnnualReportInput } from "@complaints/reports";
import { periodDates, requirePeriod } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { departmentRollup, type RollupFigures } from "../metrics/rollup.ts";

export interface AnnualReportRequest {
  departmentCode: string;
  financialYear: string;
}

export interface AnnualReportSection {
  departmentCode: string;
  departmentName: string;
  financialYear: string;
  /** The section as HTML (headings, paragraphs, tables), ready to paste. */
  html: string;
  /** The same HTML as a whole document to save (language, character set, title). */
  document: string;
  /** The same as plain text. */
  text: string;
  /** A name for the HTML file (`complaints-annual-report-DES-2025-26.html`); the text's ends `.txt`. */
  fileName: string;
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2025-26 Q1` → "April to June 2025": months in full, as the rest of the section writes them. */
function quarterWords(code: string): string {
  const { start, end } = periodDates(requirePeriod(code));
  return `${months[Number(start.slice(5, 7)) - 1]} to ${months[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}`;
}

type Rollup = Awaited<ReturnType<typeof departmentRollup>>;

const fieldOf = (side: RollupFigures, id: string) => side.fields.find((f) => f.id === id)?.value ?? null;
const reportFieldOf = (side: RollupFigures, id: string) => side.reportFields.find((f) => f.id === id)?.value ?? null;

/** Complaints closed at either stage; null only when no return gave either. */
function closed(side: RollupFigures): number | null {
  const er = fieldOf(side, "er_closed");
  const cl = fieldOf(side, "cl_closed");
  return er === null && cl === null ? null : (er ?? 0) + (cl ?? 0);
}

/** The roll-up's sums as the plain figures the section is written from. */
export function annualReportFigures(rollup: Rollup, bodyName: (code: string) => string): AnnualReportInput {
  const now = rollup.current;
  const matched = rollup.comparison;
  const report = (id: string) => reportFieldOf(now, id);
  return {
    departmentName: rollup.departmentName,
    financialYear: rollup.financialYear!,
    previousFinancialYear: rollup.yearEarlier.financialYear!,
    coverage: {
      bodiesExpected: now.bodies.expected,
      bodiesReporting: now.bodies.counted,
      returns: now.returns,
      quarters: now.quarters.map((q) => ({ label: quarterWords(q.period), returns: q.returns, bodiesExpected: q.expected })),
      provisional: now.provisional,
    },
    // How many returns gave each figure: a total some did not give is theirs only, and the section says so.
    given: Object.fromEntries([...now.fields, ...now.reportFields].map((f) => [f.id, { reported: f.reported, missing: f.missing }])),
    costAndClosed: now.costAndClosed,
    ombudsman: {
      accepted: report("phso_accepted"),
      reported: fieldOf(now, "phso_reported"),
      upheld: report("phso_upheld"),
      partlyUpheld: report("phso_partly_upheld"),
      notUpheld: report("phso_not_upheld"),
      recommendations: report("phso_recommendations"),
      complied: report("phso_recommendations_complied"),
      notComplied: report("phso_recommendations_not_complied"),
    },
    complaints: {
      received: fieldOf(now, "received"),
      closed: closed(now),
      closedAtEarlyResolution: fieldOf(now, "er_closed"),
      withinTimescale: now.measures.find((m) => m.id === "within_timescale")?.value ?? null,
    },
    comparison: {
      bodiesExpected: matched.panel.expected,
      bodiesCovered: matched.panel.covered.length,
      lowCoverage: matched.panel.lowCoverage,
      leftOut: [...matched.panel.leftOut, ...matched.panel.partly].map((b) => `${b.name} (${b.words})`),
      received: { now: fieldOf(matched.current, "received"), yearEarlier: fieldOf(matched.previousYear, "received"), change: matched.changes.fields.find((c) => c.id === "received")!.words },
      handlingCost: { now: reportFieldOf(matched.current, "handling_cost"), yearEarlier: reportFieldOf(matched.previousYear, "handling_cost") },
    },
    handling: { cost: report("handling_cost"), staffFte: report("handling_fte") },
    maladministration: { count: report("payments_maladministration_count"), total: report("payments_maladministration_total") },
    specialPayments: {
      count: now.specialPayments.count,
      items: now.specialPayments.items.map((i) => ({ bodyName: bodyName(i.organisationCode), datePaid: i.datePaid, amount: i.amount, description: i.description })),
      countedWithoutAmounts: now.specialPayments.countedWithoutAmounts,
      missing: now.specialPayments.missing,
    },
  };
}

/**
 * The annual report complaints section for a department and financial year (Cabinet Office annual
 * report guidance section 27; Managing Public Money A4.14.17). Every figure is the department
 * roll-up's (`metrics.rollup`) for that year, so the section and the portal's totals agree.
 */
export async function annualReportSection(ctx: ServiceContext, input: AnnualReportRequest): Promise<AnnualReportSection> {
  const rollup = await departmentRollup(ctx, { departmentCode: input.departmentCode, financialYear: input.financialYear });
  const names = new Map(ctx.scope.organisations.map((o) => [o.code, o.name]));
  const { html, text, document } = renderSection(annualReportFigures(rollup, (code) => names.get(code) ?? code));
  return {
    departmentCode: rollup.departmentCode,
    departmentName: rollup.departmentName,
    financialYear: input.financialYear,
    html,
    document,
    text,
    fileName: `complaints-annual-report-${rollup.departmentCode}-${input.financialYear}.html`,
  };
}
