import { describe, expect, it } from "vitest";
import { coverageSentence, leftOutItems, type PanelCoverage } from "./panel-coverage.ts";

const body = (organisationCode: string) => ({ organisationCode, name: `Body ${organisationCode}` });
const panel = (covered: number, expected: number, lowCoverage: boolean): PanelCoverage => ({
  expected,
  covered: Array.from({ length: covered }, (_, i) => body(String(i))),
  partly: [{ ...body("P"), words: "Oct to Dec 2026 left out: not counted in both years" }],
  leftOut: [{ ...body("L"), words: "no return counts for Jul to Sep 2026 yet" }],
  lowCoverage,
});

describe("who a comparison with a year earlier covers, in words", () => {
  it.each([
    [panel(11, 14, false), "The comparison covers 11 of 14 bodies: the quarters each sent in both Jul to Sep 2026 and Jul to Sep 2025."],
    [panel(7, 14, true), "Only 7 of 14 bodies sent returns for the same quarters of Jul to Sep 2026 and Jul to Sep 2025: too few to say how the department changed. The comparison covers only those bodies."],
    [panel(1, 1, false), "The comparison covers 1 of 1 body: the quarters each sent in both Jul to Sep 2026 and Jul to Sep 2025."],
    [panel(0, 3, true), "No body sent returns for the same quarters of Jul to Sep 2026 and Jul to Sep 2025, so there is nothing to compare."],
  ])("%#", (p, words) => {
    expect(coverageSentence(p, "Jul to Sep 2026", "Jul to Sep 2025")).toBe(words);
  });

  it("names the bodies left out, then those with quarters left out, each with why", () => {
    expect(leftOutItems(panel(2, 3, false)).map((b) => b.text)).toEqual(["Body L: no return counts for Jul to Sep 2026 yet", "Body P: Oct to Dec 2026 left out: not counted in both years"]);
  });
});
