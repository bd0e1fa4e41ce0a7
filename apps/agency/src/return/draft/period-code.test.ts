import { describe, expect, it } from "vitest";
import { apiPeriodCode } from "./period-code.ts";

describe("apiPeriodCode", () => {
  it.each([
    ["2026-27-q2", "2026-27 Q2"],
    ["2026-27 Q2", "2026-27 Q2"],
    ["2026-27-Q4", "2026-27 Q4"],
    ["Apr to Jun 2026", "Apr to Jun 2026"],
  ])("%s → %s", (text, expected) => {
    expect(apiPeriodCode(text)).toBe(expected);
  });
});
