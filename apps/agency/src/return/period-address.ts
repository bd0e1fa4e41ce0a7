import { formatPeriodCode, parsePeriodCode } from "@complaints/domain/browser";

/**
 * A quarter in an address: the period code in lower case with a hyphen, `2026-27 Q2` ↔ `2026-27-q2`
 * (issue 7, "Addresses": people bookmark and share them, so the form is fixed).
 */
export function periodToAddress(periodCode: string): string {
  const period = parsePeriodCode(periodCode);
  if (!period) throw new RangeError(`Not a period code: ${JSON.stringify(periodCode)}`);
  return formatPeriodCode(period).replace(" Q", "-q");
}

/** The period code of an address segment, or null when the segment is not one (a Page not found). */
export function periodFromAddress(segment: string): string | null {
  const m = /^(\d{4}-\d{2})-q([1-4])$/.exec(segment);
  if (!m) return null;
  const period = parsePeriodCode(`${m[1]} Q${m[2]}`);
  return period ? formatPeriodCode(period) : null;
}
