import { describe, expect, it } from "vitest";
import { emergingSentence, type EmergingItem } from "./emerging-list.tsx";

const item = (over: Partial<EmergingItem> = {}): EmergingItem => ({
  scope: "body",
  organisationCode: "A1",
  name: "Agency A1",
  theme: "theme_delay",
  themeLabel: "Delay",
  periodLabel: "Jul to Sep 2025",
  value: 20,
  count: 200,
  received: 1000,
  reason: "above-upper-limit",
  reasonText: "above the upper process limit",
  mean: 90.1 / 8,
  upperLimit: 90.1 / 8 + 2.66 * (1.3 / 6),
  trial: true,
  ...over,
});

describe("emergingSentence", () => {
  it("says the rate, the counts behind it, and why it is emerging against its mean and limit", () => {
    expect(emergingSentence(item())).toBe(
      "20.0 per 100 complaints received in Jul to Sep 2025 (200 of 1,000 complaints), above its upper process limit of 11.8 (its mean is 11.3). These are trial limits, from fewer than 12 quarters.",
    );
  });

  it("uses two decimal places when one would print the value and its mean or limit alike", () => {
    expect(emergingSentence(item({ value: 1.07, mean: 1.05, upperLimit: 1.08, reason: "run-above-mean", trial: false, count: 3, received: 281 }))).toBe(
      "1.07 per 100 complaints received in Jul to Sep 2025 (3 of 281 complaints), the latest of 7 or more quarters in a row above its mean of 1.05 (upper process limit 1.08).",
    );
  });

  it("words a rising trend and two of three high, and leaves out counts it does not have", () => {
    expect(emergingSentence(item({ reason: "rising-trend", count: null, trial: false }))).toBe(
      "20.0 per 100 complaints received in Jul to Sep 2025, the latest of 7 or more quarters rising in a row (its mean is 11.3, upper process limit 11.8).",
    );
    expect(emergingSentence(item({ reason: "two-of-three-high", trial: false }))).toContain("2 of the last 3 quarters close to its upper process limit of 11.8");
  });
});
