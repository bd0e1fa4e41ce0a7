/**
 * A body's figure against the department's, in words (Fingertips: "similar", "higher", "lower",
 * "better", "worse"; PHE "Technical guide: confidence intervals"). The API says better or worse for
 * measures with a polarity; the words add the direction too ("Higher (better)"), so a reader never
 * needs the colour or the icon to know what it means.
 */
export type ComparisonKey = "higher-better" | "lower-better" | "higher-worse" | "lower-worse" | "higher" | "lower" | "similar" | "not-compared" | "benchmark";

export interface ComparisonWords {
  key: ComparisonKey;
  words: string;
}

const words: Record<ComparisonKey, string> = {
  "higher-better": "Higher (better)",
  "lower-better": "Lower (better)",
  "higher-worse": "Higher (worse)",
  "lower-worse": "Lower (worse)",
  higher: "Higher",
  lower: "Lower",
  similar: "Similar",
  "not-compared": "Not compared",
  benchmark: "Department figure",
};

export type ApiComparison = "better" | "worse" | "higher" | "lower" | "similar" | "not compared";

export function comparisonWords(result: ApiComparison, value: number | null, benchmark: number | null): ComparisonWords {
  const key = comparisonKey(result, value, benchmark);
  return { key, words: words[key] };
}

function comparisonKey(result: ApiComparison, value: number | null, benchmark: number | null): ComparisonKey {
  switch (result) {
    case "similar":
      return "similar";
    case "higher":
    case "lower":
      return result;
    case "not compared":
      return "not-compared";
    case "better":
    case "worse": {
      // Outside the interval, so the value is strictly above or below the benchmark.
      if (value === null || benchmark === null) return "not-compared";
      return `${value > benchmark ? "higher" : "lower"}-${result}`;
    }
  }
}

export const benchmarkWords: ComparisonWords = { key: "benchmark", words: words.benchmark };
