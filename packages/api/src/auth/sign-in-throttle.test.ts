import { describe, expect, it } from "vitest";
import { signInWaitMs, tooManyAttemptsMessage } from "./sign-in-throttle.ts";

const now = new Date("2026-12-01T09:00:00Z");
const minute = 60_000;
const cap = 15 * minute;

describe("signInWaitMs", () => {
  it.each([
    // failures before this attempt, the latest of them how long ago, expected wait
    [0, null, 0],
    [4, 0, 0],
    [5, 0, 1 * minute],
    [6, 0, 2 * minute],
    [7, 0, 4 * minute],
    [8, 0, 8 * minute],
    [9, 0, cap],
    [500, 0, cap],
    [6, 1.5 * minute, 0.5 * minute],
    [6, 3 * minute, 0],
  ])("%i failures, the latest %s ms ago: wait %i ms", (count, ago, wait) => {
    const latestAt = ago === null ? null : new Date(now.getTime() - ago).toISOString();
    expect(signInWaitMs({ count, latestAt }, 5, now, cap)).toBe(wait);
  });
});

describe("tooManyAttemptsMessage", () => {
  it.each([
    [1_000, "Too many failed attempts to sign in. Wait 1 minute and try again."],
    [61_000, "Too many failed attempts to sign in. Wait 2 minutes and try again."],
    [cap, "Too many failed attempts to sign in. Wait 15 minutes and try again."],
  ])("%i ms", (ms, message) => expect(tooManyAttemptsMessage(ms)).toBe(message));
});
