/** A published cell: a rounded count, or `[c]` (suppressed, GSS shorthand for confidential). */
export type DisclosedValue = number | "[c]";

export interface DisclosedGroup {
  /** The cells in input order. */
  readonly cells: readonly DisclosedValue[];
  /** The group total, rounded from the true total (or `[c]` when it is itself a small count). */
  readonly total: DisclosedValue;
  /**
   * Each cell as a percentage of the published total, computed from the rounded figures;
   * `[c]` for a suppressed cell, `[z]` (not applicable) when the total is 0.
   */
  readonly percentages: readonly (number | "[c]" | "[z]")[];
  /** Indices suppressed because they are small (primary) or to protect another cell (secondary). */
  readonly primary: readonly number[];
  readonly secondary: readonly number[];
}

export interface DisclosureOptions {
  /** Counts from 1 up to (not including) this are suppressed; 0 is published as 0. Default 8 (1–7 suppressed). */
  readonly suppressBelow?: number;
  /** Other counts and the total are rounded to the nearest multiple of this. Default 5. */
  readonly roundTo?: number;
}

/**
 * Statistical disclosure control for one breakdown (for example complainants by a protected
 * characteristic), applied at the output boundary only, never to stored data (DESIGN.md section 3).
 *
 * 1. Primary suppression: counts of 1 to `suppressBelow` − 1 become `[c]`; zeros stay 0.
 * 2. Secondary suppression: when exactly one cell is suppressed and the total is published, the
 *    total minus the other cells would give it away, so the smallest other non-zero cell is
 *    suppressed too (ONS/GSS "Disclosure control guidance for tables": at least two suppressed
 *    cells in any line with a total).
 * 3. The other cells and the total are rounded to the nearest `roundTo` (half up); the total is
 *    rounded from the true total, and a total that is itself a small count is `[c]`.
 * 4. Percentages are derived from the rounded figures, so they agree with what is published.
 */
export function disclosureControl(counts: readonly number[], options: DisclosureOptions = {}): DisclosedGroup {
  const suppressBelow = options.suppressBelow ?? 8;
  const roundTo = options.roundTo ?? 5;
  if (!(roundTo > 0)) throw new RangeError(`roundTo must be positive; got ${roundTo}`);
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`counts must be finite numbers ≥ 0; got ${c}`);
  }
  const isSmall = (v: number) => v > 0 && v < suppressBelow;
  const round = (v: number) => Math.round(v / roundTo) * roundTo;

  const primary = counts.flatMap((c, i) => (isSmall(c) ? [i] : []));
  const trueTotal = counts.reduce((a, b) => a + b, 0);
  const totalSuppressed = isSmall(trueTotal);
  const secondary: number[] = [];
  if (primary.length === 1 && !totalSuppressed) {
    // Smallest other non-zero cell (the first one on ties). One always exists: the total is ≥
    // suppressBelow and the suppressed cell is below it.
    let pick = -1;
    counts.forEach((c, i) => {
      if (i !== primary[0] && c > 0 && (pick < 0 || c < counts[pick]!)) pick = i;
    });
    if (pick >= 0) secondary.push(pick);
  }
  const suppressed = new Set([...primary, ...secondary]);
  const cells: DisclosedValue[] = counts.map((c, i) => (suppressed.has(i) ? "[c]" : round(c)));
  const total: DisclosedValue = totalSuppressed ? "[c]" : round(trueTotal);
  const percentages = cells.map((cell): number | "[c]" | "[z]" => {
    if (cell === "[c]" || total === "[c]") return "[c]";
    if (total === 0) return "[z]";
    return (cell / total) * 100;
  });
  return { cells, total, percentages, primary, secondary };
}
