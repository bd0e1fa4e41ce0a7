import { describe, expect, it } from "vitest";
import { matchedPanel, type PanelBody } from "./panel.ts";

const thisYear = ["2026-27 Q1", "2026-27 Q2", "2026-27 Q3", "2026-27 Q4"];
const lastYear = ["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"];
const sent = (key: string, periods: readonly string[]) => periods.map((period) => ({ key, period }));

const bodies: PanelBody[] = [
  { key: "STEADY", name: "Steady body", expected: true },
  { key: "GAP", name: "Body missing a quarter", expected: true },
  { key: "NEW", name: "New body", expected: true },
  { key: "LATE", name: "Late body", expected: true },
  { key: "CLOSED", name: "Closed body", expected: false },
  { key: "NEVER", name: "Never open", expected: false },
];

describe("matchedPanel", () => {
  const panel = matchedPanel({
    bodies,
    current: thisYear,
    earlier: lastYear,
    counted: [
      ...sent("STEADY", [...thisYear, ...lastYear]),
      // Missed Oct to Dec this year: that quarter is left out, the other three count.
      ...sent("GAP", [...thisYear.filter((q) => q !== "2026-27 Q3"), ...lastYear]),
      ...sent("NEW", thisYear.slice(1)),
      ...sent("LATE", lastYear),
      ...sent("CLOSED", lastYear.slice(0, 2)),
      // A quarter outside both periods is ignored.
      ...sent("NEVER", ["2020-21 Q1"]),
    ],
  });

  it("pairs each quarter sent in both years, and only those", () => {
    expect(panel.pairs.map((p) => `${p.key} ${p.current}/${p.earlier}`)).toEqual([
      "STEADY 2026-27 Q1/2025-26 Q1",
      "STEADY 2026-27 Q2/2025-26 Q2",
      "STEADY 2026-27 Q3/2025-26 Q3",
      "STEADY 2026-27 Q4/2025-26 Q4",
      "GAP 2026-27 Q1/2025-26 Q1",
      "GAP 2026-27 Q2/2025-26 Q2",
      "GAP 2026-27 Q4/2025-26 Q4",
    ]);
  });

  it("covers a body missing one quarter for its other quarters, and names the quarter left out", () => {
    expect(panel.covered).toEqual([
      { key: "STEADY", name: "Steady body" },
      { key: "GAP", name: "Body missing a quarter" },
    ]);
    expect(panel.partly).toEqual([{ key: "GAP", name: "Body missing a quarter", quarters: ["2026-27 Q3"] }]);
  });

  it("names the bodies left out with why: joining, not sent, closed; a body never open is not mentioned", () => {
    expect(panel.leftOut).toEqual([
      { key: "NEW", name: "New body", reason: "none-earlier" },
      { key: "LATE", name: "Late body", reason: "not-sent" },
      { key: "CLOSED", name: "Closed body", reason: "not-expected" },
    ]);
    expect(panel.expected).toBe(4);
    // 2 of 4 expected: half, so outputs lead with coverage.
    expect(panel.lowCoverage).toBe(true);
  });

  it("is not low coverage when more than half the bodies expected are covered", () => {
    const three = matchedPanel({ bodies: bodies.slice(0, 3), current: thisYear, earlier: lastYear, counted: [...sent("STEADY", [...thisYear, ...lastYear]), ...sent("GAP", ["2026-27 Q1", "2025-26 Q1"])] });
    expect(three.covered.map((b) => b.key)).toEqual(["STEADY", "GAP"]);
    expect(three.lowCoverage).toBe(false);
  });

  it("leaves out a body that sent in both periods but never the same quarter", () => {
    const apart = matchedPanel({ bodies: bodies.slice(0, 1), current: ["2026-27 Q2", "2026-27 Q3"], earlier: ["2025-26 Q2", "2025-26 Q3"], counted: [{ key: "STEADY", period: "2026-27 Q2" }, { key: "STEADY", period: "2025-26 Q3" }] });
    expect(apart.leftOut).toEqual([{ key: "STEADY", name: "Steady body", reason: "no-quarter-in-both" }]);
    expect(apart.pairs).toEqual([]);
  });

  it("refuses periods of different lengths", () => {
    expect(() => matchedPanel({ bodies, current: thisYear, earlier: lastYear.slice(0, 1), counted: [] })).toThrow(RangeError);
  });
});
