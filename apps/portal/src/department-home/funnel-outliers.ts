import { type QueryOutput } from "@complaints/client";
import { formatMeasure } from "@complaints/domain";

export type Funnel = QueryOutput<"metrics.funnel">;
export type FunnelPoint = Funnel["points"][number];

/** The measures the summary checks for bodies outside the funnel limits. */
export const summaryFunnelMeasures = ["within_timescale", "something_went_wrong"] as const;

/**
 * A body outside the limits, in words: which limits, which side, and whether that is better or
 * worse where the measure has a polarity (colour is never the only signal).
 */
export function outlierText(point: FunnelPoint, measure: Funnel["measure"]): string {
  const { polarity } = measure;
  const limits = point.outside998 ? "outside the 99.8% limits" : "outside the 95% limits";
  const side = point.side === "above" ? "higher" : "lower";
  const judgement =
    polarity === "higher-is-better" ? (point.side === "above" ? ", better than expected" : ", worse than expected") : polarity === "lower-is-better" ? (point.side === "above" ? ", worse than expected" : ", better than expected") : "";
  return `${formatMeasure(measure, point.proportion)}: ${side} than the department, ${limits}${judgement}`;
}

/** Bodies outside the 95% limits (so also those outside 99.8%), those furthest out first. */
export function outliers(funnel: Funnel): FunnelPoint[] {
  return funnel.points.filter((p) => p.outside95).toSorted((a, b) => Number(b.outside998) - Number(a.outside998) || Math.abs(b.zScore ?? 0) - Math.abs(a.zScore ?? 0) || a.name.localeCompare(b.name));
}
