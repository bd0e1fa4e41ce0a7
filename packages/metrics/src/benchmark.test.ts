import { describe, expect, it } from "vitest";
import { compareToBenchmark, type BenchmarkComparison, type Polarity } from "./benchmark.ts";

describe("compareToBenchmark (Fingertips: similar when the interval contains the benchmark)", () => {
  const above = { value: 0.6, lower: 0.55, upper: 0.65 };
  const below = { value: 0.3, lower: 0.25, upper: 0.35 };
  const straddling = { value: 0.5, lower: 0.4, upper: 0.6 };
  const touching = { value: 0.55, lower: 0.5, upper: 0.6 };
  it.each<[string, typeof above, Polarity, BenchmarkComparison]>([
    ["above, higher is better", above, "higher-is-better", "better"],
    ["above, lower is better", above, "lower-is-better", "worse"],
    ["above, no polarity", above, "none", "higher"],
    ["below, higher is better", below, "higher-is-better", "worse"],
    ["below, lower is better", below, "lower-is-better", "better"],
    ["below, no polarity", below, "none", "lower"],
    ["interval contains the benchmark", straddling, "higher-is-better", "similar"],
    ["interval ends exactly at the benchmark", touching, "lower-is-better", "similar"],
  ])("%s", (_title, estimate, polarity, expected) => {
    expect(compareToBenchmark(estimate, 0.5, polarity)).toBe(expected);
  });

  it("refuses to compare without an interval (for example 0 trials)", () => {
    expect(() => compareToBenchmark({ value: Number.NaN, lower: Number.NaN, upper: Number.NaN }, 0.5, "none")).toThrow(
      RangeError,
    );
  });
});
