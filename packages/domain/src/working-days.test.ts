import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar.ts";
import { addWorkingDays, bankHolidays, isWorkingDay, workingDaysBetween } from "./working-days.ts";

describe("working days", () => {
  it("knows each nation's bank holidays (gov.uk/bank-holidays, 2025)", () => {
    expect([...bankHolidays("england-and-wales", 2025)].sort()).toEqual([
      "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
    ]);
    expect(bankHolidays("scotland", 2025).has("2025-01-02")).toBe(true);
    expect(bankHolidays("scotland", 2025).has("2025-08-04")).toBe(true);
    expect(bankHolidays("scotland", 2025).has("2025-04-21")).toBe(false);
    expect(bankHolidays("northern-ireland", 2025).has("2025-03-17")).toBe(true);
    expect(bankHolidays("northern-ireland", 2025).has("2025-07-14")).toBe(true);
  });

  it.each([
    ["2025-04-17", "2025-04-17", "england-and-wales", 0],
    ["2025-04-17", "2025-04-22", "england-and-wales", 1], // Good Friday, weekend, Easter Monday
    ["2025-04-17", "2025-04-22", "scotland", 2], // Easter Monday is a working day in Scotland
    ["2025-12-24", "2026-01-05", "england-and-wales", 5],
    ["2025-12-24", "2026-01-05", "scotland", 4],
  ] as const)("%s to %s in %s is %i working days", (from, to, region, days) => {
    expect(workingDaysBetween(from, to, region)).toBe(days);
    expect(workingDaysBetween(to, from, region) + 0).toBe(-days + 0);
  });

  it("adding n working days then counting gives n back", () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2020-01-01", n));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), fc.constantFrom("england-and-wales", "scotland", "northern-ireland" as const), (from, n, region) => {
        const to = addWorkingDays(from, n, region);
        expect(isWorkingDay(to, region)).toBe(true);
        expect(workingDaysBetween(from, to, region)).toBe(n);
      }),
    );
  });
});
