import { describe, expect, it } from "vitest";
import { explanationsInputSchema, notesInputSchema, returnValuesInputSchema } from "./input.ts";
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
