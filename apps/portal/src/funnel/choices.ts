import { oversightMeasures, periodChoiceToAddress, type MeasureDeclaration, type PeriodChoice } from "@complaints/domain";

/** The measures a funnel plot can show: proportions only (a funnel compares a share across bodies of different sizes). */
export const funnelMeasures: readonly MeasureDeclaration[] = oversightMeasures.filter((m) => m.kind === "proportion");

/** What a measure's denominator counts, in words, for the funnel's size axis and the list of bodies: the measure's declared noun. */
export function denominatorWords(measureId: string): string {
  return oversightMeasures.find((m) => m.id === measureId)?.nouns.denominator ?? "number counted";
}

/** The funnel page's address: `?adjusted=yes` for the over-dispersion adjustment, `scale=log` for a logarithmic size axis. */
export function funnelAddress(dept: string, choice: PeriodChoice, measure: string, view: { adjusted: boolean; log: boolean }): string {
  const query = new URLSearchParams();
  if (view.adjusted) query.set("adjusted", "yes");
  if (view.log) query.set("scale", "log");
  const search = query.toString();
  return `/portal/${dept}/funnel/${periodChoiceToAddress(choice)}/${measure}${search ? `?${search}` : ""}`;
}
