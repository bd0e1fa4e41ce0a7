/**
 * Making Data Count (NHS England) words for variation and assurance, shared by the icons, the
 * chart summaries and the data tables, for the statistics package's XmR results.
 */
import type { Assurance, ImprovementDirection, SpecialCauseRule, Variation } from "@complaints/stats";

/** Which side of the mean special cause variation is on: the H or L on the icon. */
export type VariationSide = "high" | "low";

/** The side of a special cause: from the direction of improvement, or, where no direction is better, from the value against the mean. */
export function variationSide(variation: Variation, improvement: ImprovementDirection | undefined, value: number | null | undefined, mean: number | null | undefined): VariationSide | null {
  if (variation === "common-cause") return null;
  if (variation === "improvement" && improvement && improvement !== "neither") return improvement === "increase" ? "high" : "low";
  if (variation === "concern" && improvement && improvement !== "neither") return improvement === "increase" ? "low" : "high";
  if (value === null || value === undefined || mean === null || mean === undefined) return null;
  return value >= mean ? "high" : "low";
}

const sideWords = (side: VariationSide | null) => (side === "high" ? " (higher values)" : side === "low" ? " (lower values)" : "");

/** The MDC icon's words: "Common cause variation", "Special cause variation: improving (higher values)"… */
export function variationWords(variation: Variation, side: VariationSide | null = null): string {
  switch (variation) {
    case "common-cause":
      return "Common cause variation: no significant change";
    case "improvement":
      return `Special cause variation: improving${sideWords(side)}`;
    case "concern":
      return `Special cause variation: concerning${sideWords(side)}`;
    case "neither":
      return `Special cause variation${sideWords(side)}: neither improving nor concerning`;
  }
}

/** The MDC assurance icon's words. */
export function assuranceWords(assurance: Assurance): string {
  switch (assurance) {
    case "pass":
      return "Assurance: consistently passes the target";
    case "fail":
      return "Assurance: consistently falls short of the target";
    case "hit-and-miss":
      return "Assurance: hit and miss, the target may or may not be met";
  }
}

/** Why one point is special cause, in words (NHSRplotthedots' rules as the statistics package applies them). */
export function specialCauseWords(rule: SpecialCauseRule, value: number | null, mean: number | null): string {
  const above = value !== null && mean !== null && value > mean;
  switch (rule) {
    case "outside-limits":
      return above ? "above the upper process limit" : "below the lower process limit";
    case "run":
      return `in a run of points ${above ? "above" : "below"} the mean`;
    case "trend":
      return "in a trend of points rising or falling";
    case "two-of-three":
      return `two of three points close to the ${above ? "upper" : "lower"} process limit`;
  }
}
