import type { Polarity } from "@complaints/domain";

// Declared in domain next to the measures; re-exported for callers of this package.
export type { Polarity };

export type BenchmarkComparison = "better" | "similar" | "worse" | "higher" | "lower";

export interface ValueWithInterval {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Compares a value with a benchmark as Fingertips does ("Fingertips technical guidance",
 * benchmarking with confidence intervals; PHE "Technical guide: confidence intervals"):
 * similar when the interval contains the benchmark (limits inclusive); otherwise higher or
 * lower, shown as better or worse when the measure has a polarity.
 *
 * A missing interval (NaN limits, e.g. 0 trials) cannot be compared: this throws a RangeError,
 * so the caller shows "not compared" rather than a misleading "similar".
 */
export function compareToBenchmark(
  estimate: ValueWithInterval,
  benchmark: number,
  polarity: Polarity,
): BenchmarkComparison {
  const { lower, upper } = estimate;
  if (Number.isNaN(lower) || Number.isNaN(upper) || Number.isNaN(benchmark)) {
    throw new RangeError("cannot compare with a benchmark without a value, interval and benchmark");
  }
  if (lower <= benchmark && benchmark <= upper) return "similar";
  const higher = lower > benchmark;
  switch (polarity) {
    case "higher-is-better":
      return higher ? "better" : "worse";
    case "lower-is-better":
      return higher ? "worse" : "better";
    case "none":
      return higher ? "higher" : "lower";
  }
}
