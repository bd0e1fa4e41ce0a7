import { z } from "zod";
import type { IsoDate } from "./calendar.ts";

/**
 * A UK financial quarter: Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar.
 * Written `2025-26 Q1` in data and `Apr to Jun 2025` to people (GSS style).
 */
export interface ReportingPeriod {
  /** Calendar year in which the financial year starts (2025 for 2025-26). */
  readonly startYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const codePattern = /^(\d{4})-(\d{2}) Q([1-4])$/;
const labelPattern = /^([A-Z][a-z]{2}) to ([A-Z][a-z]{2}) (\d{4})$/;

/** Parses `2025-26 Q1`. Returns null for anything else (including a mismatched `2025-27`). */
export function parsePeriodCode(code: string): ReportingPeriod | null {
  const m = codePattern.exec(code.trim());
  if (!m) return null;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return null;
  return { startYear, quarter: Number(m[3]) as ReportingPeriod["quarter"] };
}

/** Parses `Apr to Jun 2025` (the year is the calendar year of the quarter's months). */
export function parsePeriodLabel(label: string): ReportingPeriod | null {
  const m = labelPattern.exec(label.trim());
  if (!m) return null;
  const startMonth = monthNames.indexOf(m[1]!);
  const endMonth = monthNames.indexOf(m[2]!);
  const year = Number(m[3]);
  const quarterByStartMonth: Record<number, ReportingPeriod["quarter"]> = { 3: 1, 6: 2, 9: 3, 0: 4 };
  const quarter = quarterByStartMonth[startMonth];
  if (quarter === undefined || endMonth !== startMonth + 2) return null;
  return { startYear: quarter === 4 ? year - 1 : year, quarter };
}

/** Either form; null if neither. */
export function parsePeriod(text: string): ReportingPeriod | null {
  return parsePeriodCode(text) ?? parsePeriodLabel(text);
}

export function formatPeriodCode(p: ReportingPeriod): string {
  return `${financialYearCode(p.startYear)} Q${p.quarter}`;
}

export function formatPeriodLabel(p: ReportingPeriod): string {
  const startMonth = (p.quarter * 3) % 12; // Q1 → 3 (Apr), Q4 → 0 (Jan)
  const year = p.quarter === 4 ? p.startYear + 1 : p.startYear;
  return `${monthNames[startMonth]} to ${monthNames[startMonth + 2]} ${year}`;
}

/** `2025-26` for a financial year starting in 2025. */
export function financialYearCode(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** First and last calendar day of the quarter. */
export function periodDates(p: ReportingPeriod): { start: IsoDate; end: IsoDate } {
  const startMonth = (p.quarter * 3) % 12;
  const year = p.quarter === 4 ? p.startYear + 1 : p.startYear;
  const start = new Date(Date.UTC(year, startMonth, 1));
  const end = new Date(Date.UTC(year, startMonth + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Default reporting deadline: 20 working days after the quarter ends, in the body's nation. */
export const defaultDueWorkingDays = 20;


export function previousPeriod(p: ReportingPeriod): ReportingPeriod {
  return p.quarter === 1
    ? { startYear: p.startYear - 1, quarter: 4 }
    : { startYear: p.startYear, quarter: (p.quarter - 1) as ReportingPeriod["quarter"] };
}

/** Sequential index of a quarter, for ordering and distances. */
export function periodIndex(p: ReportingPeriod): number {
  return p.startYear * 4 + (p.quarter - 1);
}

export function periodFromIndex(index: number): ReportingPeriod {
  return { startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as ReportingPeriod["quarter"] };
}

/** `count` consecutive periods ending with `last`, oldest first. */
export function periodsEndingWith(last: ReportingPeriod, count: number): ReportingPeriod[] {
  const end = periodIndex(last);
  return Array.from({ length: count }, (_, i) => periodFromIndex(end - count + 1 + i));
}

/** The quarter containing a calendar date. */
export function periodContaining(date: IsoDate): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  if (month < 3) return { startYear: year - 1, quarter: 4 };
  return { startYear: year, quarter: (Math.floor((month - 3) / 3) + 1) as ReportingPeriod["quarter"] };
}

/**
 * The financial years the service takes: 2000-01 to 2099-00. Dates outside them cannot be
 * placed (year 0000 has no ISO date before it, and two-digit year ends repeat after a century).
 */
export const supportedYears = { first: 2000, last: 2099 } as const;
export const unsupportedYearMessage = "Enter a period from April 2000 to March 2100";

/** Whether a financial year starting in `startYear` is one the service takes. */
export function isSupportedYear(startYear: number): boolean {
  return startYear >= supportedYears.first && startYear <= supportedYears.last;
}

/** A period code in an API or file, validated and normalised to `2025-26 Q1`. */
export const periodCodeSchema = z
  .string()
  .trim()
  .refine((s) => parsePeriod(s) !== null, {
    message: "Enter a period as a financial year and quarter, like 2025-26 Q1, or as months, like Apr to Jun 2025",
    abort: true,
  })
  .refine((s) => isSupportedYear(parsePeriod(s)!.startYear), { message: unsupportedYearMessage })
  .transform((s) => formatPeriodCode(parsePeriod(s)!));

export function requirePeriod(code: string): ReportingPeriod {
  const p = parsePeriod(code);
  if (!p) throw new RangeError(`Not a reporting period: ${JSON.stringify(code)}`);
  return p;
}

/** "2026-27 Q2" (or "Jul to Sep 2026") → "Jul to Sep 2026", as people read a period. */
export function periodLabelOf(code: string): string {
  return formatPeriodLabel(requirePeriod(code));
}
