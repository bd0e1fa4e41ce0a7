import { describe, expect, it } from "vitest";
import type { FieldDeclaration } from "./declaration.ts";
import { explanationsSchema, fieldNotesSchema, fieldValueSchema } from "./schema.ts";

const narrative: FieldDeclaration = { id: "key_themes", section: "narrative", label: "Key themes this quarter", type: "text", required: false };
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".") || "-"}|${i.message}`) ?? [];

describe("text the databases cannot hold is refused by the schemas, naming the field", () => {
  it.each([
    ["a NUL", "Delays\u0000", "‘Key themes this quarter’ contains a NUL character (U+0000) at character 7, which cannot be stored: delete it and type the text again"],
    ["a control character", "a\u0008b", "‘Key themes this quarter’ contains a control character (U+0008) at character 2, which cannot be stored: delete it and type the text again"],
    ["a lone surrogate", "thanks \ud83d", "‘Key themes this quarter’ contains half of a character (U+D83D, a lone surrogate, often from text cut part-way through an emoji) at character 8, which cannot be stored: delete it and type the text again"],
  ])("a text field value with %s", (_name, text, message) => {
    expect(messages(fieldValueSchema(narrative).safeParse(text))).toEqual([`-|${message}`]);
  });

  it("keeps ordinary text, with tabs and line breaks, trimmed", () => {
    expect(fieldValueSchema(narrative).parse("  one\r\ntwo\tthree 👍 ")).toBe("one\r\ntwo\tthree 👍");
    expect(fieldNotesSchema.parse({ received: "Not counted\nuntil May" })).toEqual({ received: "Not counted\nuntil May" });
    expect(explanationsSchema.parse({ "outlier:received": "A campaign." })).toEqual({ "outlier:received": "A campaign." });
  });

  it("a note on a field", () => {
    expect(messages(fieldNotesSchema.safeParse({ received: "ok", withdrawn: "x\u0000" }))).toEqual([
      "withdrawn|The note on “withdrawn” contains a NUL character (U+0000) at character 2, which cannot be stored: delete it and type the text again",
    ]);
    expect(messages(fieldNotesSchema.safeParse({ "rec\u0000": "fine" }))).toEqual([
      "rec\u0000|The note on “rec\\u0000”: its name contains a NUL character (U+0000) at character 4, which cannot be stored: delete it and type the text again",
    ]);
  });

  it("an explanation of a warning", () => {
    expect(messages(explanationsSchema.safeParse({ "outlier:received": "cut \udc4d" }))).toEqual([
      "outlier:received|The explanation of “outlier:received” contains half of a character (U+DC4D, a lone surrogate, often from text cut part-way through an emoji) at character 5, which cannot be stored: delete it and type the text again",
    ]);
  });
});
