import Holidays from "date-holidays";
import { z } from "zod";

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
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && toIsoDate(new Date(`${s}T00:00:00Z`)) === s, {
    message: "Enter a real date",
  });
export type IsoDate = string;

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

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function fromIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = fromIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
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

const londonDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK calendar date of an instant (Europe/London, so 23:30 UTC in summer is the next day). */
export function ukDateOf(instant: Date | string): IsoDate {
  return londonDate.format(typeof instant === "string" ? new Date(instant) : instant);
}
