import { dayNumber, daysInMonth, isoFromDay, type BankHolidayRegion } from "../calendar.ts";
import { bankHolidays } from "../working-days.ts";

/**
 * Working-day arithmetic on day numbers (calendar.ts: days since 1970-01-01) by table lookup, so a
 * million cases cost a million additions rather than a million loops over calendar days. The tables
 * are built once per region from the same bank holidays as working-days.ts, and a test checks they
 * agree with it day by day.
 */

/** Case dates must fall in these years; the tables cover them. */
export const firstCaseYear = 2000;
export const lastCaseYear = 2099;

export const firstCaseDay = dayNumber(firstCaseYear, 1, 1);
export const lastCaseDay = dayNumber(lastCaseYear, 12, 31);

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
