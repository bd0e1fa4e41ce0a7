import { formatPeriodCode, parsePeriodCode } from "@complaints/domain/browser";

/**
 * A quarter in an address: the period code in lower case with a hyphen, `2026-27 Q2` ↔ `2026-27-q2`
 * (addresses are part of the design: people bookmark and share them).
 */
export function periodToAddress(code: string): string {
  return code.toLowerCase().replace(" ", "-");
}

/** The period code an address segment names, or null if it names none (`2026-27-q2` → `2026-27 Q2`). */
export function addressToPeriod(segment: string): string | null {
  const m = /^(\d{4}-\d{2})-q([1-4])$/.exec(segment);
  if (!m) return null;
  const period = parsePeriodCode(`${m[1]} Q${m[2]}`);
  return period ? formatPeriodCode(period) : null;
}
