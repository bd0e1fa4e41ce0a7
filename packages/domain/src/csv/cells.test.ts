import { describe, expect, it } from "vitest";
import type { FieldDeclaration } from "../template/declaration.ts";
import { readCell, writeCell } from "./cells.ts";

const text: FieldDeclaration = { id: "key_themes", section: "narrative", label: "Key themes", type: "text", required: false, maxLength: 20 };
const formula = (c: string) => `text starting with “${c}” could run as a formula when the file is opened in a spreadsheet; start the cell with an apostrophe (') to keep it as text`;

describe("reading a text cell checks what will be stored", () => {
  it.each([
    ["=HYPERLINK(x)", "="],
    [" =HYPERLINK(x)", "="],
    ["\u00a0=HYPERLINK(x)", "="],
    ["\u3000\u2003+1", "+"],
    ["\t-1", "-"],
    ["\r\n@SUM(A1)", "@"],
    ["＝HYPERLINK(x)", "＝"],
    [" ＋1", "＋"],
    ["－1", "－"],
    ["＠SUM(A1)", "＠"],
  ])("refuses %j as a formula", (raw, first) => {
    expect(readCell(text, raw)).toEqual({ ok: false, problem: formula(first) });
  });

  it.each([
    ["  Delays  ", "Delays"],
    ["'=kept as text", "=kept as text"],
    ["' =kept", "' =kept"],
    ["'plain", "'plain"],
    ["a = b", "a = b"],
  ])("stores %j as %j", (raw, stored) => {
    expect(readCell(text, raw)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["a\u0000b", "the text contains a NUL character (U+0000) at character 2, which cannot be stored: delete it and type the text again"],
    ["\u0001x", "the text contains a control character (U+0001) at character 1, which cannot be stored: delete it and type the text again"],
    ["cut \ud83d", "the text contains half of a character (U+D83D, a lone surrogate, often from text cut part-way through an emoji) at character 5, which cannot be stored: delete it and type the text again"],
  ])("refuses %j, which the databases cannot hold", (raw, problem) => {
    expect(readCell(text, raw)).toEqual({ ok: false, problem });
  });

  it("measures the length of the stored text", () => {
    expect(readCell(text, `  ${"a".repeat(20)}  `)).toEqual({ ok: true, value: "a".repeat(20) });
    expect(readCell(text, "a".repeat(21))).toEqual({ ok: false, problem: "text is 21 characters long; the most is 20" });
  });
});

describe("writing a text cell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["＝1", "'＝1"],
    ["-5", "'-5"],
    ["plain", "plain"],
  ])("writes %j as %j, which reads back unchanged", (value, cell) => {
    expect(writeCell(text, value)).toBe(cell);
    expect(readCell(text, cell)).toEqual({ ok: true, value });
  });
});

describe("reading a date cell", () => {
  const date: FieldDeclaration = { id: "board_review_date", section: "assurance", label: "Date senior leaders last reviewed complaints data", type: "date", required: true };

  it.each([
    ["15/09/2026", "2026-09-15"],
    ["2026-09-15", "2026-09-15"],
    ["1/9/2026", "2026-09-01"],
    [" 15/09/2026 ", "2026-09-15"],
    ["29/02/2024", "2024-02-29"],
    ["1969-12-31", "1969-12-31"],
  ])("reads %j, day first or ISO, as %s", (cell, iso) => {
    expect(readCell(date, cell)).toEqual({ ok: true, value: iso });
    expect(writeCell(date, iso)).toBe(iso);
  });

  it.each(["31/02/2026", "29/02/2025", "2026-02-31", "31/04/2026", "00/09/2026", "15/13/2026", "2026-13-01"])("says %j is not a real date", (cell) => {
    expect(readCell(date, cell)).toEqual({ ok: false, problem: `“${cell}” is not a real date` });
  });

  it.each(["09/15/26", "15-09-2026", "2026/09/15", "15 September 2026", "2026-9-15", "15/09/2026/1", "today"])("says what form %j should take", (cell) => {
    expect(readCell(date, cell)).toEqual({ ok: false, problem: `expected a date like 15/07/2025 or 2025-07-15, but found “${cell}”` });
  });

  it("keeps a blank and the markers", () => {
    expect(readCell(date, "")).toEqual({ ok: true, value: null });
    expect(readCell(date, "[x]")).toEqual({ ok: true, value: "[x]" });
  });
});
