import { describe, expect, it } from "vitest";
import { formatRetryIn, formatSavedTime } from "./saved-time.ts";

describe("formatSavedTime", () => {
  it.each([
    ["2026-12-02T14:02:59Z", "14:02"], // GMT in winter
    ["2026-07-01T13:02:00Z", "14:02"], // BST in summer
    ["2026-12-02T00:05:00Z", "00:05"],
  ])("%s is %s in the UK", (iso, expected) => {
    expect(formatSavedTime(new Date(iso))).toBe(expected);
  });
});

describe("formatRetryIn", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it.each([
    [10_000, "in 10 seconds"],
    [1_500, "in 2 seconds"],
    [200, "in 1 second"],
    [60_000, "in 1 minute"],
    [-5_000, "in 1 second"],
  ])("%i ms ahead is %s", (ms, expected) => {
    expect(formatRetryIn(new Date(now.getTime() + ms), now)).toBe(expected);
  });
});
