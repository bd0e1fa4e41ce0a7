import { describe, expect, it } from "vitest";
import { periodChoiceFromAddress, periodChoiceToAddress, periodFromAddress, periodToAddress } from "./period-address.ts";

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

describe("a quarter or a financial year in an address", () => {
  it.each([
    ["2026-27-q2", { kind: "quarter", period: "2026-27 Q2" }],
    ["2025-26", { kind: "year", financialYear: "2025-26" }],
    ["2099-00", { kind: "year", financialYear: "2099-00" }],
  ] as const)("%s is %j and written back the same", (segment, choice) => {
    expect(periodChoiceFromAddress(segment)).toEqual(choice);
    expect(periodChoiceToAddress(choice)).toBe(segment);
  });

  it.each(["2025-27", "2025", "2025-26-q", "2025-26 Q1", "FY2025-26", ""])("%j is neither", (segment) => {
    expect(periodChoiceFromAddress(segment)).toBeNull();
  });
});
