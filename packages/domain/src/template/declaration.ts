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

export interface FieldDeclaration {
  readonly id: string;
  readonly section: string;
  readonly label: string;
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
    };

export interface TemplateDeclaration {
  readonly version: number;
  readonly title: string;
  readonly sections: readonly SectionDeclaration[];
  readonly fields: readonly FieldDeclaration[];
  readonly breakdowns: readonly BreakdownDeclaration[];
  readonly rules: readonly RuleDeclaration[];
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

/** Outlier settings a template may leave out (issue 6): the outer (99.8%) funnel limit, and £1,000 for money. */
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
