import type { Expression, MeasureDeclaration, Polarity } from "./declaration.ts";

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
const fields = (...ids: string[]): Expression => (ids.length === 1 ? { field: ids[0]! } : { sum: ids.map((field) => ({ field })) });

const proportion = (id: string, label: string, numerator: string[], denominator: string[], polarity: Polarity): MeasureDeclaration => ({
  id,
  label,
  kind: "proportion",
  polarity,
  numerator: fields(...numerator),
  denominator: fields(...denominator),
});

export const oversightMeasures: readonly MeasureDeclaration[] = [
  proportion("something_went_wrong", "Complaints where something went wrong", ["er_upheld", "er_partly_upheld", "cl_upheld", "cl_partly_upheld"], ["er_closed", "cl_closed"], "none"),
  proportion("er_something_went_wrong", "Early resolution: something went wrong", ["er_upheld", "er_partly_upheld"], ["er_closed"], "none"),
  proportion("cl_something_went_wrong", "Closer look: something went wrong", ["cl_upheld", "cl_partly_upheld"], ["cl_closed"], "none"),
  proportion("within_timescale", "Complaints closed within timescale", ["er_within_timescale", "cl_within_timescale"], ["er_closed", "cl_closed"], "higher-is-better"),
  proportion("er_within_timescale", "Early resolution: closed within timescale", ["er_within_timescale"], ["er_closed"], "higher-is-better"),
  proportion("cl_within_timescale", "Closer look: closed within timescale", ["cl_within_timescale"], ["cl_closed"], "higher-is-better"),
  { id: "er_average_working_days", label: "Early resolution: average working days to close", kind: "mean", polarity: "lower-is-better", numerator: fields("er_working_days_total"), denominator: fields("er_closed") },
  { id: "cl_average_working_days", label: "Closer look: average working days to close", kind: "mean", polarity: "lower-is-better", numerator: fields("cl_working_days_total"), denominator: fields("cl_closed") },
  proportion("escalation_rate", "Complaints escalated to a closer look", ["escalated_to_closer_look"], ["er_closed", "escalated_to_closer_look"], "lower-is-better"),
  proportion("ombudsman_upheld", "Ombudsman investigations upheld in full or in part", ["phso_upheld", "phso_partly_upheld"], ["phso_reported"], "lower-is-better"),
  { id: "complaints_per_10000", label: "Complaints per 10,000 interactions", kind: "rate-per-10000", polarity: "none", numerator: fields("received"), denominator: fields("service_volume") },
  proportion("complainant_positive_feedback", "People who complained: positive feedback", ["fb_complainant_positive"], ["fb_complainant_responses"], "higher-is-better"),
  proportion("colleague_positive_feedback", "Colleagues complained about: positive feedback", ["fb_colleague_positive"], ["fb_colleague_responses"], "higher-is-better"),
  proportion("handler_positive_feedback", "Complaint handlers: positive feedback", ["fb_handler_positive"], ["fb_handler_responses"], "higher-is-better"),
];

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
