import { describe, expect, it } from "vitest";
import { comparisonWords, type ApiComparison } from "./comparison-words.ts";

describe("a comparison with the department figure in words", () => {
  it.each<[ApiComparison, number | null, number | null, string]>([
    ["better", 0.9, 0.8, "Higher (better)"],
    ["better", 0.05, 0.1, "Lower (better)"],
    ["worse", 0.7, 0.8, "Lower (worse)"],
    ["worse", 0.2, 0.1, "Higher (worse)"],
    ["higher", 0.5, 0.4, "Higher"],
    ["lower", 0.3, 0.4, "Lower"],
    ["similar", 0.41, 0.4, "Similar"],
    ["not compared", null, 0.4, "Not compared"],
  ])("%s at %s against %s reads “%s”", (result, value, benchmark, words) => {
    expect(comparisonWords(result, value, benchmark).words).toBe(words);
  });
});
