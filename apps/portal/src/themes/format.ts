import { formatCount as count, formatOneDecimal } from "@complaints/domain";

/** Numbers in the themes and profile tables, where a quarter without a return leaves a gap: an en dash. */

/** A count: `1,400`; a gap is an en dash. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : count(n);
}

/** A rate per 100 complaints received: `20.0`. */
export function formatRate(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "–" : formatOneDecimal(n);
}
