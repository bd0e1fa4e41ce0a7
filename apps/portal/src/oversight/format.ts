import { formatOneDecimal, formatPercent } from "@complaints/domain";

/** A roll-up measure's value in its own unit: a percentage, a rate per 10,000 or a number of working days. */
export function formatMeasure(kind: string, value: number | null): string {
  if (value === null) return "Not available";
  if (kind === "proportion") return formatPercent(value);
  if (kind === "mean") return `${formatOneDecimal(value)} days`;
  return formatOneDecimal(value);
}
