import { describe, expect, it } from "vitest";
import { storableTextProblem } from "./storable-text.ts";

describe("storableTextProblem", () => {
  it.each([
    ["plain text", "Delays at the Leeds office"],
    ["tab, CR and LF", "line one\r\nline two\tindented"],
    ["accents, symbols and quotes", "Café “quotes” – €50 £20"],
    ["a pair of surrogates (an emoji)", "thanks 👍"],
    ["the empty string", ""],
  ])("accepts %s", (_name, text) => {
    expect(storableTextProblem(text)).toBeNull();
  });

  it.each([
    ["a NUL", "ab\u0000c", "contains a NUL character (U+0000) at character 3, which cannot be stored: delete it and type the text again"],
    ["a bell", "\u0007ring", "contains a control character (U+0007) at character 1, which cannot be stored: delete it and type the text again"],
    ["an escape", "x\u001b[31m", "contains a control character (U+001B) at character 2, which cannot be stored: delete it and type the text again"],
    ["a lone high surrogate at the end", "cut \ud83d", "contains half of a character (U+D83D, a lone surrogate, often from text cut part-way through an emoji) at character 5, which cannot be stored: delete it and type the text again"],
    ["a lone low surrogate", "a\udc4db", "contains half of a character (U+DC4D, a lone surrogate, often from text cut part-way through an emoji) at character 2, which cannot be stored: delete it and type the text again"],
    ["two high surrogates", "\ud83d\ud83d\udc4d", "contains half of a character (U+D83D, a lone surrogate, often from text cut part-way through an emoji) at character 1, which cannot be stored: delete it and type the text again"],
  ])("refuses %s", (_name, text, message) => {
    expect(storableTextProblem(text)).toBe(message);
  });

  it("refuses every C0 control character except tab, LF and CR", () => {
    const refused = Array.from({ length: 0x20 }, (_, c) => c).filter((c) => storableTextProblem(`a${String.fromCharCode(c)}b`) !== null);
    expect(refused).toEqual(Array.from({ length: 0x20 }, (_, c) => c).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)));
  });
});
