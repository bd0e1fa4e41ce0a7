import type { ComparisonKey } from "./comparison-words.ts";

/**
 * A shape for each comparison, beside its words (never colour alone): a triangle pointing up or
 * down, "=" for similar, a dash for not compared. Drawn with CSS borders (compare.css), which stay
 * visible in forced-colours mode and cost far less than an SVG in each of 400 × 14 cells. Hidden
 * from screen readers, which read the words.
 */
export function ComparisonIcon({ comparison }: { comparison: ComparisonKey }) {
  const shape = comparison.startsWith("higher") ? "up" : comparison.startsWith("lower") ? "down" : comparison === "similar" ? "same" : "none";
  return <span className={`app-comparison__icon app-comparison__icon--${shape}`} aria-hidden="true" />;
}
