import type { FieldDeclaration } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value.ts";

const field = (type: FieldDeclaration["type"], more: Partial<FieldDeclaration> = {}): FieldDeclaration => ({ id: "f", section: "s", label: "F", type, required: false, ...more });

describe("an answer in words, for the table of changes", () => {
  it.each([
    [field("count"), null, "Blank"],
    [field("count"), 0, "0"],
    [field("count"), 12345, "12,345"],
    [field("count"), "[x]", "[x] not available"],
    [field("money"), "[z]", "[z] not applicable"],
    [field("money"), 123456, "£1,234.56"],
    [field("money"), 5, "£0.05"],
    [field("fte"), 2.5, "2.5 FTE"],
    [field("fte"), 3, "3.0 FTE"],
    [field("choice", { choices: [{ value: "yes", label: "Yes, published" }] }), "yes", "Yes, published"],
    [field("choice", { choices: [] }), "other", "other"],
    [field("date"), "2026-07-15", "15 July 2026"],
    [field("text"), "We said sorry.", "We said sorry."],
    [undefined, 7, "7"],
  ] as const)("%j %j is %s", (f, value, words) => {
    expect(describeValue(f, value)).toBe(words);
  });
});
