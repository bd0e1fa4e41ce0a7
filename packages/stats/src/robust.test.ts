import { describe, expect, it } from "vitest";
import { poissonInterval } from "./poisson.ts";
import { median, outlierAgainstHistory, robustZScore, type OutlierRule } from "./robust.ts";

describe("robust z-score (Iglewicz and Hoaglin 1993)", () => {
  it("matches a worked example", () => {
    // History 2,4,4,4,5,5,7,9: median 4.5, absolute deviations 2.5,.5,.5,.5,.5,.5,2.5,4.5 → MAD 0.5.
    // z(12) = (12 − 4.5) / (1.4826 × 0.5) = 10.117…
    const result = robustZScore(12, [2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(result.median).toBe(4.5);
    expect(result.z).toBeCloseTo(7.5 / 0.7413, 6);
  });

  it("falls back to the mean absolute deviation when the MAD is zero", () => {
    // 10,10,10,10,10,20: median 10, MAD 0, mean absolute deviation 10/6.
    expect(robustZScore(30, [10, 10, 10, 10, 10, 20])!.z).toBeCloseTo(20 / (1.2533 * (10 / 6)), 6);
    expect(robustZScore(10, [10, 10, 10])!.z).toBe(0);
    expect(robustZScore(11, [10, 10, 10])!.z).toBe(Number.POSITIVE_INFINITY);
    expect(robustZScore(1, [])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe("outlierAgainstHistory: z-score and more than noise", () => {
  const count: OutlierRule = { kind: "count", threshold: 3.5, confidence: 0.998 };
  const money: OutlierRule = { kind: "money", threshold: 3.5, minimumDifference: 100_000 };
  const eight = (n: number) => Array.from({ length: 8 }, () => n);

  it.each([
    // [what, history, value, rule, warns] — the z-score alone would warn on every one of these.
    ["a 1 after eight quarters of 0 (z = ∞, inside [0, 6.9])", eight(0), 1, count, false],
    ["6 after eight quarters of 0: still inside [0, 6.9]", eight(0), 6, count, false],
    ["7 after eight quarters of 0: above 6.9", eight(0), 7, count, true],
    ["2 after 1,1,1,1,1,2,1,1 (z ≈ 6.4, inside [0.001, 9.2])", [1, 1, 1, 1, 1, 2, 1, 1], 2, count, false],
    ["a real spike: 120 after a history around 40", [38, 41, 40, 43, 39, 42, 40, 37], 120, count, true],
    ["a real fall: 5 after a history around 40", [38, 41, 40, 43, 39, 42, 40, 37], 5, count, true],
    ["a large body's 5% rise: 1,050 after 1,000 flat stays inside [905, 1,101.6]", eight(1_000), 1_050, count, false],
    ["a large body's 11% rise: 1,110 after 1,000 flat is above 1,101.6", eight(1_000), 1_110, count, true],
    ["money: £500 more on a flat £10,000", eight(1_000_000), 1_050_000, money, false],
    ["money: £999.99 more on a flat £10,000", eight(1_000_000), 1_099_999, money, false],
    ["money: exactly £1,000 more on a flat £10,000", eight(1_000_000), 1_100_000, money, true],
    ["money: a £50,000 jump", eight(1_000_000), 6_000_000, money, true],
    ["money: £50,000 on a history far noisier than that (z below 3.5)", [0, 10_000_000, 0, 10_000_000, 5_000_000, 0, 10_000_000, 5_000_000], 5_500_000, money, false],
  ] as const)("%s → warns: %s", (_what, history, value, rule, warns) => {
    expect(outlierAgainstHistory(value, history, rule) !== null).toBe(warns);
  });

  it("the count interval is the metrics' poissonInterval around the median, and the score is returned", () => {
    const history = [38, 41, 40, 43, 39, 42, 40, 37];
    const { upper } = poissonInterval(median(history), 0.998);
    expect(outlierAgainstHistory(Math.floor(upper), history, count)).toBeNull();
    expect(outlierAgainstHistory(Math.ceil(upper), history, count)).toEqual(robustZScore(Math.ceil(upper), history));
    expect(outlierAgainstHistory(0, [], count)).toBeNull();
  });
});
