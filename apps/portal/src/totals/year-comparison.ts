/**
 * A measure against the same period a year earlier, in words (never colour alone): "Similar" when
 * the two 95% intervals overlap, else "Higher" or "Lower", with ": better" or ": worse" where the
 * measure has a polarity (a measure without one, such as complaints per 10,000, is neither).
 */
export function yearComparisonWords(comparison: "similar" | "higher" | "lower" | "not compared" | string, polarity: "higher-is-better" | "lower-is-better" | "none" | string): string {
  if (comparison === "similar") return "Similar";
  if (comparison !== "higher" && comparison !== "lower") return "Not compared";
  const direction = comparison === "higher" ? "Higher" : "Lower";
  if (polarity !== "higher-is-better" && polarity !== "lower-is-better") return direction;
  const better = (comparison === "higher") === (polarity === "higher-is-better");
  return `${direction}: ${better ? "better" : "worse"}`;
}
