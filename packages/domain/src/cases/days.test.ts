import { describe, expect, it } from "vitest";
import { addDays, dayFromIso, dayNumber, isoFromDay, parseDate } from "../calendar.ts";
import { bankHolidayRegions } from "../calendar.ts";
import { addWorkingDays, workingDaysBetween } from "../working-days.ts";
import { quarterOfDay, workingDayTable } from "./days.ts";
import { periodContaining, periodIndex } from "../periods.ts";

describe("case dates", () => {
  it("numbers days as the Unix epoch does", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2000, 1, 1)).toBe(Date.UTC(2000, 0, 1) / 86_400_000);
    expect(dayNumber(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(dayNumber(2025, 2, 29)).toBe(-1);
    expect(dayNumber(2100, 3, 1)).toBe(Date.UTC(2100, 2, 1) / 86_400_000);
    for (let d = dayFromIso("1999-12-01"); d < dayFromIso("2030-01-01"); d += 13) expect(dayFromIso(isoFromDay(d))).toBe(d);
  });

  it("reads ISO and UK day-first dates, and nothing else", () => {
    expect(parseDate("2025-04-01")).toEqual({ day: dayFromIso("2025-04-01") });
    expect(parseDate("01/04/2025")).toEqual({ day: dayFromIso("2025-04-01") });
    expect(parseDate("1/4/2025")).toEqual({ day: dayFromIso("2025-04-01") });
    expect(parseDate("31/04/2025")).toEqual({ problem: "not-a-date" });
    expect(parseDate("2025-13-01")).toEqual({ problem: "not-a-date" });
    for (const text of ["2025/04/01", "04-01-2025", "1 April 2025", "2025-4-1", "20250401", "2025-04-0x", "01/04/25"]) expect(parseDate(text), text).toEqual({ problem: "format" });
  });

  it("gives each day's quarter as periodContaining does", () => {
    for (let d = dayFromIso("2023-12-25"); d < dayFromIso("2027-01-10"); d += 1) expect(quarterOfDay(d)).toBe(periodIndex(periodContaining(isoFromDay(d))));
  });
});

describe("working days by table", () => {
  it.each(bankHolidayRegions)("agrees with the day-by-day count in %s", (region) => {
    const table = workingDayTable(region);
    for (let from = "2024-11-20"; from < "2027-02-01"; from = addDays(from, 3)) {
      const start = dayFromIso(from);
      for (const span of [0, 1, 4, 9, 30, 75]) {
        const to = addDays(from, span);
        expect(table.between(start, dayFromIso(to)), `${from} to ${to}`).toBe(workingDaysBetween(from, to, region));
      }
      for (const n of [1, 5, 20]) expect(isoFromDay(table.add(start, n)), `${n} after ${from}`).toBe(addWorkingDays(from, n, region));
    }
  });
});
