import { formatPeriodCode, formatPeriodLabel, oversightMeasures, periodChoiceToAddress, periodFromIndex, periodIndex, requirePeriod, type MeasureDeclaration, type PeriodChoice } from "@complaints/domain";

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

/** `Jul to Sep 2026`, or `Apr 2025 to Mar 2026` for a financial year (as the API labels it). */
export function choiceLabel(choice: PeriodChoice): string {
  if (choice.kind === "quarter") return formatPeriodLabel(requirePeriod(choice.period));
  const start = Number(choice.financialYear.slice(0, 4));
  return `Apr ${start} to Mar ${start + 1}`;
}

/** The funnel page's address: `?adjusted=yes` for the over-dispersion adjustment, `scale=log` for a logarithmic size axis. */
export function funnelAddress(dept: string, choice: PeriodChoice, measure: string, view: { adjusted: boolean; log: boolean }): string {
  const query = new URLSearchParams();
  if (view.adjusted) query.set("adjusted", "yes");
  if (view.log) query.set("scale", "log");
  const search = query.toString();
  return `/portal/${dept}/funnel/${periodChoiceToAddress(choice)}/${measure}${search ? `?${search}` : ""}`;
}

export interface PeriodOption {
  /** Address segment: `2026-27-q2` or `2025-26`. */
  value: string;
  text: string;
}

/**
 * Periods to choose from: the 8 quarters up to the latest, then the financial years they touch
 * (newest first), and the chosen one if it is older.
 */
export function periodOptions(latestQuarter: string | undefined, chosen: PeriodChoice): PeriodOption[] {
  const options: PeriodOption[] = [];
  if (latestQuarter) {
    const last = periodIndex(requirePeriod(latestQuarter));
    const quarters = Array.from({ length: 8 }, (_, i) => formatPeriodCode(periodFromIndex(last - i)));
    for (const q of quarters) options.push({ value: periodChoiceToAddress({ kind: "quarter", period: q }), text: `${formatPeriodLabel(requirePeriod(q))} (${q})` });
    const years = [...new Set(quarters.map((q) => q.slice(0, 7)))];
    for (const y of years) options.push({ value: y, text: `Financial year ${y} (${choiceLabel({ kind: "year", financialYear: y })})` });
  }
  const current = periodChoiceToAddress(chosen);
  if (!options.some((o) => o.value === current)) {
    options.push({ value: current, text: chosen.kind === "quarter" ? `${choiceLabel(chosen)} (${chosen.period})` : `Financial year ${chosen.financialYear} (${choiceLabel(chosen)})` });
  }
  return options;
}
