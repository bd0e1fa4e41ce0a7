import { describe, expect, it } from "vitest";
import { periodLinks } from "./period-links.ts";

describe("the roll-up's links to other periods", () => {
  it("offers a quarter's neighbours and its financial year, but nothing after the latest quarter", () => {
    expect(periodLinks({ kind: "quarter", period: "2026-27 Q1" }, "2026-27 Q2")).toEqual([
      { text: "Previous quarter: Jan to Mar 2026", segment: "2025-26-q4", rel: "previous" },
      { text: "Next quarter: Jul to Sep 2026", segment: "2026-27-q2", rel: "next" },
      { text: "The whole financial year 2026-27 (Apr 2026 to Mar 2027)", segment: "2026-27", rel: "year" },
    ]);
    expect(periodLinks({ kind: "quarter", period: "2026-27 Q2" }, "2026-27 Q2").map((l) => l.rel)).toEqual(["previous", "year"]);
  });

  it("offers a year's neighbours and the quarters of the year reported so far", () => {
    expect(periodLinks({ kind: "year", financialYear: "2025-26" }, "2026-27 Q2").map((l) => [l.segment, l.text])).toEqual([
      ["2024-25", "Previous year: financial year 2024-25 (Apr 2024 to Mar 2025)"],
      ["2026-27", "Next year: financial year 2026-27 (Apr 2026 to Mar 2027)"],
      ["2025-26-q1", "Apr to Jun 2025"],
      ["2025-26-q2", "Jul to Sep 2025"],
      ["2025-26-q3", "Oct to Dec 2025"],
      ["2025-26-q4", "Jan to Mar 2026"],
    ]);
    expect(periodLinks({ kind: "year", financialYear: "2026-27" }, "2026-27 Q2").map((l) => l.segment)).toEqual(["2025-26", "2026-27-q1", "2026-27-q2"]);
  });
});
