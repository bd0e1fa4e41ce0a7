import { oversightMeasures, periodChoiceToAddress, type MeasureDeclaration, type PeriodChoice } from "@complaints/domain/browser";

/** The measures a funnel plot can show: proportions only (a funnel compares a share across bodies of different sizes). */
export const funnelMeasures: readonly MeasureDeclaration[] = oversightMeasures.filter((m) => m.kind === "proportion");

/** What a measure's denominator counts, in words, for the funnel's size axis and the list of bodies. */
const denominators: Record<string, string> = {
  something_went_wrong: "complaints closed",
  within_timescale: "complaints closed",
  er_something_went_wrong: "complaints closed at early resolution",
  er_within_timescale: "complaints closed at early resolution",
  cl_something_went_wrong: "complaints closed after a closer look",
  cl_within_timescale: "complaints closed after a closer look",
  escalation_rate: "complaints leaving early resolution",
  ombudsman_upheld: "Ombudsman investigations reported",
  complainant_positive_feedback: "responses from people who complained",
  colleague_positive_feedback: "responses from colleagues complained about",
  handler_positive_feedback: "responses from complaint handlers",
};

export function denominatorWords(measureId: string): string {
  return denominators[measureId] ?? "number counted";
}

/** The funnel page's address: `?adjusted=yes` for the over-dispersion adjustment, `scale=log` for a logarithmic size axis. */
export function funnelAddress(dept: string, choice: PeriodChoice, measure: string, view: { adjusted: boolean; log: boolean }): string {
  const query = new URLSearchParams();
  if (view.adjusted) query.set("adjusted", "yes");
  if (view.log) query.set("scale", "log");
  const search = query.toString();
  return `/portal/${dept}/funnel/${periodChoiceToAddress(choice)}/${measure}${search ? `?${search}` : ""}`;
}
