import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates.ts";

describe("dates as GOV.UK writes them", () => {
  it("writes a calendar date in full", () => {
    expect(formatDate("2026-10-28")).toBe("28 October 2026");
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
