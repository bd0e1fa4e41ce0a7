import { describe, expect, it } from "vitest";
import { median, robustZScore } from "./robust.ts";

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
