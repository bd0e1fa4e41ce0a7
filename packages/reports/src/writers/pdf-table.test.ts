import { describe, expect, it } from "vitest";
import { wrapCell } from "./pdf-table.ts";

/** Every character one unit wide, so the expected lines can be counted by eye. */
const measure = (text: string) => [...text].length;

describe("wrapCell", () => {
  it.each([
    ["fits on one line", "DES-B001", 10, ["DES-B001"]],
    ["breaks at spaces, filling each line, each line ending in the space it broke at", "Example body number 12", 11, ["Example ", "body number ", "12"]],
    ["keeps a word that exactly fits", "abcdefghij klm", 10, ["abcdefghij ", "klm"]],
    ["breaks a word wider than the cell letter by letter, with no space inside it", "Abcdefghijklmnop x", 6, ["Abcdef", "ghijkl", "mnop x"]],
    ["keeps line breaks in the text", "one\ntwo three", 20, ["one ", "two three"]],
    ["collapses runs of spaces", "a    b", 10, ["a b"]],
  ])("%s", (_, text, width, lines) => {
    expect(wrapCell(measure, text, width)).toEqual(lines);
  });

  it("never makes a line wider than the cell unless one letter is, and its lines read as the text", () => {
    const text = "Department for Example Services (all bodies) with a Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch office";
    for (const width of [1, 3, 7, 12, 30]) {
      const lines = wrapCell(measure, text, width);
      for (const line of lines) expect(measure(line.trimEnd())).toBeLessThanOrEqual(width);
      expect(lines.join("")).toBe(text);
    }
  });
});
