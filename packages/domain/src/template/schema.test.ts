import { describe, expect, it } from "vitest";
import type { FieldDeclaration } from "./declaration.ts";
import { fieldValueSchema } from "./schema.ts";

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
  });
});
