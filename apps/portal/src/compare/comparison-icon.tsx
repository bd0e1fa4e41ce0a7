import type { ComparisonKey } from "./comparison-words.ts";

/**
 * A shape for each comparison, beside its words (never colour alone): an arrow up or down, "="
 * for similar, a dash for not compared. Hidden from screen readers, which read the words.
 */
export function ComparisonIcon({ comparison }: { comparison: ComparisonKey }) {
  const shape = comparison.startsWith("higher") ? (
    <path d="M8 2 L14 13 H2 Z" />
  ) : comparison.startsWith("lower") ? (
    <path d="M8 14 L2 3 H14 Z" />
  ) : comparison === "similar" ? (
    <path d="M2 4 H14 V7 H2 Z M2 9 H14 V12 H2 Z" />
  ) : (
    <path d="M3 7 H13 V9 H3 Z" />
  );
  return (
    <svg className="app-comparison__icon" width="16" height="16" viewBox="0 0 16 16" focusable="false" aria-hidden="true" fill="currentColor">
      {shape}
    </svg>
  );
}
