import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("the compare table as CSV", () => {
  it("quotes what needs quoting and ends lines with CRLF (RFC 4180)", () => {
    expect(toCsv([["Body", "Complaints per 10,000 interactions"], ['The "Best" Agency', "12.5"]])).toBe('Body,"Complaints per 10,000 interactions"\r\n"The ""Best"" Agency",12.5\r\n');
  });

  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+44 Board", "'+44 Board"],
    ["-5 Office", "'-5 Office"],
    ["@Agency", "'@Agency"],
    ["＝SUM(A1)", "'＝SUM(A1)"],
    ["Plain Agency", "Plain Agency"],
  ])("neutralises formula-like text as the project's rule says (%s)", (cell, expected) => {
    const line = toCsv([[cell]]).replace(/\r\n$/, "");
    expect(line.replace(/^"|"$/g, "").replace(/""/g, '"')).toBe(expected);
  });
});
