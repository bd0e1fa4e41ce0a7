import { disclosureControl } from "@complaints/metrics";
import { formatNumber } from "../cells.ts";
import type { Cell, Column, PackTable } from "../model.ts";
import { measureFigureCell, measureStatisticCells } from "../tidy.ts";
import type { ChangeIn, MeasureCellIn, MeasureInfoIn, PackData } from "./input.ts";
import {
  comparisonWords,
  describe,
  inScope,
  longDate,
  measureText,
  notApplicable,
  notAvailable,
  num,
  orgColumns,
  ref,
  round1,
  round2,
  suppressed,
  text,
  unmarked,
  yearLabel,
  type Marks,
  type NoteKey,
  type PackContext,
} from "./pack-parts.ts";

/** One builder per table of the board pack; each returns its table with its title unnumbered (board-pack.ts numbers them). */

export function submissionTable(ctx: PackContext): PackTable {
  const { data } = ctx;
  // Submission status, one row per body per quarter.
  return {
    sheetName: "Submission",
    tableName: "submission_status",
    title: "Submission status of each body's return",
    description: describe("Every body expected to send a return for each quarter (active in that quarter), with its status now and whether it reached the department by the due date.", ["counted"]),
    columns: [
      ...orgColumns(),
      { key: "quarter", heading: "Quarter", type: "text", role: "period" },
      { key: "quarter_label", heading: "Months", type: "text" },
      { key: "status", heading: "Status", type: "text" },
      { key: "timeliness", heading: "Timeliness", type: "text" },
      { key: "due_date", heading: "Due date", type: "text" },
      { key: "received", heading: "Reached the department", type: "text" },
    ],
    rows: data.tracker.flatMap((q) =>
      q.rows
        .filter((r) => inScope(data, r.organisationCode))
        .map((r) => [text(r.organisationCode), text(r.name), text(q.period), text(q.periodLabel), text(r.statusLabel), text(r.timeliness.charAt(0).toUpperCase() + r.timeliness.slice(1)), text(longDate(r.dueDate)), r.receivedAt ? text(longDate(r.receivedAt)) : notAvailable]),
    ),
  };
}

/** The department's totals and measures beside a year earlier, over the matched panel; none in a body's pack. */
export function departmentTables(ctx: PackContext): PackTable[] {
  const { data, marksOf, measureMarks } = ctx;
  const { scope, period } = data;
  if (scope.kind !== "department") return [];
  // Department totals beside a year earlier, both over the matched panel only.
  const r = data.rollup;
  const m = r.comparison;
  const thenField = new Map(m.previousYear.fields.map((f) => [f.id, f.value]));
  const changeOfField = new Map(m.changes.fields.map((c) => [c.id, c]));
  const changeOfMeasure = new Map(m.changes.measures.map((c) => [c.id, c]));
  const totalsRows: Cell[][] = r.fields.map((f) => {
    const now = m.current.fields.find((x) => x.id === f.id)?.value ?? null;
    const then = thenField.get(f.id) ?? null;
    // Money to the nearest pound beside counts: one number format for the column.
    const asShown = (v: number | null, marks: Marks) => (v === null ? notAvailable : num(f.type === "money" ? Math.round(v / 100) : v, marks));
    const marks = marksOf(scope.departmentCode, [f.id]);
    const change = changeOfField.get(f.id);
    return [measureText(period.quarters.length > 1 ? yearLabel(f.label) : f.label, f.id), text(f.type === "money" ? "£" : "count"), asShown(now, marks), asShown(then, unmarked), changeFigure(change, "count", marks), text(change?.words ?? "not compared")];
  });
  const measureChangeRows: Cell[][] = r.measures.map((info) => {
    const now = m.current.measures.find((x) => x.id === info.id);
    const change = changeOfMeasure.get(info.id);
    return [
      measureText(info.label, info.id),
      text(info.unit),
      now?.value === null || now === undefined ? notAvailable : measureFigureCell(info, now.value, measureMarks(scope.departmentCode, info.id)),
      valueAYearEarlier(data, info),
      changeFigure(change, info.kind, measureMarks(scope.departmentCode, info.id)),
      text(change?.words ?? "not compared"),
      text(change ? intervalWords[change.intervals] ?? change.intervals : "not compared"),
    ];
  });
  const counted = `${panelCoverage(r)} ${allSent(r, period.label)}`;
  return [
    {
      sheetName: "Totals",
      tableName: "department_totals",
      panel: "matched",
      title: `${scope.departmentName}: totals beside a year earlier (${r.yearEarlier.label}), the same bodies and quarters`,
      description: describe(`${counted} Money is to the nearest pound.`, ["counted", "revised", "stocks"]),
      columns: [
        { key: "figure", heading: "Figure", type: "text", role: "measure" },
        { key: "unit", heading: "Unit", type: "text", role: "unit" },
        { key: "this_period", heading: `This period (${period.label})`, type: "count", statistic: "this_period" },
        { key: "year_earlier", heading: `A year earlier (${r.yearEarlier.label})`, type: "count", statistic: "year_earlier" },
        { key: "change_size", heading: "Change (%)", type: "decimal1", statistic: "change", unit: changeUnit.percent },
        { key: "change", heading: "Change", type: "text" },
      ],
      rows: totalsRows,
    },
    {
      sheetName: "Measures",
      tableName: "department_measures",
      panel: "matched",
      title: `${scope.departmentName}: measures beside a year earlier (${r.yearEarlier.label}), the same bodies and quarters`,
      description: describe(counted, ["counted", "revised", "intervals"]),
      columns: [
        { key: "measure", heading: "Measure", type: "text", role: "measure" },
        { key: "unit", heading: "Unit", type: "text", role: "unit" },
        { key: "this_period", heading: `This period (${period.label})`, type: "decimal1", statistic: "this_period" },
        { key: "year_earlier", heading: `A year earlier (${r.yearEarlier.label})`, type: "decimal1", statistic: "year_earlier" },
        { key: "change_size", heading: "Change (%, or percentage points for a percentage)", type: "decimal1", statistic: "change", unit: changeUnit.percent },
        { key: "change", heading: "Change", type: "text" },
        { key: "clear_change", heading: `Clear change ${ref("intervals")}`, type: "text" },
      ],
      rows: measureChangeRows,
    },
  ];
}

export function headlineTable(ctx: PackContext): PackTable {
  const { data, measureMarks, departmentRowName } = ctx;
  const { scope } = data;
  // Headline measures by body, long form: one row per body and measure.
  const c = data.comparison;
  const headlineRows: Cell[][] = [];
  const measureRow = (code: string, name: string, m: MeasureInfoIn, cell: MeasureCellIn | undefined, comparison: string) => {
    return [text(code), text(name), measureText(m.label, m.id), text(m.unit), ...measureStatisticCells(m, cell, measureMarks(code, m.id)), text(comparison)];
  };
  for (const row of c.rows.filter((x) => inScope(data, x.organisationCode))) {
    c.measures.forEach((m, i) => {
      const cell = row.measures[i];
      headlineRows.push(measureRow(row.organisationCode, row.name, m, cell, comparisonWords[cell?.comparison95 ?? "not compared"] ?? "Not compared"));
    });
  }
  c.measures.forEach((m, i) => headlineRows.push(measureRow(scope.departmentCode, departmentRowName, m, c.benchmark.measures[i], "The department's figure (the benchmark)")));
  return {
    sheetName: "Headline_measures",
    tableName: "headline_measures",
    panel: "all",
    title: "Headline measures by body, with 95% intervals and comparison with the department",
    description: describe(
      `${c.bodies.included} of ${c.bodies.expected} bodies' returns count.${c.missing.length > 0 ? ` No return counts yet from: ${c.missing.map((b) => b.name).join(", ")}.` : ""}`,
      ["counted", "revised", "intervals", "comparison"],
    ),
    columns: [
      ...orgColumns(),
      { key: "measure", heading: "Measure", type: "text", role: "measure" },
      { key: "unit", heading: "Unit", type: "text", role: "unit" },
      { key: "value", heading: `Value ${ref("intervals")}`, type: "decimal1", statistic: "value" },
      { key: "lower_95", heading: "Lower 95% limit", type: "decimal1", statistic: "lower_95" },
      { key: "upper_95", heading: "Upper 95% limit", type: "decimal1", statistic: "upper_95" },
      { key: "numerator", heading: "Numerator", type: "count", statistic: "numerator", unit: "count" },
      { key: "denominator", heading: "Denominator", type: "count", statistic: "denominator", unit: "count" },
      { key: "comparison", heading: `Compared with the department ${ref("comparison")}`, type: "text" },
    ],
    rows: headlineRows,
  };
}

/** The template's pack tables, by body: the summed figures of each part of the return. */
export function figureTables(ctx: PackContext): PackTable[] {
  const { data, marksOf, departmentRowName } = ctx;
  const { scope } = data;
  // The summed figures of each part of the return: the template's pack tables, by body.
  return data.figures.map((f) => {
    // Notes follow the columns: the note on stocks where a column is one, on money where one is money.
    const notes: NoteKey[] = ["counted", "revised", ...(f.columns.some((col) => col.aggregation === "stock") ? (["stocks"] as const) : []), ...(f.columns.some((col) => col.type === "money") ? (["money"] as const) : [])];
    return {
      sheetName: f.sheet ?? f.title.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 31),
      tableName: `figures_${f.key}`,
      panel: "all",
      title: `${f.title} by body`,
      description: describe(f.description.join(" "), notes),
      columns: [...orgColumns(), ...f.columns.map((col): Column => ({ key: col.key, heading: col.type === "money" ? `${col.label} (£)` : col.label, type: col.type === "money" ? "pence" : col.type === "fte" ? "decimal1" : "count" }))],
      rows: f.rows
        .filter((row) => inScope(data, row.organisationCode))
        .map((row) => [
          text(row.organisationCode),
          text(row.organisationCode === scope.departmentCode ? departmentRowName : row.name),
          ...row.values.map((v, i) => {
            const column = f.columns[i]!;
            if (v === "x") return notAvailable;
            return num(column.type === "money" ? round2(v / 100) : column.type === "fte" ? round1(v) : v, marksOf(row.organisationCode, [column.key]));
          }),
        ]),
    };
  });
}

export function themesTable(ctx: PackContext): PackTable {
  const { data, marksOf } = ctx;
  const { period } = data;
  // Themes by body over the pack's quarters, with emerging themes.
  const t = data.themes;
  const quarterAt = new Set(period.quarters);
  const inPeriod = t.periods.map((p) => quarterAt.has(p.period));
  const labelOfTheme = new Map(t.themes.map((x) => [x.id, x.label]));
  const emergingWords = (reason: string | null) => (reason ? `Yes: ${reason}` : "No");
  const themeRows: Cell[][] = [];
  const themeRow = (code: string, name: string, s: { theme: string; counts: readonly (number | null)[]; received?: readonly (number | null)[]; rates: readonly (number | null)[]; emerging: string | null }, received: readonly (number | null)[] | null) => {
    let count = 0;
    let total = 0;
    let quarters = 0;
    s.counts.forEach((n, i) => {
      const d = received?.[i] ?? null;
      if (!inPeriod[i] || n === null || d === null) return;
      count += n;
      total += d;
      quarters += 1;
    });
    const lastIndex = inPeriod.lastIndexOf(true);
    const emerging = lastIndex === t.periods.length - 1 ? s.emerging : null;
    themeRows.push([
      text(code),
      text(name),
      text(labelOfTheme.get(s.theme) ?? s.theme),
      quarters > 0 ? num(count, marksOf(code, [s.theme])) : notAvailable,
      quarters > 0 && total > 0 ? num(round1((count / total) * 100), marksOf(code, [s.theme, "received"])) : quarters > 0 ? notApplicable : notAvailable,
      text(emergingWords(emerging)),
    ]);
  };
  for (const b of t.bodies.filter((x) => inScope(data, x.organisationCode))) {
    const received = b.series[0]?.received ?? null;
    for (const s of b.series) themeRow(b.organisationCode, b.name, s, received);
  }
  return {
    sheetName: "Themes",
    tableName: "themes_by_body",
    panel: "all",
    title: "Themes by body, with emerging themes",
    description: describe("Complaints received under each theme, and the rate per 100 complaints received, summed over the quarters of the period that gave both.", ["counted", "revised", "themes"]),
    columns: [
      ...orgColumns(),
      { key: "theme", heading: "Theme", type: "text", role: "label" },
      { key: "complaints", heading: "Complaints under the theme", type: "count" },
      { key: "per_100_received", heading: `Per 100 complaints received ${ref("themes")}`, type: "decimal1", unit: "per 100 received" },
      { key: "emerging", heading: "Emerging in the latest quarter", type: "text" },
    ],
    rows: themeRows,
  };
}

export function specialPaymentsTable(ctx: PackContext): PackTable {
  const { data, marksOf } = ctx;
  // Special payments over £300,000, listed individually (Managing Public Money annex A4.13).
  return {
    sheetName: "Special_payments",
    tableName: "special_payments",
    title: "Special payments over £300,000",
    description: describe("Each special payment over £300,000 a body made, as its return lists it (Managing Public Money annex A4.13). Returns in template version 1 give only how many there were, without amounts [x].", ["money"]),
    columns: [
      ...orgColumns(),
      { key: "quarter", heading: "Quarter", type: "text", role: "period" },
      { key: "payments", heading: "Payments", type: "count" },
      { key: "amount", heading: "Amount (£)", type: "pence" },
      { key: "date_paid", heading: "Date paid", type: "text" },
      { key: "description", heading: "Description", type: "text", role: "label" },
    ],
    rows: data.specialPayments
      .filter((p) => inScope(data, p.organisationCode))
      .map((p) => [
        text(p.organisationCode),
        text(p.name),
        text(p.period),
        num(p.count, marksOf(p.organisationCode, (f) => f.startsWith("special_payments"))),
        p.amount === null ? notAvailable : num(round2(p.amount / 100), marksOf(p.organisationCode, (f) => f.startsWith("special_payments"))),
        p.datePaid ? text(longDate(p.datePaid)) : notAvailable,
        text(p.description || "No description given"),
      ]),
    empty: "No special payment over £300,000 was reported for this period.",
  };
}

export function actionPlansTable(ctx: PackContext): PackTable {
  const { data } = ctx;
  // Action plans, overdue first.
  const actions = data.actions.filter((a) => inScope(data, a.organisationCode)).toSorted((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  return {
    sheetName: "Action_plans",
    tableName: "action_plans",
    title: "Learning action plans, overdue first",
    description: describe(`${actions.filter((a) => a.overdue).length} of ${actions.length} actions are overdue (not completed by their due date).`, ["learning"]),
    columns: [
      ...orgColumns(),
      { key: "action", heading: "Action", type: "text", role: "label" },
      { key: "kind", heading: "Kind", type: "text" },
      { key: "themes", heading: "Themes", type: "text" },
      { key: "owner", heading: "Owner", type: "text" },
      { key: "due_date", heading: "Due date", type: "text" },
      { key: "status", heading: "Status", type: "text" },
      { key: "overdue", heading: "Overdue", type: "text" },
    ],
    rows: actions.map((a) => [text(a.organisationCode), text(a.organisationName), text(a.action), text(a.kindLabel), text(a.themes.join("; ") || "None given"), text(a.owner), text(longDate(a.dueDate)), text(a.statusLabel), text(a.overdue ? "Yes" : "No")]),
    empty: "There are no learning action plans for this scope.",
  };
}

export function learningTable(ctx: PackContext): PackTable {
  const { data } = ctx;
  // Learning highlights.
  const learning = data.learning.filter((l) => inScope(data, l.organisationCode));
  return {
    sheetName: "Learning",
    tableName: "learning_highlights",
    title: "Learning highlights: you said, we did",
    description: describe("What bodies changed because of complaints, as they chose to publish it.", ["learning"]),
    columns: [...orgColumns(), { key: "you_said_we_did", heading: "You said, we did", type: "text", role: "label" }, { key: "action", heading: "Action", type: "text" }, { key: "themes", heading: "Themes", type: "text" }, { key: "status", heading: "Status", type: "text" }, { key: "date", heading: "Date", type: "text" }],
    rows: learning.map((l) => [text(l.organisationCode), text(l.organisationName), text(l.summary), text(l.action), text(l.themes.map((x) => x.label).join("; ") || "None given"), text(l.statusLabel), text(longDate(l.date))]),
    empty: "No body has published learning for this scope yet.",
  };
}

export function equalityTable(ctx: PackContext): PackTable {
  const { data } = ctx;
  // Equality monitoring, through disclosure control.
  const equalityRows: Cell[][] = [];
  for (const e of data.equality) {
    const disclosed = disclosureControl(e.categories.map((x) => x.count));
    e.categories.forEach((cat, i) => {
      const cell = disclosed.cells[i]!;
      const pct = disclosed.percentages[i]!;
      equalityRows.push([text(e.characteristic), text(cat.label), cell === "[c]" ? suppressed : num(cell), pct === "[c]" ? suppressed : pct === "[z]" ? notApplicable : num(round1(pct))]);
    });
    equalityRows.push([text(e.characteristic), text("Total"), disclosed.total === "[c]" ? suppressed : num(disclosed.total), disclosed.total === "[c]" ? suppressed : disclosed.total === 0 ? notApplicable : num(100)]);
  }
  return {
    sheetName: "Equality",
    tableName: "equality_monitoring",
    title: `Equality monitoring of people who complained ${ref("disclosure")}`,
    description: describe("People who complained and answered the equality monitoring questions, by characteristic, for the bodies that ask them.", ["disclosure"]),
    columns: [
      { key: "characteristic", heading: "Characteristic", type: "text", role: "label" },
      { key: "category", heading: "Category", type: "text", role: "label" },
      { key: "complainants", heading: "People who complained", type: "count" },
      { key: "share", heading: "Share of the characteristic's total (%)", type: "decimal1", unit: "%" },
    ],
    rows: equalityRows,
    empty: "No body reported equality monitoring for this period.",
  };
}

const intervalWords: Record<string, string> = {
  higher: "Yes: higher (the 95% intervals do not overlap)",
  lower: "Yes: lower (the 95% intervals do not overlap)",
  similar: "No: the 95% intervals overlap",
  "not compared": "Not compared",
};

/** What a change from a year earlier is in: relative, or the difference of two percentages. */
const changeUnit = { percent: "percent change", points: "percentage points" } as const;

/**
 * The change from a year earlier as a figure, to one decimal place: in percentage points for a
 * percentage (a proportion), else relative in percent; [z] where a relative change has no meaning
 * (up from 0), [x] where there is nothing to compare. Marked as this period's figure is.
 */
function changeFigure(change: ChangeIn | undefined, kind: MeasureInfoIn["kind"] | "count", marks: Marks): Cell {
  if (!change || change.direction === "not compared") return notAvailable;
  if (kind === "proportion") return change.points === null ? notApplicable : num(round1(change.points), marks, changeUnit.points);
  return change.percent === null ? notApplicable : num(round1(change.percent), marks);
}

/** A measure's value a year earlier over the matched panel (not marked revised: the mark is about this period's returns). */
function valueAYearEarlier(data: PackData, m: MeasureInfoIn): Cell {
  const earlier = data.rollup.comparison.previousYear.measures.find((x) => x.id === m.id);
  return earlier?.value === null || earlier === undefined ? notAvailable : measureFigureCell(m, earlier.value);
}

export const bodiesWord = (n: number) => `${formatNumber(n, "count")} ${n === 1 ? "body" : "bodies"}`;

/** Who the comparison with a year earlier covers, and who it leaves out and why. */
export function panelCoverage(r: PackData["rollup"]): string {
  const p = r.comparison.panel;
  const covers =
    p.covered.length === 0
      ? `The comparison with ${r.yearEarlier.label} covers no body: none sent returns for the same quarters in both periods.`
      : `The comparison with ${r.yearEarlier.label} covers ${formatNumber(p.covered.length, "count")} of ${bodiesWord(p.expected)} expected: the quarters each sent in both periods.`;
  const out = [...p.leftOut, ...p.partly].map((b) => `${b.name} (${b.words})`);
  return out.length > 0 ? `${covers} Left out: ${out.join("; ")}.` : covers;
}

/** Everyone who has sent so far, labelled with its coverage (never given a change). */
function allSent(r: PackData["rollup"], label: string): string {
  return `Everyone who has sent so far for ${label}: ${formatNumber(r.current.bodies.counted, "count")} of ${bodiesWord(r.current.bodies.expected)} (${formatNumber(r.current.returns, "count")} ${r.current.returns === 1 ? "return" : "returns"}).`;
}

