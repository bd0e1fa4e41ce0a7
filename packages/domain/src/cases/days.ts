import type { BankHolidayRegion, IsoDate } from "../calendar.ts";
import { bankHolidays } from "../working-days.ts";

/**
 * Dates as day numbers (days since 1970-01-01) and working-day arithmetic by table lookup, so a
 * million cases cost a million additions rather than a million loops over calendar days. The tables
 * are built once per region from the same bank holidays as working-days.ts, and a test checks they
 * agree with it day by day.
 */

/** Case dates must fall in these years; the tables cover them. */
export const firstCaseYear = 2000;
export const lastCaseYear = 2099;

const cumulativeDaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a real calendar date (month 1–12), or -1 when there is no such date. */
export function dayNumber(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  // Days from 1970 to the start of `year`, counting leap days (valid for the proleptic Gregorian calendar).
  const y = year - 1;
  const daysBeforeYear = 365 * (year - 1970) + (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) - 477;
  return daysBeforeYear + cumulativeDaysBeforeMonth[month - 1]! + (month > 2 && isLeap(year) ? 1 : 0) + day - 1;
}

export const firstCaseDay = dayNumber(firstCaseYear, 1, 1);
export const lastCaseDay = dayNumber(lastCaseYear, 12, 31);

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

export type DateParse = { day: number } | { problem: "format" | "not-a-date" };

/**
 * A date written `2025-04-01` or `01/04/2025` (UK, day first; `1/4/2025` too). Read by character codes,
 * without a Date object, because every row has several.
 */
export function parseCaseDate(text: string): DateParse {
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
  const n = dayNumber(year, month, day);
  return n < 0 ? { problem: "not-a-date" } : { day: n };
}

/** Working-day arithmetic for one region over firstCaseYear–lastCaseYear. */
export interface WorkingDayTable {
  /** Working days after `from` up to and including `to` (as workingDaysBetween; negative when `to` is earlier). */
  between(from: number, to: number): number;
  /** The day `n` (≥ 1) working days after `from` (as addWorkingDays). */
  add(from: number, n: number): number;
}

const tables = new Map<BankHolidayRegion, WorkingDayTable>();

export function workingDayTable(region: BankHolidayRegion): WorkingDayTable {
  let table = tables.get(region);
  if (table) return table;
  const length = lastCaseDay - firstCaseDay + 1 + 400; // room past the last year for deadlines
  // counted[i]: working days among days firstCaseDay .. firstCaseDay + i.
  const counted = new Int32Array(length);
  const working: number[] = [];
  let holidays = new Set<string>();
  let holidayYear = -1;
  let total = 0;
  for (let i = 0; i < length; i++) {
    const day = firstCaseDay + i;
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
    if (weekday !== 0 && weekday !== 6) {
      const iso = isoFromDay(day);
      const year = Number(iso.slice(0, 4));
      if (year !== holidayYear) {
        holidays = bankHolidays(region, year);
        holidayYear = year;
      }
      if (!holidays.has(iso)) {
        total += 1;
        working.push(day);
      }
    }
    counted[i] = total;
  }
  const workingDays = Int32Array.from(working);
  table = {
    between: (from, to) => counted[to - firstCaseDay]! - counted[from - firstCaseDay]!,
    add: (from, n) => workingDays[counted[from - firstCaseDay]! + n - 1]!,
  };
  tables.set(region, table);
  return table;
}

/** Sequential quarter index (as periodIndex) of each day, by lookup. */
let quarterTable: Int32Array | null = null;
export function quarterOfDay(day: number): number {
  if (!quarterTable) {
    quarterTable = new Int32Array(lastCaseDay - firstCaseDay + 1);
    for (let year = firstCaseYear; year <= lastCaseYear; year++) {
      for (let month = 1; month <= 12; month++) {
        const startYear = month < 4 ? year - 1 : year;
        const quarter = month < 4 ? 4 : Math.floor((month - 4) / 3) + 1;
        const index = startYear * 4 + quarter - 1;
        const first = dayNumber(year, month, 1) - firstCaseDay;
        quarterTable.fill(index, first, first + daysInMonth(year, month));
      }
    }
  }
  return quarterTable[day - firstCaseDay]!;
}
