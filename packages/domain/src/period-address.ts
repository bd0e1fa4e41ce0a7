import { financialYearCode, formatPeriodCode, parsePeriodCode } from "./periods.ts";

/**
 * A quarter in an address: the period code in lower case with a hyphen, `2026-27 Q2` ↔ `2026-27-q2`
 * (people bookmark and share addresses, so the form is fixed).
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

/** A quarter or a financial year, as the portal's addresses carry it (`{PERIOD}` may be `2025-26`). */
export type PeriodChoice = { kind: "quarter"; period: string } | { kind: "year"; financialYear: string };

/** `2026-27-q2` (a quarter) or `2025-26` (a financial year); null when the segment is neither. */
export function periodChoiceFromAddress(segment: string): PeriodChoice | null {
  const quarter = periodFromAddress(segment);
  if (quarter) return { kind: "quarter", period: quarter };
  const m = /^(\d{4})-(\d{2})$/.exec(segment);
  if (!m || financialYearCode(Number(m[1])) !== segment) return null;
  return { kind: "year", financialYear: segment };
}

/** The address segment of a period choice. */
export function periodChoiceToAddress(choice: PeriodChoice): string {
  return choice.kind === "quarter" ? periodToAddress(choice.period) : choice.financialYear;
}
