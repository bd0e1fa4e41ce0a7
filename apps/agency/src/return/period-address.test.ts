import { describe, expect, it } from "vitest";
import { addressToPeriod, periodToAddress } from "./period-address.ts";

describe("a quarter in an address", () => {
  it.each([
    ["2026-27 Q2", "2026-27-q2"],
    ["2025-26 Q4", "2025-26-q4"],
  ])("%s is written %s and read back", (code, segment) => {
    expect(periodToAddress(code)).toBe(segment);
    expect(addressToPeriod(segment)).toBe(code);
  });

  it.each(["2026-27 Q2", "2026-27-Q2", "2026-28-q2", "2026-27-q5", "q2", ""])("%j names no quarter", (segment) => {
    expect(addressToPeriod(segment)).toBeNull();
  });
});
