import { describe, expect, it } from "vitest";
import { countMessage, countOf, countSettings, isOverThreshold } from "./count-message.ts";

// Expected values from govuk-frontend's character-count.unit.test.mjs and its Nunjucks examples.
describe("countOf", () => {
  it.each([
    ["length counts UTF-16 code units", "👩🏻‍🚀 ab", "length", false, 10],
    ["characters counts graphemes", "👩🏻‍🚀 ab", "characters", false, 4],
    ["words counts word-like segments", "It's a test, isn't it?", "words", false, 5],
    ["maxwords counts runs of non-space", "one  two\nthree - four", "words", true, 5],
    ["empty text", "", "words", true, 0],
  ] as const)("%s", (_name, text, type, legacy, expected) => {
    expect(countOf(text, type, legacy, "en")).toBe(expected);
  });
});

describe("countMessage", () => {
  it.each([
    [12, "length", "You have 12 characters remaining"],
    [1, "characters", "You have 1 character remaining"],
    [0, "length", "You have 0 characters remaining"],
    [-3, "length", "You have 3 characters too many"],
    [-1, "length", "You have 1 character too many"],
    [5, "words", "You have 5 words remaining"],
    [0, "words", "You have 0 words remaining"],
    [-1, "words", "You have 1 word too many"],
    [-10000, "words", "You have 10,000 words too many"],
  ] as const)("%i %s: %s", (remaining, type, expected) => {
    expect(countMessage(remaining, type, {}, "en")).toBe(expected);
  });

  it("uses the translations given", () => {
    const texts = { charactersUnderLimitText: { one: "One character to go", other: "%{count} characters to go" }, charactersAtLimitText: "Zero characters left" };
    expect(countMessage(1, "length", texts, "en")).toBe("One character to go");
    expect(countMessage(7, "length", texts, "en")).toBe("7 characters to go");
    expect(countMessage(0, "length", texts, "en")).toBe("Zero characters left");
  });
});

describe("isOverThreshold", () => {
  it.each([
    [0, 10, undefined, true],
    [7, 10, 75, false],
    [8, 10, 75, true],
  ] as const)("%i of %i at %s%%", (count, max, threshold, expected) => {
    expect(isOverThreshold(count, max, threshold)).toBe(expected);
  });
});

describe("countSettings", () => {
  it.each([
    ["maxlength counts length", { maxlength: 10 }, { countType: "length", maxLength: 10, legacyMaxwords: false }],
    ["maxwords alone counts words the old way", { maxwords: 10 }, { countType: "words", maxLength: 10, legacyMaxwords: true }],
    ["countType words counts word-like segments", { maxlength: 10, countType: "words" }, { countType: "words", maxLength: 10, legacyMaxwords: false }],
    ["maxlength wins over maxwords", { maxlength: 10, maxwords: 5 }, { countType: "words", maxLength: 10, legacyMaxwords: true }],
    ["countType wins over maxwords", { maxwords: 5, countType: "characters" }, { countType: "characters", maxLength: 5, legacyMaxwords: true }],
  ] as const)("%s", (_name, options, expected) => {
    expect(countSettings(options)).toEqual(expected);
  });
});
