import { describe, expect, it } from "vitest";
import { isoToParts, partsToIso } from "./dates.ts";

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
