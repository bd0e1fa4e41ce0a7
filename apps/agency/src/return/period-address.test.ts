import { describe, expect, it } from "vitest";
import { periodFromAddress, periodToAddress } from "./period-address.ts";

describe("a quarter in an address", () => {
  it.each([
    ["2026-27 Q2", "2026-27-q2"],
    ["2025-26 Q1", "2025-26-q1"],
    ["2099-00 Q4", "2099-00-q4"],
  ])("%s is written %s and read back", (code, segment) => {
    expect(periodToAddress(code)).toBe(segment);
    expect(periodFromAddress(segment)).toBe(code);
  });

  it.each(["2026-27 Q2", "2026-27-Q2", "2026-28-q2", "2026-27-q5", "2026-27-q", "q2", "", "2026-27-q2/"])("%j is not a quarter's address", (segment) => {
    expect(periodFromAddress(segment)).toBeNull();
  });

  it("refuses to write something that is not a period code", () => {
    expect(() => periodToAddress("Jul to Sep 2026")).toThrow(RangeError);
  });
});
