import { describe, expect, it } from "vitest";
import { changeCharacters, explanationChangesInputSchema, explanationsInputSchema, noteChangesInputSchema, notesInputSchema, returnValuesInputSchema, valueChangesInputSchema } from "./input.ts";
import { templates } from "./versions.ts";

const every = Object.values(templates);
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".") || "-"}|${i.message}`) ?? [];

describe("what a save may send, generated from every template version", () => {
  const values = returnValuesInputSchema(every);
  const notes = notesInputSchema(every);

  it("takes the fields of any version, service-area cells by pattern, and keeps text with tabs and line breaks", () => {
    expect(values.parse({ received: 3, special_payments_over_threshold: 0, "special_payments.1.amount": 35_000_000, "received_by_service_area.licences": 3 })).toEqual({
      received: 3,
      special_payments_over_threshold: 0,
      "special_payments.1.amount": 35_000_000,
      "received_by_service_area.licences": 3,
    });
    expect(notes.parse({ received: " Not counted\nuntil May " })).toEqual({ received: "Not counted\nuntil May" });
    expect(explanationsInputSchema.parse({ "outlier:received": "A campaign." })).toEqual({ "outlier:received": "A campaign." });
  });

  it.each([
    ["an unknown field", { nonsense: 1 }, ["nonsense|“nonsense” is not a field of the return"]],
    ["a __proto__ key", JSON.parse('{"__proto__": 1}'), ["__proto__|Figures: “__proto__” is not a field or warning of a return"]],
    ["a wrong value", { received: -1 }, ["received|‘Complaints received’ cannot be negative"]],
  ])("refuses %s in the figures", (_name, input, expected) => {
    expect(messages(values.safeParse(input))).toEqual(expected);
  });

  it.each([
    ["a NUL", { withdrawn: "x\u0000" }, ["withdrawn|The note on ‘Complaints withdrawn’ contains a NUL character (U+0000) at character 2, which cannot be stored: delete it and type the text again"]],
    ["a name with a NUL", { "rec\u0000": "fine" }, ["rec\u0000|Notes: “rec\u0000” is not a field or warning of a return"]],
    ["a blank", { received: "  " }, ["received|The note on ‘Complaints received’ is blank: write it, or leave it out"]],
    ["a number", { received: 3 }, ["received|The note on ‘Complaints received’ must be text"]],
  ])("refuses a note with %s", (_name, input, expected) => {
    expect(messages(notes.safeParse(input))).toEqual(expected);
  });

  it("refuses an explanation with a lone surrogate, naming the warning", () => {
    expect(messages(explanationsInputSchema.safeParse({ "outlier:received": "cut \udc4d" }))).toEqual([
      "outlier:received|The explanation of warning “outlier:received” contains half of a character (U+DC4D, a lone surrogate, often from text cut part-way through an emoji) at character 5, which cannot be stored: delete it and type the text again",
    ]);
  });
});

describe("what an autosave may send: { from, to } per changed key, each end checked as a save checks it", () => {
  const values = valueChangesInputSchema(every);
  const notes = noteChangesInputSchema(every);

  it("takes values, blanks (null), trimmed notes and explanations, and counts the text of both ends", () => {
    expect(values.parse({ received: { from: null, to: 3 }, key_themes: { from: "Delay", to: " Delays " }, "received_by_service_area.licences": { from: 2, to: "[x]" } })).toEqual({
      received: { from: null, to: 3 },
      key_themes: { from: "Delay", to: "Delays" },
      "received_by_service_area.licences": { from: 2, to: "[x]" },
    });
    expect(notes.parse({ received: { from: null, to: " Not counted " } })).toEqual({ received: { from: null, to: "Not counted" } });
    const explanations = explanationChangesInputSchema.parse({ "outlier:received": { from: "A campaign.", to: null } });
    expect(explanations).toEqual({ "outlier:received": { from: "A campaign.", to: null } });
    expect(changeCharacters({ values: { key_themes: { from: "Delay", to: "Delays" }, received: { from: 1, to: 2 } }, explanations })).toBe(5 + 6 + 11);
  });

  it.each([
    ["an unknown field", { nonsense: { from: null, to: 1 } }, ["nonsense|“nonsense” is not a field of the return"]],
    ["a __proto__ key", JSON.parse('{"__proto__": {"from": null, "to": 1}}'), ["__proto__|Figures: “__proto__” is not a field or warning of a return"]],
    ["a bare value", { received: 3 }, ["received|‘Complaints received’: send what you started from (from) and the new answer (to), null for blank"]],
    ["a missing from", { received: { to: 3 } }, ["received|‘Complaints received’: send what you started from (from) and the new answer (to), null for blank"]],
    ["an extra key", { received: { from: 1, to: 3, by: "me" } }, ["received|‘Complaints received’: send what you started from (from) and the new answer (to), null for blank"]],
    ["a wrong new value", { received: { from: 1, to: -1 } }, ["received.to|‘Complaints received’ cannot be negative"]],
    ["a wrong old value", { received: { from: 1.5, to: 1 } }, ["received.from|‘Complaints received’: enter a whole number, [x] if not available or [z] if not applicable"]],
  ])("refuses %s in the figures", (_name, input, expected) => {
    expect(messages(values.safeParse(input))).toEqual(expected);
  });

  it.each([
    ["a blank note (null is no note)", { received: { from: null, to: "  " } }, ["received.to|The note on ‘Complaints received’ is blank: write it, or leave it out"]],
    ["a note that is a number", { received: { from: 3, to: null } }, ["received.from|The note on ‘Complaints received’ must be text"]],
    ["a note with a NUL", { withdrawn: { from: null, to: "x\u0000" } }, ["withdrawn.to|The note on ‘Complaints withdrawn’ contains a NUL character (U+0000) at character 2, which cannot be stored: delete it and type the text again"]],
  ])("refuses %s", (_name, input, expected) => {
    expect(messages(notes.safeParse(input))).toEqual(expected);
  });

  it("refuses an explanation that is too long, naming the warning", () => {
    expect(messages(explanationChangesInputSchema.safeParse({ "outlier:received": { from: null, to: "x".repeat(5001) } }))).toEqual([
      "outlier:received.to|The explanation of warning “outlier:received” is 5,001 characters long; the most is 5,000",
    ]);
  });
});
