import { describe, expect, it } from "vitest";
import { answerText } from "./answers.ts";
import type { FieldDeclaration } from "./declaration.ts";

const field = (f: Partial<FieldDeclaration> & Pick<FieldDeclaration, "type">): FieldDeclaration => ({ id: "f", section: "s", label: "F", required: false, ...f });

describe("an answer as people read it", () => {
  it("says a blank is not answered", () => {
    expect(answerText(field({ type: "count" }), null)).toBe("Not answered");
    expect(answerText(undefined, "")).toBe("Not answered");
  });
  it("gives a marker its meaning", () => {
    expect(answerText(field({ type: "count" }), "[x]")).toBe("[x] not available");
  });
  it("writes money in pounds and pence with thousands separated", () => {
    expect(answerText(field({ type: "money", unit: "£" }), 23_352_600)).toBe("£233,526.00");
    expect(answerText(field({ type: "count", unit: "complaints" }), 1400)).toBe("1,400 complaints");
  });
  it("writes a choice's label and a date in words", () => {
    expect(answerText(field({ type: "choice", choices: [{ value: "y", label: "Yes" }] }), "y")).toBe("Yes");
    expect(answerText(field({ type: "date" }), "2026-10-28")).toBe("28 October 2026");
  });
});
