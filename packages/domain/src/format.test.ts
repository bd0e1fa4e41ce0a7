import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime, formatOneDecimal, formatPence, formatPercent, listInWords, plural } from "./format.ts";

describe("dates as GOV.UK writes them", () => {
  it("writes a calendar date in full", () => {
    expect(formatDate("2026-10-28")).toBe("28 October 2026");
    expect(formatDate("2027-01-01")).toBe("1 January 2027");
  });
  it.each([
    ["2026-12-02T14:05:00Z", "2 December 2026 at 2:05pm"],
    // British Summer Time: 23:30 UTC on 27 July is 12:30am on the 28th in London.
    ["2025-07-27T23:30:00Z", "28 July 2025 at 12:30am"],
    ["2026-12-02T12:00:00Z", "2 December 2026 at 12pm"],
  ])("%s is %s", (instant, text) => {
    expect(formatDateTime(instant)).toBe(text);
  });
});

describe("figures as GOV.UK writes them", () => {
  it("leaves something that is not a date as it was, rather than failing", () => {
    expect(formatDate("not a date")).toBe("not a date");
  });
  it("separates thousands and rounds counts to whole numbers", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(12.6)).toBe("13");
  });
  it("writes proportions as percentages to one decimal place", () => {
    expect(formatPercent(0.7243)).toBe("72.4%");
    expect(formatOneDecimal(20)).toBe("20.0");
  });
  it("writes pence as whole pounds", () => {
    expect(formatPence(123_456)).toBe("£1,235");
  });
  it("counts things in words", () => {
    expect(plural(1, "action")).toBe("1 action");
    expect(plural(3, "action")).toBe("3 actions");
    expect(plural(1200, "body", "bodies")).toBe("1,200 bodies");
    expect(listInWords([])).toBe("");
    expect(listInWords(["A"])).toBe("A");
    expect(listInWords(["A", "B", "C"])).toBe("A, B and C");
  });
});
