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
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && toIsoDate(new Date(`${s}T00:00:00Z`)) === s, {
    message: "Enter a real date",
  });
export type IsoDate = string;

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
