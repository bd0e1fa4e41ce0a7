import { z } from "zod";

/** Calendar dates and the UK bank-holiday regions: no holiday data here, so browsers can load it. */

/** The three UK bank-holiday regions. England and Wales share one calendar. */
export const bankHolidayRegions = ["england-and-wales", "scotland", "northern-ireland"] as const;
export const bankHolidayRegionSchema = z.enum(bankHolidayRegions);
export type BankHolidayRegion = z.infer<typeof bankHolidayRegionSchema>;

export const bankHolidayRegionLabels: Record<BankHolidayRegion, string> = {
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

/** ISO 8601 calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine((s) => "day" in parseDate(s), { message: "Enter a real date" });
export type IsoDate = string;

const cumulativeDaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether day, month (1–12) and year name a day of the calendar: 31 February does not. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Day number (days since 1970-01-01) of a real calendar date (month 1–12), or -1 when there is no
 * such date: the case engine's dates, which all fall after 1970, are numbers, so a million cases cost
 * a million additions.
 */
export function dayNumber(year: number, month: number, day: number): number {
  if (!isRealDate(year, month, day)) return -1;
  return daysFromEpoch(year, month, day);
}

function daysFromEpoch(year: number, month: number, day: number): number {
  // Days from 1970 to the start of `year`, counting leap days (valid for the proleptic Gregorian calendar).
  const y = year - 1;
  const daysBeforeYear = 365 * (year - 1970) + (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) - 477;
  return daysBeforeYear + cumulativeDaysBeforeMonth[month - 1]! + (month > 2 && isLeap(year) ? 1 : 0) + day - 1;
}

export function dayFromIso(date: IsoDate): number {
  return dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function isoFromDay(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const zero = 48;
function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - zero;
  return d >= 0 && d <= 9 ? d : -100_000;
}

/** A date read from text: its day number (before 1970, negative), or why it is not one. */
export type DateParse = { day: number } | { problem: "format" | "not-a-date" };

/**
 * A date written `2025-04-01` or `01/04/2025` (UK, day first; `1/4/2025` too), the two forms every
 * file the service reads may use (case files, return spreadsheets and CSV). Read by character codes,
 * without a Date object, because every row of a case file has several.
 */
export function parseDate(text: string): DateParse {
  let year: number;
  let month: number;
  let day: number;
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
    month = digit(text, 5) * 10 + digit(text, 6);
    day = digit(text, 8) * 10 + digit(text, 9);
  } else {
    const parts = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (!parts) return { problem: "format" };
    day = Number(parts[1]);
    month = Number(parts[2]);
    year = Number(parts[3]);
  }
  if (year < 0 || month < 0 || day < 0) return { problem: "format" };
  return isRealDate(year, month, day) ? { day: daysFromEpoch(year, month, day) } : { problem: "not-a-date" };
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = fromIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

const londonDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK calendar date of an instant (Europe/London, so 23:30 UTC in summer is the next day). */
export function ukDateOf(instant: Date | string): IsoDate {
  return londonDate.format(typeof instant === "string" ? new Date(instant) : instant);
}
