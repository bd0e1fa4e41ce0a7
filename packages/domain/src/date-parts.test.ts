import { describe, expect, it } from "vitest";
import { readCell, type FieldDeclaration } from "./index.ts";
import { dateProblem, isoToParts, partsToIso, partsToText, textToParts, type DateParts } from "./date-parts.ts";

describe("action plan dates", () => {
  it("splits a date into the date input's fields and back", () => {
    expect(isoToParts("2026-03-07")).toEqual({ day: "7", month: "3", year: "2026" });
    expect(isoToParts(null)).toEqual({ day: "", month: "", year: "" });
    expect(partsToIso({ day: "7", month: "3", year: "2026" }, "the start date")).toEqual({ iso: "2026-03-07", problem: null });
  });

  it.each([
    [{ day: "", month: "", year: "" }, "Enter the due date"],
    [{ day: "1", month: "", year: "2026" }, "The due date must include a month"],
    [{ day: "", month: "", year: "2026" }, "The due date must include a day and a month"],
    [{ day: "31", month: "2", year: "2026" }, "The due date must be a real date"],
    [{ day: "1", month: "2", year: "26" }, "The due date must be a real date"],
    [{ day: "x", month: "2", year: "2026" }, "The due date must be a real date"],
  ])("says what is wrong with %j", (parts, problem) => {
    expect(partsToIso(parts, "the due date").problem).toBe(problem);
  });
});

describe("a return's date field", () => {
  const name = "Date the action was agreed";
  it.each([
    [{ day: "15", month: "", year: "2026" }, "Date the action was agreed must include a month", ["month"]],
    [{ day: "", month: "9", year: "" }, "Date the action was agreed must include a day and a year", ["day", "year"]],
    [{ day: "31", month: "2", year: "2026" }, "Date the action was agreed must be a real date", ["day"]],
    [{ day: "29", month: "2", year: "2025" }, "Date the action was agreed must be a real date", ["day"]],
    [{ day: "15", month: "13", year: "2026" }, "Date the action was agreed must be a real date", ["month"]],
    [{ day: "15", month: "9", year: "26" }, "Date the action was agreed must be a real date", ["year"]],
    [{ day: "x", month: "9", year: "26" }, "Date the action was agreed must be a real date", ["day", "year"]],
  ] as const)("names what is wrong with %j and highlights only those fields", (parts, message, highlighted) => {
    expect(dateProblem(parts, name)).toEqual({ message, parts: highlighted });
  });

  it("finds nothing wrong with a real date or a blank one", () => {
    expect(dateProblem({ day: "29", month: "02", year: "2024" }, name)).toBeNull();
    expect(dateProblem({ day: " ", month: "", year: "" }, name)).toBeNull();
  });

  const date: FieldDeclaration = { id: "board_review_date", section: "assurance", label: name, type: "date", required: true };
  it.each<[DateParts, string]>([
    [{ day: "15", month: "09", year: "2026" }, "15/09/2026"],
    [{ day: " 15", month: "9 ", year: "2026" }, "15/9/2026"],
    [{ day: "15", month: "", year: "2026" }, "15//2026"],
    [{ day: "", month: "", year: "" }, ""],
  ])("holds %j in the draft as %j, kept as typed until complete", (parts, text) => {
    expect(partsToText(parts)).toBe(text);
    expect(partsToText(textToParts(text))).toBe(text);
  });

  it("reads as a stored date exactly when the date input finds nothing wrong", () => {
    for (const parts of [
      { day: "15", month: "9", year: "2026" },
      { day: "15", month: "", year: "2026" },
      { day: "31", month: "2", year: "2026" },
      { day: "1", month: "1", year: "26" },
      { day: "7", month: "10", year: "1999" },
    ]) {
      const read = readCell(date, partsToText(parts));
      expect([parts, read.ok]).toEqual([parts, dateProblem(parts, name) === null]);
    }
    expect(readCell(date, partsToText({ day: "15", month: "9", year: "2026" }))).toEqual({ ok: true, value: "2026-09-15" });
  });

  it("shows a stored date, a marker and text from before the date input without losing any", () => {
    expect(textToParts("2026-09-15")).toEqual({ day: "15", month: "9", year: "2026" });
    expect(textToParts("[x]")).toEqual({ day: "", month: "", year: "" });
    expect(textToParts("15-09-2026")).toEqual({ day: "15-09-2026", month: "", year: "" });
  });
});
