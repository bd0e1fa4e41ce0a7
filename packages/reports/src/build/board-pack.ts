import { formatDate, measureTerms, oversightMeasures } from "@complaints/domain";
import { disclosureControl } from "@complaints/metrics";
import type { HeatmapData } from "@complaints/charts";
import { formatNumber } from "../cells.ts";
import type { Block, BoardPack, Cell, Column, PackNote, PackTable } from "../model.ts";
import { measureFigure, measureStatisticCells, measureUnit as unitOf } from "../tidy.ts";
import type { ChangeIn, MeasureCellIn, MeasureInfoIn, PackData } from "./input.ts";

/**
 * The board pack model from the API's answers for a period (input.ts). Every figure any writer
 * shows is placed here, rounded here, and suppressed here (equality monitoring, through the metrics
 * package's disclosure control: the output boundary, never stored data).
 */

const text = (t: string): Cell => ({ kind: "text", text: t });
/** A `measure` column's cell: the measure's label, carrying its stable id for the tidy CSV. */
const measureText = (label: string, code: string): Cell => ({ kind: "text", text: label, code });
/** How a figure is marked: [r] revised since first accepted, [p] provisional. */
interface Marks {
  revised: boolean;
  provisional: boolean;
}
const unmarked: Marks = { revised: false, provisional: false };
const num = (value: number, marks: Marks = unmarked, unit?: string): Cell => ({ kind: "number", value, ...(marks.revised ? { revised: true } : {}), ...(marks.provisional ? { provisional: true } : {}), ...(unit ? { unit } : {}) });

/** The template fields a measure is worked out from. */
const fieldsOfMeasure = new Map(oversightMeasures.map((m) => [m.id, [...measureTerms(m.numerator), ...measureTerms(m.denominator)].map((t) => t.field)]));
const notAvailable: Cell = { kind: "shorthand", code: "x" };
const notApplicable: Cell = { kind: "shorthand", code: "z" };
const suppressed: Cell = { kind: "shorthand", code: "c" };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A stock's label over a financial year: "Open at the start of the quarter" → "… of the year". */
export function yearLabel(label: string): string {
  return label.replace(/ of the quarter$/, " of the year");
}
const round2 = (n: number) => Math.round(n * 100) / 100;

/** "2025-08-01" (or an ISO timestamp) → "1 August 2025", as the portal writes dates. */
export function longDate(iso: string): string {
  return formatDate(iso.slice(0, 10));
}

const comparisonWords: Record<string, string> = {
  better: "Better than the department",
  worse: "Worse than the department",
  higher: "Higher than the department",
  lower: "Lower than the department",
  similar: "Similar to the department",
  "not compared": "Not compared",
};

/** Notes, numbered in this order, referred to as [note N]. */
const noteTexts = {
  counted:
    "Figures count the returns each body has sent to the department: signed off by its senior accountable officer (approved) or accepted by the department. Figures from returns not yet accepted are provisional and may change.",
  revised:
    "[r] marks a figure that differs from the one the department first accepted: the body corrected its return after acceptance (a later revision). A department figure is marked when any body's figure behind it changed. [p] marks a provisional figure: from a return the department has not yet accepted, so it may change.",
  stocks:
    "Complaints brought forward are those open at the start of the period (from its first quarter's returns); complaints carried forward are those open at its end (from its last quarter's returns). All other counts are summed over the quarters of the period.",
  intervals:
    "95% confidence intervals: Wilson score interval for percentages, Byar's method (exact Poisson below 10 events) for rates per 10,000. Averages of working days have no interval [z].",
  comparison:
    "A body is similar to the department when its 95% interval contains the department's figure; otherwise higher or lower, and better or worse where the measure has a direction. The department's figure pools every counted return: counts summed, then the percentage taken (never an average of percentages).",
  themes:
    "One complaint can be counted under several themes. Rates are complaints under the theme per 100 complaints received. A theme is emerging when its latest quarter is special-cause high on a statistical process control (XmR) chart of its quarterly rates (NHS Making Data Count).",
  disclosure:
    "Equality monitoring is published through disclosure control: counts of 1 to 7 are suppressed [c], with a second cell suppressed where one alone could be worked out from the total; other counts are rounded to the nearest 5; percentages are worked out from the rounded figures.",
  money: "Money is in pounds and pence, except in the department's totals, which are to the nearest pound.",
  learning:
    "Learning highlights are the 'you said, we did' summaries bodies chose to publish for their action plans. Action plans are listed with those overdue first.",
} as const;
type NoteKey = keyof typeof noteTexts;
const noteOrder = Object.keys(noteTexts) as NoteKey[];
const noteNumber = (key: NoteKey) => noteOrder.indexOf(key) + 1;
const ref = (key: NoteKey) => `[note ${noteNumber(key)}]`;

const shorthandLead = "Shorthand used in this table:";
const shorthandSentence = (codes: readonly string[]) => {
  const meaning: Record<string, string> = { c: "[c] suppressed to protect confidentiality", x: "[x] not available", z: "[z] not applicable", r: "[r] revised", p: "[p] provisional" };
  return `${shorthandLead} ${codes.map((c) => meaning[c]).join(", ")}. No cell is left blank.`;
};

/** The table's description rows, GSS style: what the sheet holds, its notes, its shorthand, the source. */
function describe(about: string | null, notes: readonly NoteKey[]): string[] {
  return [
    "This worksheet contains one table.",
    ...(about ? [about] : []),
    ...(notes.length > 0 ? [`Notes that apply: ${notes.map(ref).join(", ")}; they are on the Notes worksheet.`] : []),
    // Replaced by the codes the table's cells use once its rows are made (see "shorthand sentence" below).
    shorthandLead,
    "Source: quarterly complaints returns sent by each body to its department (Complaints oversight).",
  ];
}

function orgColumns(): Column[] {
  return [
    { key: "organisation_code", heading: "Organisation code", type: "text", role: "organisation" },
    { key: "organisation", heading: "Organisation", type: "text", role: "organisation_name" },
  ];
}

/** The rows in a pack about a body: its own row (and the department's, as the benchmark) for a body pack. */
function inScope(data: PackData, code: string): boolean {
  return data.scope.kind === "department" || code === data.scope.code || code === data.scope.departmentCode;
}

export function buildBoardPack(data: PackData): BoardPack {
  const { scope, period } = data;
  // Which figures a correction changed, by organisation (the department: any of its bodies).
  const changedAt = new Map<string, Set<string>>([[scope.departmentCode, new Set()]]);
  for (const rev of data.revisions) {
    for (const code of [rev.organisationCode, scope.departmentCode]) {
      const set = changedAt.get(code) ?? new Set<string>();
      for (const f of rev.fields) set.add(f);
      changedAt.set(code, set);
    }
  }
  const anyRevised = data.revisions.length > 0;
  const provisionalCodes = new Set(data.provisional);
  /** The marks of a figure of `code` worked out from these template fields. */
  const marksOf = (code: string, fields: readonly string[] | ((field: string) => boolean)): Marks => {
    const changed = changedAt.get(code);
    const test = typeof fields === "function" ? fields : (f: string) => fields.includes(f);
    return {
      revised: changed !== undefined && [...changed].some(test),
      provisional: code === scope.departmentCode ? provisionalCodes.size > 0 : provisionalCodes.has(code),
    };
  };
  const measureMarks = (code: string, id: string) => marksOf(code, fieldsOfMeasure.get(id) ?? []);
  const departmentRowName = `${scope.departmentName} (all bodies)`;
  const tables: PackTable[] = [];
  let tableNumber = 0;
  const title = (what: string) => `Table ${++tableNumber}: ${what}, ${period.label}`;

  // Submission status, one row per body per quarter.
  tables.push({
    sheetName: "Submission",
    tableName: "submission_status",
    title: title("Submission status of each body's return"),
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
  });

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
      text(unitOf[info.kind]),
      now?.value === null || now === undefined ? notAvailable : num(measureFigure(info.kind, now.value), measureMarks(scope.departmentCode, info.id)),
      valueAYearEarlier(data, info),
      changeFigure(change, info.kind, measureMarks(scope.departmentCode, info.id)),
      text(change?.words ?? "not compared"),
      text(change ? intervalWords[change.intervals] ?? change.intervals : "not compared"),
    ];
  });
  if (scope.kind === "department") {
    const counted = `${panelCoverage(r)} ${allSent(r, period.label)}`;
    tables.push({
      sheetName: "Totals",
      tableName: "department_totals",
      panel: "matched",
      title: title(`${scope.departmentName}: totals beside a year earlier (${r.yearEarlier.label}), the same bodies and quarters`),
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
    });
    tables.push({
      sheetName: "Measures",
      tableName: "department_measures",
      panel: "matched",
      title: title(`${scope.departmentName}: measures beside a year earlier (${r.yearEarlier.label}), the same bodies and quarters`),
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
    });
  }

  // Headline measures by body, long form: one row per body and measure.
  const c = data.comparison;
  const headlineRows: Cell[][] = [];
  const measureRow = (code: string, name: string, m: MeasureInfoIn, cell: MeasureCellIn | undefined, comparison: string) => {
    return [text(code), text(name), measureText(m.label, m.id), text(unitOf[m.kind]), ...measureStatisticCells(m.kind, cell, measureMarks(code, m.id)), text(comparison)];
  };
  for (const row of c.rows.filter((x) => inScope(data, x.organisationCode))) {
    c.measures.forEach((m, i) => {
      const cell = row.measures[i];
      headlineRows.push(measureRow(row.organisationCode, row.name, m, cell, comparisonWords[cell?.comparison95 ?? "not compared"] ?? "Not compared"));
    });
  }
  c.measures.forEach((m, i) => headlineRows.push(measureRow(scope.departmentCode, departmentRowName, m, c.benchmark.measures[i], "The department's figure (the benchmark)")));
  tables.push({
    sheetName: "Headline_measures",
    tableName: "headline_measures",
    panel: "all",
    title: title("Headline measures by body, with 95% intervals and comparison with the department"),
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
  });

  // The summed figures of each part of the return.
  const figureSheets: Record<string, { sheet: string; notes: NoteKey[] }> = {
    flow: { sheet: "Flow", notes: ["counted", "revised", "stocks"] },
    stages: { sheet: "Stages", notes: ["counted", "revised"] },
    outcomes: { sheet: "Outcomes", notes: ["counted", "revised"] },
    remedies: { sheet: "Putting_things_right", notes: ["counted", "revised", "money"] },
    review: { sheet: "Ombudsman", notes: ["counted", "revised"] },
    feedback: { sheet: "Feedback", notes: ["counted", "revised"] },
  };
  for (const f of data.figures) {
    const spec = figureSheets[f.key] ?? { sheet: f.title.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 31), notes: ["counted", "revised"] as NoteKey[] };
    tables.push({
      sheetName: spec.sheet,
      tableName: `figures_${f.key}`,
      panel: "all",
      title: title(`${f.title} by body`),
      description: describe(f.description.join(" "), spec.notes),
      columns: [...orgColumns(), ...f.columns.map((col): Column => ({ key: col.key, heading: col.type === "money" ? `${col.label} (£)` : col.label, type: col.type === "money" ? "pence" : "count" }))],
      rows: f.rows
        .filter((row) => inScope(data, row.organisationCode))
        .map((row) => [
          text(row.organisationCode),
          text(row.organisationCode === scope.departmentCode ? departmentRowName : row.name),
          ...row.values.map((v, i) => (v === "x" ? notAvailable : num(f.columns[i]!.type === "money" ? round2(v / 100) : v, marksOf(row.organisationCode, [f.columns[i]!.key])))),
        ]),
    });
  }

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
  tables.push({
    sheetName: "Themes",
    tableName: "themes_by_body",
    panel: "all",
    title: title("Themes by body, with emerging themes"),
    description: describe("Complaints received under each theme, and the rate per 100 complaints received, summed over the quarters of the period that gave both.", ["counted", "revised", "themes"]),
    columns: [
      ...orgColumns(),
      { key: "theme", heading: "Theme", type: "text", role: "label" },
      { key: "complaints", heading: "Complaints under the theme", type: "count" },
      { key: "per_100_received", heading: `Per 100 complaints received ${ref("themes")}`, type: "decimal1", unit: "per 100 received" },
      { key: "emerging", heading: "Emerging in the latest quarter", type: "text" },
    ],
    rows: themeRows,
  });

  // Special payments over £300,000, listed individually (Managing Public Money annex A4.13).
  tables.push({
    sheetName: "Special_payments",
    tableName: "special_payments",
    title: title("Special payments over £300,000"),
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
  });

  // Action plans, overdue first.
  const actions = data.actions.filter((a) => inScope(data, a.organisationCode)).toSorted((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  tables.push({
    sheetName: "Action_plans",
    tableName: "action_plans",
    title: title("Learning action plans, overdue first"),
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
  });

  // Learning highlights.
  const learning = data.learning.filter((l) => inScope(data, l.organisationCode));
  tables.push({
    sheetName: "Learning",
    tableName: "learning_highlights",
    title: title("Learning highlights: you said, we did"),
    description: describe("What bodies changed because of complaints, as they chose to publish it.", ["learning"]),
    columns: [...orgColumns(), { key: "you_said_we_did", heading: "You said, we did", type: "text", role: "label" }, { key: "action", heading: "Action", type: "text" }, { key: "themes", heading: "Themes", type: "text" }, { key: "status", heading: "Status", type: "text" }, { key: "date", heading: "Date", type: "text" }],
    rows: learning.map((l) => [text(l.organisationCode), text(l.organisationName), text(l.summary), text(l.action), text(l.themes.map((x) => x.label).join("; ") || "None given"), text(l.statusLabel), text(longDate(l.date))]),
    empty: "No body has published learning for this scope yet.",
  });

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
  tables.push({
    sheetName: "Equality",
    tableName: "equality_monitoring",
    title: title(`Equality monitoring of people who complained ${ref("disclosure")}`),
    description: describe("People who complained and answered the equality monitoring questions, by characteristic, for the bodies that ask them.", ["disclosure"]),
    columns: [
      { key: "characteristic", heading: "Characteristic", type: "text", role: "label" },
      { key: "category", heading: "Category", type: "text", role: "label" },
      { key: "complainants", heading: "People who complained", type: "count" },
      { key: "share", heading: "Share of the characteristic's total (%)", type: "decimal1", unit: "%" },
    ],
    rows: equalityRows,
    empty: "No body reported equality monitoring for this period.",
  });

  // Each table's shorthand sentence names the codes its cells use, and only those.
  for (const table of tables) {
    const used = new Set<string>();
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.kind === "shorthand") used.add(cell.code);
        if (cell.kind === "number" && cell.revised) used.add("r");
        if (cell.kind === "number" && cell.provisional) used.add("p");
      }
    }
    const codes = ["c", "x", "z", "r", "p"].filter((code) => used.has(code));
    table.description = table.description.map((d) => (d.startsWith(shorthandLead) ? (codes.length > 0 ? shorthandSentence(codes) : "No shorthand is used in this table, and no cell is left blank.") : d));
  }

  // Empty tables keep their header and say why in their description (GSS: nothing below a table).
  for (const table of tables) if (table.rows.length === 0 && table.empty) table.description = [...table.description.slice(0, 1), table.empty, ...table.description.slice(1)];
  for (const table of tables) if (table.rows.length > 0) delete table.empty;

  const usedNotes = noteOrder.filter((key) => tables.some((tb) => tb.description.some((d) => d.includes(ref(key))) || tb.title.includes(ref(key)) || tb.columns.some((col) => col.heading.includes(ref(key)))));
  const notes: PackNote[] = usedNotes.map((key) => ({
    number: noteNumber(key),
    text: noteTexts[key],
    appliesTo: tables.filter((tb) => tb.description.some((d) => d.includes(ref(key))) || tb.title.includes(ref(key)) || tb.columns.some((col) => col.heading.includes(ref(key)))).map((tb) => tb.sheetName).join(", "),
  }));

  const who = scope.kind === "department" ? `${scope.departmentName} and its arm's-length bodies` : `${scope.name} (${scope.departmentName})`;
  const packTitle = `Complaints board pack: ${scope.kind === "department" ? scope.departmentName : scope.name}, ${period.label}`;
  return {
    title: packTitle,
    language: "en-GB",
    scope,
    period,
    produced: data.produced,
    cover: {
      about: [
        `Complaints handled by ${who}, ${period.label}: who has sent their return, headline measures with intervals and comparison, the flow of complaints, performance by stage, outcomes, themes, putting things right, the Ombudsman, feedback, learning action plans and equality monitoring.`,
        "Prepared for the board from the quarterly complaints returns, following the Parliamentary and Health Service Ombudsman's guide 'Capturing and reporting on learning from complaints'.",
      ],
      source: "Quarterly complaints returns sent by each body to its department (Complaints oversight).",
      contact: data.contact,
      caveats: [
        ...(provisionalCodes.size > 0 ? ["Some figures are provisional [p]: they come from returns the department has not yet accepted, and may change."] : []),
        ...(anyRevised ? ["Some figures are revised [r]: a body corrected its return after the department first accepted it."] : []),
        ...data.caveats,
        ...(c.missing.length > 0 ? [`${c.missing.length} of ${c.bodies.expected} bodies have no return that counts yet for this period.`] : []),
        "Bodies differ in size and in what they do; compare them using the intervals, not the figures alone.",
      ],
    },
    notes,
    tables,
    narrative: narrative(data, packTitle),
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
  return earlier?.value === null || earlier === undefined ? notAvailable : num(measureFigure(m.kind, earlier.value));
}

const bodiesWord = (n: number) => `${formatNumber(n, "count")} ${n === 1 ? "body" : "bodies"}`;

/** Who the comparison with a year earlier covers, and who it leaves out and why. */
function panelCoverage(r: PackData["rollup"]): string {
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

function narrative(data: PackData, title: string): Block[] {
  const { scope, period } = data;
  const r = data.rollup;
  const m = r.comparison;
  const fieldOf = (side: PackData["rollup"]["current"], id: string) => side.fields.find((f) => f.id === id)?.value ?? null;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: title }];
  const received = fieldOf(r.current, "received");
  const closed = [fieldOf(r.current, "er_closed"), fieldOf(r.current, "cl_closed")];
  const changeReceived = m.changes.fields.find((f) => f.id === "received");
  if (scope.kind === "department") {
    const sent = r.current.bodies.counted;
    const covered = m.panel.covered.length;
    const sentences = [`${formatNumber(sent, "count")} of ${bodiesWord(r.current.bodies.expected)} ${sent === 1 ? "has" : "have"} sent ${period.quarters.length > 1 ? "returns" : "their return"} for ${period.label}`];
    if (m.panel.lowCoverage) {
      // Too few bodies in both periods for a change to say anything about the department: coverage leads, no headline change.
      sentences[0] +=
        covered === 0
          ? `; none of them sent for the same quarters of ${r.yearEarlier.label}, so there is no comparison with it.`
          : `; the comparison below covers ${covered === sent ? `those ${formatNumber(covered, "count")}` : `${formatNumber(covered, "count")} of them, those that also sent for ${r.yearEarlier.label}`}.`;
    } else sentences[0] += ".";
    // Everyone who has sent so far: a total with its coverage, never a change.
    if (received !== null) sentences.push(`Together they received ${formatNumber(received, "count")} ${received === 1 ? "complaint" : "complaints"}${closed.every((x) => x !== null) ? ` and closed ${formatNumber(closed[0]! + closed[1]!, "count")}` : ""}.`);
    else sentences.push("No return that counts gives the number of complaints received yet.");
    const nowReceived = fieldOf(m.current, "received");
    const thenReceived = fieldOf(m.previousYear, "received");
    if (!m.panel.lowCoverage && covered > 0 && nowReceived !== null && thenReceived !== null) {
      sentences.push(`Over the ${bodiesWord(covered)} that sent returns for the same quarters a year earlier, complaints received were ${changeReceived?.words ?? "not compared"} on ${r.yearEarlier.label} (${formatNumber(nowReceived, "count")} against ${formatNumber(thenReceived, "count")}).`);
    }
    blocks.push({ kind: "paragraph", text: sentences.join(" ") });
  } else {
    blocks.push({ kind: "paragraph", text: `This pack is about ${scope.name}, beside the figures for ${data.scope.departmentName} as a whole, for ${period.label}.` });
  }
  for (const caveat of data.caveats) blocks.push({ kind: "paragraph", text: caveat });

  blocks.push({ kind: "heading", level: 2, text: "Headline figures" });
  if (scope.kind === "department") {
    blocks.push({ kind: "paragraph", text: `The department's totals and measures beside ${r.yearEarlier.label}, over the same bodies and quarters in both. The workbook has every body's figures, with 95% intervals and how each compares with the department.` });
    blocks.push({ kind: "table", tableName: "department_totals", caption: `${scope.departmentName}: totals, ${period.label}, beside ${r.yearEarlier.label} (${bodiesWord(m.panel.covered.length)} in both)` });
    blocks.push({ kind: "table", tableName: "department_measures", columns: ["measure", "unit", "this_period", "year_earlier", "change"], caption: `${scope.departmentName}: measures, ${period.label}, beside ${r.yearEarlier.label} (${bodiesWord(m.panel.covered.length)} in both)` });
  } else {
    if (data.comparison.rows.some((x) => x.organisationCode === scope.code)) {
      blocks.push({ kind: "paragraph", text: `${scope.name}'s measures with 95% intervals, and how each compares with the department's figure.` });
      blocks.push({ kind: "table", tableName: "headline_measures", columns: ["measure", "unit", "value", "lower_95", "upper_95", "comparison"], maxRows: data.comparison.measures.length, caption: `${scope.name}: headline measures, ${period.label}` });
    } else {
      blocks.push({ kind: "paragraph", text: `No return from ${scope.name} counts yet for ${period.label}, so it has no figures here; the workbook has the department's.` });
    }
  }

  if (scope.kind === "department") {
    blocks.push({ kind: "heading", level: 2, text: "What changed since a year earlier" });
    blocks.push({ kind: "paragraph", text: panelCoverage(r) });
    const clear = m.changes.measures.filter((c) => c.intervals === "higher" || c.intervals === "lower");
    const labelOf = new Map(r.measures.map((x) => [x.id, x.label]));
    if (m.panel.covered.length > 0) {
      blocks.push({
        kind: "list",
        items: [
          ...m.changes.fields.filter((f) => ["received", "er_closed", "cl_closed", "carried_forward"].includes(f.id)).map((f) => {
            const label = r.fields.find((x) => x.id === f.id)?.label ?? f.id;
            return `${period.quarters.length > 1 ? yearLabel(label) : label}: ${f.words} on ${r.yearEarlier.label}.`;
          }),
          ...(clear.length > 0
            ? clear.map((c) => `${labelOf.get(c.id) ?? c.id}: ${c.words}, a clear change (the 95% intervals do not overlap).`)
            : m.changes.measures.some((c) => c.intervals !== "not compared")
              ? ["No measure changed clearly: every measure's 95% interval overlaps the one a year earlier."]
              : ["No measure can be compared with a year earlier: one of the two periods has no figures."]),
        ],
      });
    }
  }

  blocks.push({ kind: "heading", level: 2, text: "Emerging themes" });
  const emerging = data.themes.emerging.filter((e) => e.scope === "department" || scope.kind === "department" || e.organisationCode === scope.code);
  blocks.push(
    emerging.length > 0
      ? { kind: "list", items: emerging.map((e) => `${e.themeLabel} is emerging ${e.scope === "department" ? "across the department" : `at ${e.name}`}: ${formatNumber(round1(e.value), "decimal1")} per 100 complaints received in ${e.periodLabel}, ${e.reasonText}.`) }
      : { kind: "paragraph", text: `No theme is emerging: no theme's latest quarter is special-cause high, ${scope.kind === "department" ? "for the department or for any body" : `for ${scope.name} or for the department`}.` },
  );
  const heat = heatmapOf(data);
  if (heat) blocks.push({ kind: "figure", chart: { kind: "heatmap", data: heat }, caption: heat.title, alt: `Heat map of complaint themes per 100 complaints received by body in ${data.themes.periods.at(-1)?.periodLabel ?? period.label}; emerging themes are marked. The Themes table of the workbook has the figures.` });

  if (data.funnel) {
    const f = data.funnel;
    const outside = f.points.filter((p) => p.outside95);
    const pointWords = (p: (typeof f.points)[number]) => `${p.name}: ${formatNumber(measureFigure("proportion", p.proportion), "decimal1")}% (${formatNumber(p.numerator, "count")} of ${formatNumber(p.denominator, "count")})`;
    const pooled = `the department's ${formatNumber(measureFigure("proportion", f.pooledProportion ?? 0), "decimal1")}%`;
    if (scope.kind === "department") {
      blocks.push({ kind: "heading", level: 2, text: `Bodies outside the funnel limits: ${f.measure.label.toLowerCase()}` });
      blocks.push(
        outside.length > 0
          ? { kind: "list", items: outside.map((p) => `${pointWords(p)}, ${p.side} the ${p.outside998 ? "99.8%" : "95%"} limits.`) }
          : { kind: "paragraph", text: `Every body is within the 95% limits of the funnel plot around ${pooled}.` },
      );
    } else {
      // A body's pack speaks of that body only; the chart shows the others unnamed.
      const mine = f.points.find((p) => p.organisationCode === scope.code);
      blocks.push({ kind: "heading", level: 2, text: `Against the funnel limits: ${f.measure.label.toLowerCase()}` });
      blocks.push({
        kind: "paragraph",
        text: mine
          ? mine.outside95
            ? `${pointWords(mine)}, ${mine.side} the ${mine.outside998 ? "99.8%" : "95%"} limits around ${pooled}.`
            : `${pointWords(mine)}, within the 95% limits around ${pooled}.`
          : `${scope.name} has no figure for this measure in ${period.label}.`,
      });
    }
    blocks.push({ kind: "figure", chart: { kind: "funnel", data: f }, caption: `Funnel plot: ${f.measure.label}, ${period.label}`, alt: `Funnel plot of ${f.points.length} bodies' ${f.measure.label.toLowerCase()} against the number of complaints closed, with 95% and 99.8% limits around the department's figure. ${outside.length} ${outside.length === 1 ? "body is" : "bodies are"} outside the 95% limits.` });
  }

  if (data.trend) {
    blocks.push({ kind: "heading", level: 2, text: `${data.trend.title} over time` });
    const last = data.trend.points.at(-1);
    blocks.push({
      kind: "figure",
      chart: { kind: "xmr", data: data.trend },
      caption: `${data.trend.title}, ${scope.kind === "department" ? scope.departmentName : scope.name}, by quarter, with process limits`,
      alt: `Statistical process control (XmR) chart of ${data.trend.title.toLowerCase()} over ${data.trend.points.length} quarters${last?.value !== null && last?.value !== undefined ? `; the latest, ${last.periodLabel}, is ${formatNumber(measureFigure("proportion", last.value), "decimal1")}%` : ""}.`,
    });
  }

  blocks.push({ kind: "heading", level: 2, text: "Overdue learning actions" });
  const overdue = data.actions.filter((a) => a.overdue && (scope.kind === "department" || a.organisationCode === scope.code));
  blocks.push(
    overdue.length > 0
      ? { kind: "table", tableName: "action_plans", columns: ["organisation", "action", "owner", "due_date", "status"], maxRows: overdue.length, caption: `${overdue.length} overdue ${overdue.length === 1 ? "action" : "actions"}` }
      : { kind: "paragraph", text: "No learning action is overdue." },
  );

  blocks.push({ kind: "heading", level: 2, text: "Returns received" });
  const rows = data.tracker.flatMap((q) => q.rows.filter((x) => scope.kind === "department" || x.organisationCode === scope.code));
  const onTime = rows.filter((x) => x.timeliness === "on time").length;
  const late = rows.filter((x) => x.timeliness === "late" || x.timeliness === "overdue").length;
  blocks.push({
    kind: "paragraph",
    text:
      rows.length === 0
        ? `No return was due yet for ${period.label}.`
        : `${formatNumber(rows.length, "count")} ${rows.length === 1 ? "return was" : "returns were"} due for ${period.label}: ${formatNumber(onTime, "count")} reached the department on time and ${formatNumber(late, "count")} late or ${late === 1 ? "is" : "are"} overdue. The Submission table of the workbook lists each.`,
  });
  return blocks;
}

/** Themes per 100 received by body in the latest quarter, emerging themes marked: the portal's heat map. */
function heatmapOf(data: PackData): HeatmapData | null {
  const t = data.themes;
  const last = t.periods.length - 1;
  if (last < 0) return null;
  // Bodies with nothing to show in the latest quarter (no return yet) would be rows of dashes.
  const bodies = t.bodies.filter((b) => (data.scope.kind === "department" || b.organisationCode === data.scope.code) && b.series.some((s) => s.rates[last] !== null && s.rates[last] !== undefined));
  if (bodies.length === 0) return null;
  return {
    title: `Themes per 100 complaints received, ${t.periods[last]!.periodLabel}`,
    columns: t.themes.map((x) => ({ id: x.id, label: x.label })),
    rows: bodies.map((b) => ({
      id: b.organisationCode,
      label: b.name,
      cells: t.themes.map((x) => {
        const s = b.series.find((y) => y.theme === x.id);
        const v = s?.rates[last] ?? null;
        return { value: v === null ? null : round1(v), emerging: Boolean(s?.emerging) };
      }),
    })),
  };
}
