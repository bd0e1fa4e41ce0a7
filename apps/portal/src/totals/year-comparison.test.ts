import { describe, expect, it } from "vitest";
import { yearComparisonWords } from "./year-comparison.ts";

describe("a measure against a year earlier, in words", () => {
  it.each([
    ["higher", "higher-is-better", "Higher: better"],
    ["lower", "higher-is-better", "Lower: worse"],
    ["higher", "lower-is-better", "Higher: worse"],
    ["lower", "lower-is-better", "Lower: better"],
    ["higher", "none", "Higher"],
    ["lower", "none", "Lower"],
    ["similar", "higher-is-better", "Similar"],
    ["not compared", "lower-is-better", "Not compared"],
  ])("%s with polarity %s is “%s”", (comparison, polarity, words) => {
    expect(yearComparisonWords(comparison, polarity)).toBe(words);
  });
});
