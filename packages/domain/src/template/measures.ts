import type { Expression, MeasureDeclaration, Polarity } from "./declaration.ts";
import type { FieldIdV1 } from "./v1.ts";

/**
 * The oversight measures (DESIGN.md section 3), declared over template field ids. Every template
 * version declares these same measures, so returns of different versions pool and compare.
 *
 * Decisions:
 * - "Something went wrong" = upheld + partly upheld over closed (DESIGN.md section 2). It has no
 *   polarity: a body that finds and owns its mistakes is not doing worse (PHSO, "Capturing and
 *   reporting on learning from complaints").
 * - Escalation rate = escalated to closer look ÷ (closed at early resolution + escalated): the
 *   share of complaints leaving early resolution in the quarter that needed a closer look. An
 *   escalated complaint is not closed at early resolution (the flow check counts each complaint
 *   closed once), so this is a true proportion. Lower is better: the model procedure aims to
 *   resolve at the front line.
 * - Complaints per 10,000 interactions has no polarity: more complaints can mean easier complaining.
 * - Learning actions completed on time is left out until action plans exist: no return field
 *   feeds it, so it could only ever be empty.
 */
const fields = (...ids: FieldIdV1[]): Expression => (ids.length === 1 ? { field: ids[0]! } : { sum: ids.map((field) => ({ field })) });

const proportion = (id: string, label: string, numerator: FieldIdV1[], denominator: FieldIdV1[], polarity: Polarity, nouns: MeasureDeclaration["nouns"]): MeasureDeclaration => ({
  id,
  label,
  kind: "proportion",
  polarity,
  numerator: fields(...numerator),
  denominator: fields(...denominator),
  unit: "%",
  nouns,
  decimals: 1,
});

const averageWorkingDays = (stage: "er" | "cl", name: string): MeasureDeclaration => ({
  id: `${stage}_average_working_days`,
  label: `${name}: average working days to close`,
  kind: "mean",
  polarity: "lower-is-better",
  numerator: fields(`${stage}_working_days_total`),
  denominator: fields(`${stage}_closed`),
  unit: "working days",
  nouns: { numerator: "working days", denominator: "complaints" },
  decimals: 1,
});

const wrong = (closed: string) => ({ numerator: "complaints upheld in full or in part", denominator: closed });
const inTime = (closed: string) => ({ numerator: "complaints closed within timescale", denominator: closed });
const positive = (from: string) => ({ numerator: `positive responses ${from}`, denominator: `responses ${from}` });

export const oversightMeasures: readonly MeasureDeclaration[] = [
  proportion("something_went_wrong", "Complaints where something went wrong", ["er_upheld", "er_partly_upheld", "cl_upheld", "cl_partly_upheld"], ["er_closed", "cl_closed"], "none", wrong("complaints closed")),
  proportion("er_something_went_wrong", "Early resolution: something went wrong", ["er_upheld", "er_partly_upheld"], ["er_closed"], "none", wrong("complaints closed at early resolution")),
  proportion("cl_something_went_wrong", "Closer look: something went wrong", ["cl_upheld", "cl_partly_upheld"], ["cl_closed"], "none", wrong("complaints closed after a closer look")),
  proportion("within_timescale", "Complaints closed within timescale", ["er_within_timescale", "cl_within_timescale"], ["er_closed", "cl_closed"], "higher-is-better", inTime("complaints closed")),
  proportion("er_within_timescale", "Early resolution: closed within timescale", ["er_within_timescale"], ["er_closed"], "higher-is-better", inTime("complaints closed at early resolution")),
  proportion("cl_within_timescale", "Closer look: closed within timescale", ["cl_within_timescale"], ["cl_closed"], "higher-is-better", inTime("complaints closed after a closer look")),
  averageWorkingDays("er", "Early resolution"),
  averageWorkingDays("cl", "Closer look"),
  proportion("escalation_rate", "Complaints escalated to a closer look", ["escalated_to_closer_look"], ["er_closed", "escalated_to_closer_look"], "lower-is-better", {
    numerator: "complaints escalated",
    denominator: "complaints leaving early resolution",
  }),
  proportion("ombudsman_upheld", "Ombudsman investigations upheld in full or in part", ["phso_upheld", "phso_partly_upheld"], ["phso_reported"], "lower-is-better", {
    numerator: "investigations upheld in full or in part",
    denominator: "Ombudsman investigations reported",
  }),
  {
    id: "complaints_per_10000",
    label: "Complaints per 10,000 interactions",
    kind: "rate-per-10000",
    polarity: "none",
    numerator: fields("received"),
    denominator: fields("service_volume"),
    unit: "per 10,000",
    nouns: { numerator: "complaints", denominator: "interactions" },
    decimals: 1,
  },
  proportion("complainant_positive_feedback", "People who complained: positive feedback", ["fb_complainant_positive"], ["fb_complainant_responses"], "higher-is-better", positive("from people who complained")),
  proportion("colleague_positive_feedback", "Colleagues complained about: positive feedback", ["fb_colleague_positive"], ["fb_colleague_responses"], "higher-is-better", positive("from colleagues complained about")),
  proportion("handler_positive_feedback", "Complaint handlers: positive feedback", ["fb_handler_positive"], ["fb_handler_responses"], "higher-is-better", positive("from complaint handlers")),
];

/** A measure's value from its summed numerator and denominator: a proportion (0–1), a rate per 10,000, or a mean. */
export function measureValue(measure: Pick<MeasureDeclaration, "kind">, numerator: number, denominator: number): number {
  const ratio = numerator / denominator;
  return measure.kind === "rate-per-10000" ? ratio * 10_000 : ratio;
}

/** What formatting a measure's figure needs from its declaration. */
export type MeasureFormat = Pick<MeasureDeclaration, "kind" | "decimals"> & { readonly unit?: string };

/** The figure a measure's value is given as: a proportion as a percentage, rounded to the measure's decimals (what tables and open data store). */
export function measureFigure(measure: Pick<MeasureDeclaration, "kind" | "decimals">, value: number): number {
  const scale = 10 ** measure.decimals;
  return Math.round((measure.kind === "proportion" ? value * 100 : value) * scale) / scale;
}

export interface MeasureTextOptions {
  /** Write the measure's unit after the figure ("12.3 per 10,000", "4.5 working days"); a percentage always has its "%". */
  readonly unit?: boolean;
  /** Keep the decimals when they are zeros ("8.0"), as tables do (the default); a sentence may drop them ("8"). */
  readonly fixedDecimals?: boolean;
}

// toFixed and a regular expression rather than Intl.NumberFormat: the compare page formats
// 400 bodies × 14 measures × 5 figures, and this is ten times faster, with the same text.
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A number to `decimals` places with thousands separated: 12345.67 → "12,345.7". */
export function formatDecimal(n: number, decimals: number, fixedDecimals = true): string {
  const [whole, fraction = ""] = n.toFixed(decimals).split(".");
  const kept = fixedDecimals ? fraction : fraction.replace(/0+$/, "");
  return kept ? `${grouped(whole!)}.${kept}` : grouped(whole!);
}

/**
 * A measure's value as every output writes it, in the measure's own unit and decimals: 0.4521 →
 * "45.2%", a rate 12.345 → "12.3" (or "12.3 per 10,000" with `unit`), a mean 8 → "8.0" (or
 * "8.0 working days"). The agency's figures worked out from a return, the portal's pages, the charts
 * and every pack format take their text from here.
 */
export function formatMeasure(measure: MeasureFormat, value: number, options: MeasureTextOptions = {}): string {
  // Rounded as tables and open data store the figure (`measureFigure`), so every output shows the same one.
  const text = formatDecimal(measureFigure(measure, value), measure.decimals, options.fixedDecimals ?? true);
  if (measure.kind === "proportion") return `${text}%`;
  return options.unit && measure.unit ? `${text} ${measure.unit}` : text;
}

/**
 * A measure's formatter for its charts (the `ValueFormat` that @complaints/charts takes): values as
 * `formatMeasure` writes them, to `decimals` places instead of the measure's own where a tick label
 * needs other than the measure's (a proportion's axis at 70%, 75%, 80%).
 */
export function measureValueFormat(measure: MeasureFormat): (value: number, decimals?: number) => string {
  return (value, decimals) => formatMeasure(decimals === undefined ? measure : { ...measure, decimals }, value);
}

/** A measure's 95% interval in its own terms, "40.1% to 50.3%", or "" where it has none (means have none). */
export function formatMeasureInterval(measure: MeasureFormat, interval: { lower: number; upper: number } | null): string {
  return interval ? `${formatMeasure(measure, interval.lower)} to ${formatMeasure(measure, interval.upper)}` : "";
}

/** Numerator and denominator in the measure's own nouns: "45 out of 1,000", "1,234 complaints in 2,755,526 interactions", "450 working days over 50 complaints". */
export function formatMeasureCounts(measure: Pick<MeasureDeclaration, "kind" | "nouns">, numerator: number, denominator: number): string {
  const n = formatDecimal(Math.round(numerator), 0);
  const d = formatDecimal(Math.round(denominator), 0);
  if (measure.kind === "proportion") return `${n} out of ${d}`;
  return `${n} ${measure.nouns.numerator} ${measure.kind === "mean" ? "over" : "in"} ${d} ${measure.nouns.denominator}`;
}

/** A signed field of a measure's sum: `sign` is −1 under the right-hand side of a difference. */
export interface MeasureTerm {
  readonly field: string;
  readonly sign: 1 | -1;
}

/**
 * A measure expression as signed fields, so aggregation can add each return's figures without
 * re-walking the expression. Only fields, sums and differences pool as a ratio of sums; a
 * breakdown or constant throws (checkTemplate reports it first).
 */
export function measureTerms(expression: Expression, sign: 1 | -1 = 1): MeasureTerm[] {
  if ("field" in expression) return [{ field: expression.field, sign }];
  if ("sum" in expression) return expression.sum.flatMap((e) => measureTerms(e, sign));
  if ("difference" in expression) return [...measureTerms(expression.difference[0], sign), ...measureTerms(expression.difference[1], sign === 1 ? -1 : 1)];
  throw new RangeError("a measure is built from fields, sums and differences only");
}
