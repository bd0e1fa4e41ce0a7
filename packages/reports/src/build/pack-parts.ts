import { formatDate, measureTerms, oversightMeasures } from "@complaints/domain";
import type { Cell, Column } from "../model.ts";
import type { PackData } from "./input.ts";

/**
 * What the board pack's table builders, narrative and passes share: cells and their marks, the
 * notes and how a table refers to them, and the pack context (pack-tables.ts, board-pack.ts).
 */

export const text = (t: string): Cell => ({ kind: "text", text: t });
/** A `measure` column's cell: the measure's label, carrying its stable id for the tidy CSV. */
export const measureText = (label: string, code: string): Cell => ({ kind: "text", text: label, code });
/** How a figure is marked: [r] revised since first accepted, [p] provisional. */
export interface Marks {
  revised: boolean;
  provisional: boolean;
}
export const unmarked: Marks = { revised: false, provisional: false };
export const num = (value: number, marks: Marks = unmarked, unit?: string): Cell => ({ kind: "number", value, ...(marks.revised ? { revised: true } : {}), ...(marks.provisional ? { provisional: true } : {}), ...(unit ? { unit } : {}) });

/** The template fields a measure is worked out from. */
export const fieldsOfMeasure = new Map(oversightMeasures.map((m) => [m.id, [...measureTerms(m.numerator), ...measureTerms(m.denominator)].map((t) => t.field)]));
export const notAvailable: Cell = { kind: "shorthand", code: "x" };
export const notApplicable: Cell = { kind: "shorthand", code: "z" };
export const suppressed: Cell = { kind: "shorthand", code: "c" };

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A stock's label over a financial year: "Open at the start of the quarter" → "… of the year". */
export function yearLabel(label: string): string {
  return label.replace(/ of the quarter$/, " of the year");
}
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** "2025-08-01" (or an ISO timestamp) → "1 August 2025", as the portal writes dates. */
export function longDate(iso: string): string {
  return formatDate(iso.slice(0, 10));
}

export const comparisonWords: Record<string, string> = {
  better: "Better than the department",
  worse: "Worse than the department",
  higher: "Higher than the department",
  lower: "Lower than the department",
  similar: "Similar to the department",
  "not compared": "Not compared",
};

/** Notes, numbered in this order, referred to as [note N]. */
export const noteTexts = {
  counted:
    "Figures count the returns each body has sent to the department: signed off by its senior accountable officer (approved) or accepted by the department. Figures from returns not yet accepted are provisional and may change.",
  revised:
    "[r] marks a figure that differs from the one the department first accepted: the body corrected its return after acceptance (a later revision). A department figure is marked when any body's figure behind it changed. [p] marks a provisional figure: from a return the department has not yet accepted, so it may change.",
  stocks:
    "Complaints brought forward are those open at the start of the period (from its first quarter's returns); complaints carried forward are those open at its end (from its last quarter's returns). All other counts are summed over the quarters of the period.",
  intervals:
    "95% confidence intervals: Wilson score interval for percentages, Byar's method (exact Poisson below 10 events) for rates per 10,000. Averages have no interval [z].",
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
export type NoteKey = keyof typeof noteTexts;
export const noteOrder = Object.keys(noteTexts) as NoteKey[];
export const noteNumber = (key: NoteKey) => noteOrder.indexOf(key) + 1;
export const ref = (key: NoteKey) => `[note ${noteNumber(key)}]`;

export const shorthandLead = "Shorthand used in this table:";
export const shorthandSentence = (codes: readonly string[]) => {
  const meaning: Record<string, string> = { c: "[c] suppressed to protect confidentiality", x: "[x] not available", z: "[z] not applicable", r: "[r] revised", p: "[p] provisional" };
  return `${shorthandLead} ${codes.map((c) => meaning[c]).join(", ")}. No cell is left blank.`;
};

/** The table's description rows, GSS style: what the sheet holds, its notes, its shorthand, the source. */
export function describe(about: string | null, notes: readonly NoteKey[]): string[] {
  return [
    "This worksheet contains one table.",
    ...(about ? [about] : []),
    ...(notes.length > 0 ? [`Notes that apply: ${notes.map(ref).join(", ")}; they are on the Notes worksheet.`] : []),
    // Replaced by the codes the table's cells use once its rows are made (see "shorthand sentence" below).
    shorthandLead,
    "Source: quarterly complaints returns sent by each body to its department (Complaints oversight).",
  ];
}

export function orgColumns(): Column[] {
  return [
    { key: "organisation_code", heading: "Organisation code", type: "text", role: "organisation" },
    { key: "organisation", heading: "Organisation", type: "text", role: "organisation_name" },
  ];
}

/** The rows in a pack about a body: its own row (and the department's, as the benchmark) for a body pack. */
export function inScope(data: PackData, code: string): boolean {
  return data.scope.kind === "department" || code === data.scope.code || code === data.scope.departmentCode;
}

/** What every table builder reads: the pack's data, and the marks of its figures. */
export interface PackContext {
  readonly data: PackData;
  /** The marks of a figure of `code` worked out from these template fields. */
  readonly marksOf: (code: string, fields: readonly string[] | ((field: string) => boolean)) => Marks;
  /** The marks of a measure's figure of `code`: those of the fields it is worked out from. */
  readonly measureMarks: (code: string, id: string) => Marks;
  readonly departmentRowName: string;
}

/**
 * The marks of each figure (DESIGN.md, GSS shorthand): [r] where a correction after acceptance changed
 * a field it is worked out from (for the department, any of its bodies' corrections), [p] where a return
 * behind it is not yet accepted.
 */
export function packContext(data: PackData): PackContext {
  const { scope } = data;
  // Which figures a correction changed, by organisation (the department: any of its bodies).
  const changedAt = new Map<string, Set<string>>([[scope.departmentCode, new Set()]]);
  for (const rev of data.revisions) {
    for (const code of [rev.organisationCode, scope.departmentCode]) {
      const set = changedAt.get(code) ?? new Set<string>();
      for (const f of rev.fields) set.add(f);
      changedAt.set(code, set);
    }
  }
  const provisionalCodes = new Set(data.provisional);
  const marksOf = (code: string, fields: readonly string[] | ((field: string) => boolean)): Marks => {
    const changed = changedAt.get(code);
    const test = typeof fields === "function" ? fields : (f: string) => fields.includes(f);
    return {
      revised: changed !== undefined && [...changed].some(test),
      provisional: code === scope.departmentCode ? provisionalCodes.size > 0 : provisionalCodes.has(code),
    };
  };
  return { data, marksOf, measureMarks: (code, id) => marksOf(code, fieldsOfMeasure.get(id) ?? []), departmentRowName: `${scope.departmentName} (all bodies)` };
}
