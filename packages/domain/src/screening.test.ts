import { describe, expect, it } from "vitest";
import { maxListedProblems, refusedBy, Screener, withFailuresFirst } from "./screening.ts";

describe("the screener", () => {
  it("names each check that ran with its result: a failure blocks, a warning does not", () => {
    const screener = new Screener<"header" | "cells" | "dates">();
    screener.ran("header");
    screener.warn("dates", { row: 3, column: "closed_date", message: "A weekend date." });
    expect(screener.ok).toBe(true);
    screener.fail("cells", { row: 2, column: "received", message: "Not a number." });
    screener.warn("cells", { row: 4, column: "received", message: "Unusually large." });
    expect(screener.result()).toEqual({
      ok: false,
      problems: [
        { row: 3, column: "closed_date", message: "A weekend date." },
        { row: 2, column: "received", message: "Not a number." },
        { row: 4, column: "received", message: "Unusually large." },
      ],
      moreProblems: 0,
      checks: [
        { check: "header", result: "pass" },
        { check: "dates", result: "warn" },
        { check: "cells", result: "fail" },
      ],
    });
    expect(screener.failures).toBe(1);
  });

  it(`lists the first ${maxListedProblems} problems and counts the rest`, () => {
    const screener = new Screener();
    for (let row = 1; row <= 250; row += 1) screener.fail("cells", { row, column: null, message: `Row ${row}.` });
    const result = screener.result();
    expect([result.problems.length, result.moreProblems, result.problems.at(-1)!.row, screener.failures]).toEqual([100, 150, 100, 250]);
    expect(new Screener(3).result().problems).toEqual([]);
  });

  it("puts a later check's failures first, keeping the cap", () => {
    const screener = new Screener();
    for (let row = 1; row <= 100; row += 1) screener.fail("cells", { row, column: null, message: `Row ${row}.` });
    const merged = withFailuresFirst(screener.result(), "quarter", [{ row: null, column: null, message: "The quarter is closed." }]);
    expect([merged.ok, merged.problems[0]!.message, merged.problems.length, merged.moreProblems]).toEqual([false, "The quarter is closed.", 100, 1]);
    expect(merged.checks).toEqual([{ check: "cells", result: "fail" }, { check: "quarter", result: "fail" }]);
    expect(refusedBy("file", "The file is empty.")).toEqual({ ok: false, problems: [{ row: null, column: null, message: "The file is empty." }], moreProblems: 0, checks: [{ check: "file", result: "fail" }] });
  });
});
