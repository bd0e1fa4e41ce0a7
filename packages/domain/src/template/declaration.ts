/**
 * The shapes a return template is declared with. A template is data (DESIGN.md section 2, after
 * ONS eQ's questionnaire schemas): the form, the CSV, the zod schema, validation and the packs are
 * generated from one declaration. Field ids are stable codes, separate from labels.
 */

export type FieldType = "count" | "money" | "fte" | "date" | "text" | "choice";

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface SectionDeclaration {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/**
 * How a figure adds up over the quarters of a period (bodies' figures always add up):
 * - flow: counted during each quarter (complaints received, money paid), summed over quarters;
 * - stock: counted at one moment (complaints open), taken from the quarter at its `position`: the
 *   period's first quarter for one at the start of a quarter, its last for one at the end;
 * - level: a rate of resources (staff time, handlers), not summed over quarters: the period's last quarter's.
 */
export type Aggregation = "flow" | "stock" | "level";

/** Which quarter of a period a stock comes from: open at its start (the first), or at its end (the last). */
export type StockPosition = "first" | "last";

export interface FieldDeclaration<Id extends string = string> {
  readonly id: Id;
  readonly section: string;
  readonly label: string;
  /** The label where space is tight (a column among many): "Referred" for "Referred to the Ombudsman". */
  readonly shortLabel?: string;
  /** Numeric fields: how the figure adds up over a period's quarters. */
  readonly aggregation?: Aggregation;
  /** Stocks: which quarter of a period the figure is taken from. */
  readonly position?: StockPosition;
  readonly hint?: string;
  readonly type: FieldType;
  /** Shown after the input and in column notes: "complaints", "£", "FTE". */
  readonly unit?: string;
  readonly required: boolean;
  readonly choices?: readonly Choice[];
  /** Longest text accepted, for text fields. */
  readonly maxLength?: number;
  /** Compared with the body's own history by the robust outlier check. */
  readonly outlierCheck?: boolean;
  /** Money fields: the smallest change from the history's median, in pence, that can warn (overrides the template's). */
  readonly outlierMinimumDifference?: number;
  /** Set on the cells a breakdown expands into. */
  readonly breakdown?: string;
  /** Pre-filled from this field of last quarter's return as sent to the department (`brought_forward` from `carried_forward`). */
  readonly carriedFrom?: string;
  /** Set on the fields a repeating group expands into: `special_payments.1.amount` has group `special_payments`, item 1. */
  readonly group?: string;
  readonly item?: number;
  /** The theme this field counts (its code in `themeCodes`), for the theme tables and emerging themes. */
  readonly theme?: string;
}

/**
 * A breakdown expands into one count field per category: `received_by_channel.online`. Categories are
 * fixed in the template, or per body ("service-areas"). `totalOf` names the field the cells must add up to.
 */
export interface BreakdownDeclaration {
  readonly id: string;
  readonly section: string;
  readonly label: string;
  readonly hint?: string;
  readonly categories: readonly Choice[] | "service-areas";
  readonly totalOf?: string;
  /** Published only through disclosure control (equality monitoring). */
  readonly disclosureControlled?: boolean;
}

/**
 * A repeating group: up to `maxItems` items, each the same few fields, expanded into stable ids
 * `<group>.<n>.<field>` (n from 1). Used where a list is asked for, not a count (special payments
 * over £300,000, which Managing Public Money annex A4.13 asks to be disclosed individually).
 */
export interface GroupDeclaration {
  readonly id: string;
  readonly section: string;
  /** Names one item: "Special payment" gives "Special payment 1: amount". */
  readonly label: string;
  readonly hint?: string;
  readonly maxItems: number;
  readonly fields: readonly Pick<FieldDeclaration, "id" | "label" | "type" | "unit" | "maxLength" | "hint">[];
}

/** Arithmetic over field values: the one small rule language for checks and derived figures. */
export type Expression =
  | { readonly field: string }
  | { readonly breakdown: string }
  | { readonly sum: readonly Expression[] }
  | { readonly difference: readonly [Expression, Expression] }
  | { readonly constant: number };

export type Comparison = "equal" | "atMost" | "atLeast";

export type Severity = "error" | "warning";

export type RuleDeclaration =
  | {
      readonly id: string;
      readonly kind: "compare";
      readonly severity: Severity;
      readonly left: Expression;
      readonly comparison: Comparison;
      readonly right: Expression;
      /** Key into the message catalogue. */
      readonly message: string;
    }
  | {
      /** A payment total needs a count: `amount` above zero while `count` is zero. */
      readonly id: string;
      readonly kind: "amountNeedsCount";
      readonly severity: Severity;
      readonly amount: string;
      readonly count: string;
      readonly message: string;
    }
  | {
      /** Breakdown cells, when any is given, add up to the breakdown's total field. */
      readonly id: string;
      readonly kind: "breakdownTotal";
      readonly severity: Severity;
      readonly breakdown: string;
      readonly message: string;
    }
  | {
      /** Each item of a repeating group is either complete or blank. */
      readonly id: string;
      readonly kind: "groupItemComplete";
      readonly severity: Severity;
      readonly group: string;
      readonly message: string;
    }
  | {
      /** A field of every given item of a repeating group is above a threshold (in the field's unit: pence for money). */
      readonly id: string;
      readonly kind: "groupItemAbove";
      readonly severity: Severity;
      readonly group: string;
      readonly field: string;
      readonly above: number;
      readonly message: string;
    }
  | {
      /** A date field of every given item of a repeating group falls within the return's quarter (checked when the quarter is known). */
      readonly id: string;
      readonly kind: "groupItemDateInQuarter";
      readonly severity: Severity;
      readonly group: string;
      readonly field: string;
      readonly message: string;
    };

/** Which way is good for a measure; 'none' when neither direction is better. */
export type Polarity = "higher-is-better" | "lower-is-better" | "none";

export type MeasureKind = "proportion" | "rate-per-10000" | "mean";

/**
 * A derived measure: a ratio of two expressions over the return's fields, summed over returns
 * before dividing (DESIGN.md section 3). Numerator and denominator are sums (or differences) of
 * fields, so a pooled ratio is the ratio of pooled sums.
 */
export interface MeasureDeclaration {
  readonly id: string;
  readonly label: string;
  /** How the ratio is taken: a proportion (shown as a percentage), a rate per 10,000, or a mean. */
  readonly kind: MeasureKind;
  readonly polarity: Polarity;
  readonly numerator: Expression;
  readonly denominator: Expression;
  /** What the figures are in, as a table's unit column and the open data say: "%", "per 10,000", "working days". */
  readonly unit: string;
  /** What the numerator and denominator count, in words: "working days" over "complaints closed". */
  readonly nouns: { readonly numerator: string; readonly denominator: string };
  /** Decimal places every output gives the figure to. */
  readonly decimals: number;
}

/**
 * The outputs that show summed fields, each listing its fields in the order it shows them (which
 * need not be form order: a table of the flow ends with the complaints still open).
 * - `rollup`: the department roll-up page and the pack's department totals;
 * - `annual-report`: the further figures the annual report's complaints section needs;
 * - `profile-ombudsman`: the body profile's Ombudsman figures by quarter (short labels);
 * - `pack`: one table of the board pack, by body, named `figures_<key>` on the sheet `sheet`.
 */
export type OutputDeclaration<Id extends string = string> =
  | { readonly kind: "rollup" | "annual-report" | "profile-ombudsman"; readonly fields: readonly Id[] }
  | { readonly kind: "pack"; readonly key: string; readonly title: string; readonly sheet: string; readonly fields: readonly Id[] };

export type OutputKind = OutputDeclaration["kind"];

export interface TemplateDeclaration<Id extends string = string> {
  readonly version: number;
  readonly title: string;
  readonly sections: readonly SectionDeclaration[];
  readonly fields: readonly FieldDeclaration<Id>[];
  /** Which outputs show which summed fields (see `OutputDeclaration`). */
  readonly outputs: readonly OutputDeclaration<Id>[];
  readonly breakdowns: readonly BreakdownDeclaration[];
  readonly groups: readonly GroupDeclaration[];
  readonly rules: readonly RuleDeclaration[];
  /** The oversight measures derived from the fields (the portal, API and packs list these). */
  readonly measures: readonly MeasureDeclaration[];
  /**
   * Fields checked against the body's own last 8 quarters: a robust z-score above the threshold warns
   * when the value is also outside the Poisson interval at `countConfidence` (counts) or at least
   * `minimumDifference` pence from the median (money). See `outlierAgainstHistory`.
   */
  readonly outlier: {
    readonly historyQuarters: number;
    readonly threshold: number;
    readonly minimumHistory: number;
    /** Default 0.998, the outer funnel limit. */
    readonly countConfidence?: number;
    /** Pence; default 100,000 (£1,000). */
    readonly minimumDifference?: number;
  };
}

/** Outlier settings a template may leave out: the outer (99.8%) funnel limit, and £1,000 for money. */
export const defaultOutlierCountConfidence = 0.998;
export const defaultOutlierMinimumDifference = 100_000;

/** Markers distinct from zero (GSS shorthand): not available, not applicable. */
export const markers = ["[x]", "[z]"] as const;
export type Marker = (typeof markers)[number];
export const markerLabels: Record<Marker, string> = {
  "[x]": "not available",
  "[z]": "not applicable",
};

export function isMarker(value: unknown): value is Marker {
  return value === "[x]" || value === "[z]";
}

/** A stored value: a number (pence for money), text, a marker, or blank. */
export type FieldValue = number | string | null;
export type ReturnValues = Readonly<Record<string, FieldValue>>;
