import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./back-off.ts";

describe("retryDelayMs", () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [4, 16_000],
    [5, 32_000],
    [6, 60_000],
    [7, 60_000],
    [50, 60_000],
    [0, 2_000],
  ])("after %i failures waits %i ms", (failures, ms) => {
    expect(retryDelayMs(failures)).toBe(ms);
  });
});
