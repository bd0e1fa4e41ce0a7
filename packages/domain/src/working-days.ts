import Holidays from "date-holidays";
import { addDays, fromIsoDate, type BankHolidayRegion, type IsoDate } from "./calendar.ts";
import { defaultDueWorkingDays, periodDates, type ReportingPeriod } from "./periods.ts";

const regionState: Record<BankHolidayRegion, string> = {
  "england-and-wales": "ENG",
  scotland: "SCT",
  "northern-ireland": "NIR",
};

// date-holidays builds its rules per call; cache one calendar per region and one set per year.
const calendars = new Map<BankHolidayRegion, Holidays>();
const holidaySets = new Map<string, Set<string>>();

/** Bank holidays (type "public" in date-holidays' GB data) in a region and calendar year. */
export function bankHolidays(region: BankHolidayRegion, year: number): Set<IsoDate> {
  const key = `${region}:${year}`;
  let set = holidaySets.get(key);
  if (!set) {
    let calendar = calendars.get(region);
    if (!calendar) {
      calendar = new Holidays("GB", regionState[region]);
      calendars.set(region, calendar);
    }
    set = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    holidaySets.set(key, set);
  }
  return set;
}

/** Monday to Friday and not a bank holiday in the region (DESIGN.md definitions: "working days"). */
export function isWorkingDay(date: IsoDate, region: BankHolidayRegion): boolean {
  const d = fromIsoDate(date);
  const day = d.getUTCDay();
  if (day === 0 || day === 6) return false;
  return !bankHolidays(region, d.getUTCFullYear()).has(date);
}

/** The date `n` working days after `date` (n ≥ 1), skipping weekends and the region's bank holidays. */
export function addWorkingDays(date: IsoDate, n: number, region: BankHolidayRegion): IsoDate {
  let current = date;
  let remaining = n;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, region)) remaining -= 1;
  }
  return current;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to`, so a
 * complaint received and closed on the same day took 0 days and one closed the next working day took 1.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, region: BankHolidayRegion): number {
  if (to < from) return -workingDaysBetween(to, from, region);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d, region)) count += 1;
  }
  return count;
}


/** The default due date of a quarter's return: 20 working days after the quarter ends (DESIGN.md section 2). */
export function defaultDueDate(p: ReportingPeriod, region: BankHolidayRegion): IsoDate {
  return addWorkingDays(periodDates(p).end, defaultDueWorkingDays, region);
}
