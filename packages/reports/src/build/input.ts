import type { FunnelChartData, XmrChartData } from "@complaints/charts";
import type { MeasureKind } from "@complaints/domain";
import type { PackPeriod, PackScope } from "../model.ts";

/**
 * What a board pack is built from: the API's answers for the period (the same service functions the
 * portal's pages call: `metrics.comparison`, `metrics.rollup`, `metrics.funnel`, `metrics.trend`,
 * `metrics.themes`, `tracker.forPeriod`, `actions.listForDepartment`, `actions.learning`), plus the
 * summed template fields for the figure tables. Declared here with only the fields the pack uses, so
 * the API's answers fit it as they are. Proportions are 0–1, money in pence, as the API gives them.
 */

export interface IntervalIn {
  lower: number;
  upper: number;
}

export interface MeasureCellIn {
  id: string;
  value: number | null;
  numerator: number;
  denominator: number;
  interval95: IntervalIn | null;
}

export interface MeasureInfoIn {
  id: string;
  label: string;
  kind: MeasureKind;
  polarity: "higher-is-better" | "lower-is-better" | "none";
  /** What its figures are in ("%", "working days"), what it counts, and its decimals: what `formatMeasure` needs. */
  unit: string;
  nouns: { numerator: string; denominator: string };
  decimals: number;
}

export interface ComparisonIn {
  measures: readonly MeasureInfoIn[];
  bodies: { expected: number; included: number };
  missing: readonly { organisationCode: string; name: string }[];
  benchmark: { returns: number; provisional: boolean; measures: readonly MeasureCellIn[] };
  rows: readonly {
    organisationCode: string;
    name: string;
    provisional: boolean;
    measures: readonly (MeasureCellIn & { comparison95: string })[];
  }[];
}

/** A roll-up's figures for one period over some bodies' returns. */
export interface RollupFiguresIn {
  bodies: { expected: number; counted: number };
  returns: number;
  provisional: boolean;
  fields: readonly { id: string; value: number | null }[];
  measures: readonly MeasureCellIn[];
}

export interface RollupIn {
  label: string;
  yearEarlier: { label: string };
  /** The page's fields (counts and money; FTE only among the annual report's fields, which packs do not use). */
  fields: readonly { id: string; label: string; type: "count" | "money" | "fte" }[];
  measures: readonly MeasureInfoIn[];
  /** Everyone who has sent so far: shown with its coverage, never with a change. */
  current: RollupFiguresIn;
  /** The period beside a year earlier over the matched panel (the body-quarters counted in both). */
  comparison: {
    panel: {
      expected: number;
      covered: readonly { organisationCode: string; name: string }[];
      partly: readonly { name: string; words: string }[];
      leftOut: readonly { name: string; words: string }[];
      lowCoverage: boolean;
    };
    current: RollupFiguresIn;
    previousYear: RollupFiguresIn;
    changes: {
      /** `percent`: relative change in percent; `points`: the difference in percentage points (proportions only); null where there is none. */
      fields: readonly ChangeIn[];
      measures: readonly (ChangeIn & { intervals: string })[];
    };
  };
}

/** A change from a year earlier, as metrics.rollup gives it. */
export interface ChangeIn {
  id: string;
  direction: string;
  percent: number | null;
  points: number | null;
  words: string;
}

export interface TrackerIn {
  period: string;
  periodLabel: string;
  rows: readonly { organisationCode: string; name: string; statusLabel: string; timeliness: string; dueDate: string; receivedAt: string | null }[];
}

/** A field's value in a figure table: a number (money in pence), or not available. */
export type FigureValue = number | "x";

/** The summed template fields of one part of the return, by body and for the scope. */
export interface FigureTableIn {
  key: string;
  /** "Flow of complaints". */
  title: string;
  /** Sentences about the table (what is summed, how stocks add up over a year). */
  description: readonly string[];
  /** The spreadsheet's sheet name for the table ("Putting_things_right"); from the title where not given. */
  sheet?: string;
  /**
   * The template's fields, with how each adds up over a period's quarters (the template's
   * declaration: a stock is marked, and the pack's note on stocks applies). Money in pence, staff
   * time ("fte") to one decimal place.
   */
  columns: readonly { key: string; label: string; type: "count" | "money" | "fte"; aggregation?: "flow" | "stock" | "level" }[];
  rows: readonly { organisationCode: string; name: string; values: readonly FigureValue[] }[];
}

export interface ThemesIn {
  /** Theme columns (field id, label). */
  themes: readonly { id: string; label: string }[];
  /** The quarters of the series (up to 12, ending with the pack's last quarter). */
  periods: readonly { period: string; periodLabel: string }[];
  bodies: readonly {
    organisationCode: string;
    name: string;
    series: readonly { theme: string; counts: readonly (number | null)[]; received: readonly (number | null)[]; rates: readonly (number | null)[]; emerging: string | null }[];
  }[];
  department: { series: readonly { theme: string; counts: readonly (number | null)[]; rates: readonly (number | null)[]; emerging: string | null }[] };
  emerging: readonly { scope: "body" | "department"; organisationCode: string; name: string; themeLabel: string; periodLabel: string; value: number; reasonText: string }[];
}

/** `metrics.funnel`'s answer: the funnel chart's data without the formatters, which the pack adds from the measure. */
export interface FunnelIn extends Omit<FunnelChartData, "format" | "formatRatio"> {
  measure: MeasureInfoIn;
  excluded: readonly { organisationCode: string; name: string; reason: string }[];
}

export interface ActionIn {
  organisationCode: string;
  organisationName: string;
  action: string;
  kindLabel: string;
  themes: readonly string[];
  owner: string;
  dueDate: string;
  statusLabel: string;
  overdue: boolean;
  completedDate: string | null;
}

export interface LearningIn {
  organisationCode: string;
  organisationName: string;
  summary: string;
  action: string;
  themes: readonly { label: string }[];
  statusLabel: string;
  date: string;
}

export interface EqualityIn {
  /** "Age", "Sex"… */
  characteristic: string;
  categories: readonly { label: string; count: number }[];
  /** Returns that gave the breakdown. */
  returns: number;
}

/**
 * A special payment over £300,000 as a return lists it (template v2), or a template v1 return's
 * count of them, which has no amounts (`count` > 1 possible, `amount` null).
 */
export interface SpecialPaymentIn {
  organisationCode: string;
  name: string;
  period: string;
  /** Pence; null for a v1 count. */
  amount: number | null;
  /** 1 for a listed payment; a v1 return's count otherwise. */
  count: number;
  datePaid: string | null;
  description: string;
}

export interface PackData {
  scope: PackScope;
  period: PackPeriod;
  produced: string;
  /** Who to contact about the pack (configuration). */
  contact: string;
  comparison: ComparisonIn;
  rollup: RollupIn;
  tracker: readonly TrackerIn[];
  figures: readonly FigureTableIn[];
  themes: ThemesIn;
  funnel: FunnelIn | null;
  /** The scope's pooled series of one measure with its XmR chart. */
  trend: (Omit<XmrChartData, "format"> & { measure: MeasureInfoIn }) | null;
  actions: readonly ActionIn[];
  learning: readonly LearningIn[];
  equality: readonly EqualityIn[];
  specialPayments: readonly SpecialPaymentIn[];
  /**
   * Counted returns whose figures differ from those the department first accepted (a correction after
   * acceptance: a later revision), with the fields that changed: those figures are marked [r].
   */
  revisions: readonly { organisationCode: string; period: string; fields: readonly string[] }[];
  /** Organisations with a counted return the department has not accepted yet: their figures are marked [p]. */
  provisional: readonly string[];
  /** Warnings about the period itself (a year not over yet), for the cover and the narrative. */
  caveats: readonly string[];
}
