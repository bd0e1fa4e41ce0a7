import { describe, expect, it } from "vitest";
import { defaultDueDate } from "./working-days.ts";
import {
  formatPeriodCode,
  formatPeriodLabel,
  periodLabelOf,
  parsePeriod,
  parsePeriodCode,
  parsePeriodLabel,
  periodCodeSchema,
  periodContaining,
  periodDates,
  periodsEndingWith,
  previousPeriod,
} from "./periods.ts";

describe("reporting periods", () => {
  it.each([
    ["2025-26 Q1", "Apr to Jun 2025", "2025-04-01", "2025-06-30"],
    ["2025-26 Q2", "Jul to Sep 2025", "2025-07-01", "2025-09-30"],
    ["2025-26 Q3", "Oct to Dec 2025", "2025-10-01", "2025-12-31"],
    ["2025-26 Q4", "Jan to Mar 2026", "2026-01-01", "2026-03-31"],
    ["2023-24 Q4", "Jan to Mar 2024", "2024-01-01", "2024-03-31"],
    ["1999-00 Q2", "Jul to Sep 1999", "1999-07-01", "1999-09-30"],
  ])("%s is %s, %s to %s", (code, label, start, end) => {
    const p = parsePeriodCode(code)!;
    expect(formatPeriodLabel(p)).toBe(label);
    expect(formatPeriodCode(parsePeriodLabel(label)!)).toBe(code);
    expect(periodDates(p)).toEqual({ start, end });
    expect(periodContaining(start)).toEqual(p);
    expect(periodContaining(end)).toEqual(p);
  });

  it.each(["2025-27 Q1", "2025-26 Q5", "2025/26 Q1", "Q1 2025", "Apr to May 2025", "Feb to Apr 2025", ""])("rejects %j", (text) => {
    expect(parsePeriod(text)).toBeNull();
    expect(periodCodeSchema.safeParse(text).success).toBe(false);
  });

  it("normalises either form to the code", () => {
    expect(periodCodeSchema.parse(" Oct to Dec 2025 ")).toBe("2025-26 Q3");
  });

  it("steps across financial years", () => {
    expect(previousPeriod({ startYear: 2025, quarter: 1 })).toEqual({ startYear: 2024, quarter: 4 });
    expect(periodsEndingWith({ startYear: 2025, quarter: 2 }, 3).map(formatPeriodCode)).toEqual(["2024-25 Q4", "2025-26 Q1", "2025-26 Q2"]);
  });
});

describe("due dates: 20 working days after quarter end, in the body's nation", () => {
  // Jan to Mar 2025 ends Monday 31 March 2025. April 2025 has Good Friday (18th) everywhere and
  // Easter Monday (21st) in England, Wales and Northern Ireland but not Scotland (gov.uk/bank-holidays).
  it.each([
    ["england-and-wales", "2025-04-30"],
    ["northern-ireland", "2025-04-30"],
    ["scotland", "2025-04-29"],
  ] as const)("Jan to Mar 2025 in %s is due %s", (region, due) => {
    expect(defaultDueDate({ startYear: 2024, quarter: 4 }, region)).toBe(due);
  });

  // Oct to Dec 2025 ends Wednesday 31 December. January 2026: New Year's Day (1st) everywhere, and
  // 2 January in Scotland only.
  it.each([
    ["england-and-wales", "2026-01-29"],
    ["scotland", "2026-01-30"],
  ] as const)("Oct to Dec 2025 in %s is due %s", (region, due) => {
    expect(defaultDueDate({ startYear: 2025, quarter: 3 }, region)).toBe(due);
  });
});

describe("periodLabelOf", () => {
  it("writes a period code as people read it, and refuses what is not a period", () => {
    expect(periodLabelOf("2026-27 Q2")).toBe("Jul to Sep 2026");
    expect(periodLabelOf("2025-26 Q4")).toBe("Jan to Mar 2026");
    expect(() => periodLabelOf("2026 Q2")).toThrow(RangeError);
  });
});
