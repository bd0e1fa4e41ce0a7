import type { FunnelChartData, HeatmapData, XmrChartData } from "@complaints/charts";

/**
 * The one pack model every output is written from (DESIGN.md section 4): a workbook of cover,
 * contents, notes and one table per sheet, plus the narrative a board reads. Writers (ODS, XLSX,
 * PDF, CSV) only lay out what is here; they never compute, round or suppress a figure, so every
 * format shows the same figures.
 *
 * Conventions of the Government Statistical Service guidance "Releasing statistics in
 * spreadsheets" (analysisfunction.civilservice.gov.uk), as the ONS gptables and Cabinet Office
 * aftables packages implement it:
 * - shorthand `[c]` confidential (suppressed by disclosure control), `[x]` not available, `[z]` not
 *   applicable; a cell is never left blank;
 * - `[r]` revised and `[p]` provisional are markers on a number that stays a number (spreadsheets show
 *   them through the cell's number format, "12 [r]", "12 [p]", "12 [r] [p]"; CSV in its `marker`
 *   column, "r", "p" or "r p");
 * - notes are referred to as `[note N]` in titles and column headings and listed on the notes sheet.
 */

/** GSS shorthand written in place of a value. */
export type Shorthand = "c" | "x" | "z";

export const shorthandMeaning: Record<Shorthand | "r" | "p", string> = {
  c: "confidential: a small count suppressed to protect people's identities",
  x: "not available",
  z: "not applicable",
  r: "revised since first published",
  p: "provisional: from a return the department has not yet accepted, so it may change",
};

/**
 * How a numeric column is stored and shown. The value is stored exactly as given (already rounded
 * by the builder where the figure is a rounded one); the format gives the decimal places every
 * writer shows, with thousands separators, the same number in every row of the column (except a
 * measure's figure in a table with one row per measure, shown with the measure's declared decimals).
 * - `count`: whole number (1,234)
 * - `decimal1`: one decimal place (12.3), e.g. average working days, rates per 10,000
 * - `percent1`: a percentage stored as 0–100 with one decimal place, the heading says "(%)"
 * - `pounds`: whole pounds (£1,234 shown as 1,234; the heading says "(£)")
 * - `pence`: pounds and pence (1,234.50)
 * - `year`: a year, no separator (2025)
 */
export type NumberFormat = "count" | "decimal1" | "percent1" | "pounds" | "pence" | "year";

export const decimalPlaces: Record<NumberFormat, number> = { count: 0, decimal1: 1, percent1: 1, pounds: 0, pence: 2, year: 0 };

export type Cell =
  /** `code`: in a `measure` column, the stable id of the measure or template field the row is about (the tidy CSV's `measure_code`). */
  | { kind: "text"; text: string; code?: string }
  /**
   * `unit`: what this figure is in, for the tidy CSV, where it differs from its row's and its column's (a change in percentage points).
   * `decimals`: the decimal places a measure's figure is declared with, where they differ from its
   * column's (a table with one row per measure): every writer shows the figure with these.
   */
  | { kind: "number"; value: number; revised?: boolean; provisional?: boolean; unit?: string; decimals?: number }
  | { kind: "shorthand"; code: Shorthand };

export interface Column {
  /** Stable identifier (snake_case): the CSV's `measure`, and how tests find a column. */
  key: string;
  /** The heading shown, ending with its note references, e.g. "Received [note 2]". Unique in its table. */
  heading: string;
  type: "text" | NumberFormat;
  /**
   * What a text column is, for the tidy CSV: `organisation` (a body's or the department's code),
   * `organisation_name`, `period` (a quarter's code such as "2025-26 Q1"), `label` (describes the
   * row), `unit` (what the row's figures are in: "%", "£", "per 10,000"), or `measure` (what the row
   * measures, where a table has one row per measure; its cells carry the measure's `code`). A numeric
   * column is a measure of its own, or, in a table with a `measure` column, a statistic of the row's.
   */
  role?: "organisation" | "organisation_name" | "period" | "label" | "unit" | "measure";
  /** For a numeric column: which statistic of the measure it holds (the tidy CSV's `statistic`); "value" where not given. */
  statistic?: Statistic;
  /** For a numeric column: what its figures are in where neither the row's unit nor the number format says (a numerator is a "count"). */
  unit?: string;
}

/** What a figure is of its measure: the figure itself, its 95% interval, what it is worked out from, or its side of a comparison with a year earlier. */
export const statistics = ["value", "lower_95", "upper_95", "numerator", "denominator", "this_period", "year_earlier", "change"] as const;
export type Statistic = (typeof statistics)[number];

export interface PackTable {
  /** Unique in the workbook, at most 31 characters, none of [ ] : * ? / \ (Excel's rules). */
  sheetName: string;
  /** A name for the marked-up table: a letter, then letters, digits and underscores (Excel table names). Unique. */
  tableName: string;
  /** Written in A1 of the sheet and as the contents entry, e.g. "Table 2: Headline measures by body, Apr to Jun 2025". */
  title: string;
  /**
   * Sentences written one per row under the title with no blank rows between, before the table
   * (how many tables, notes, what shorthand means, source); the writers add nothing of their own.
   */
  description: string[];
  columns: Column[];
  /** Every row has one cell per column. A table may have no rows; then `empty` says why. */
  rows: Cell[][];
  /** When `rows` is empty: a sentence written as the only description row's follow-up. */
  empty?: string;
  /**
   * Whose returns its figures cover, for the tidy CSV: `all` (everyone who has sent) or `matched` (the
   * bodies and quarters counted both this period and a year earlier); unset where the figures are not
   * part of a comparison between bodies or periods.
   */
  panel?: "all" | "matched";
}

export interface PackNote {
  /** Referred to as `[note N]`. */
  number: number;
  text: string;
  /** Sheet names (or "All tables") the note applies to, for the notes table's second column. */
  appliesTo: string;
}

/** The narrative a board reads (PDF): headings, paragraphs, lists, tables and charts. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  /** A table of the workbook (by `tableName`), optionally only some of its columns (by key) and its first rows. */
  | { kind: "table"; tableName: string; columns?: string[]; maxRows?: number; caption: string }
  | { kind: "figure"; chart: Chart; caption: string; alt: string };

export type Chart = { kind: "xmr"; data: XmrChartData } | { kind: "funnel"; data: FunnelChartData } | { kind: "heatmap"; data: HeatmapData };

export interface PackScope {
  kind: "department" | "body";
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
}

export interface PackPeriod {
  /** "2025-26 Q1" or "2025-26". */
  code: string;
  /** "Apr to Jun 2025" or "Apr 2025 to Mar 2026". */
  label: string;
  /** The quarters covered, as codes. */
  quarters: string[];
}

export interface BoardPack {
  /** The document's title (document properties, PDF title, cover A1). */
  title: string;
  /** BCP 47, always "en-GB". */
  language: string;
  scope: PackScope;
  period: PackPeriod;
  /** When the pack was produced (ISO 8601). */
  produced: string;
  cover: {
    /** What the pack is, in a sentence or two. */
    about: string[];
    source: string;
    contact: string;
    caveats: string[];
  };
  notes: PackNote[];
  tables: PackTable[];
  narrative: Block[];
}

/** A file one of the writers produced. */
export interface PackFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}
