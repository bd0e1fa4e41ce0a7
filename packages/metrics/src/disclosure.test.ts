import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disclosureControl, type DisclosedValue } from "./disclosure.ts";

/** The true values a published figure rounded to 5 can stand for (0 is published exactly). */
const bound = (v: number) => (v === 0 ? [0, 0] : [v - 2, v + 2]);

describe("disclosureControl", () => {
  it.each<[string, number[], DisclosedValue[], DisclosedValue]>([
    ["rounds to the nearest 5", [12, 23, 40], [10, 25, 40], 75],
    ["keeps zeros as 0", [0, 20, 30], [0, 20, 30], 50],
    ["suppresses 1–7 and protects a lone suppressed cell with the next smallest", [3, 20, 41], ["[c]", "[c]", 40], 65],
    ["two small cells protect each other", [3, 4, 50], ["[c]", "[c]", 50], 55],
    ["8 is published (rounded)", [8, 12], [10, 10], 20],
    ["a small total is suppressed too", [3, 0, 0], ["[c]", 0, 0], "[c]"],
    ["all zeros", [0, 0], [0, 0], 0],
    ["ties for the secondary cell take the first", [2, 30, 30], ["[c]", "[c]", 30], 60],
  ])("%s", (_title, counts, cells, total) => {
    const result = disclosureControl(counts);
    expect(result.cells).toEqual(cells);
    expect(result.total).toBe(total);
  });

  it("derives percentages from the rounded figures", () => {
    const result = disclosureControl([12, 23, 40]);
    expect(result.percentages).toEqual([(10 / 75) * 100, (25 / 75) * 100, (40 / 75) * 100]);
    expect(disclosureControl([3, 20, 41]).percentages).toEqual(["[c]", "[c]", (40 / 65) * 100]);
    expect(disclosureControl([0, 0]).percentages).toEqual(["[z]", "[z]"]);
  });

  it("is configurable", () => {
    const result = disclosureControl([4, 12, 30], { suppressBelow: 5, roundTo: 1 });
    expect(result.cells).toEqual(["[c]", "[c]", 30]);
    expect(result.total).toBe(46);
    expect(disclosureControl([6, 12, 30], { suppressBelow: 5, roundTo: 10 }).cells).toEqual([10, 10, 30]);
  });

  it("rejects negative counts", () => {
    expect(() => disclosureControl([-1, 3])).toThrow(RangeError);
  });

  it("property: a suppressed cell can never be worked out from the total and the other cells", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const { cells, total } = disclosureControl(counts);
        const suppressed = cells.flatMap((c, i) => (c === "[c]" ? [i] : []));
        // Never exactly one suppressed cell beside a published total...
        if (suppressed.length === 1) expect(total).toBe("[c]");
        // ...and every suppressed cell admits more than one true value given everything published:
        if (total !== "[c]" && suppressed.length > 0) {
          const [tLo, tHi] = bound(total);
          for (const i of suppressed) {
            let othersLo = 0;
            let othersHi = 0;
            cells.forEach((c, j) => {
              if (j === i) return;
              const [lo, hi] = c === "[c]" ? [1, Number.POSITIVE_INFINITY] : bound(c);
              othersLo += lo!;
              othersHi += hi!;
            });
            const lowest = Math.max(1, tLo! - othersHi);
            const highest = tHi! - othersLo;
            expect(highest - lowest).toBeGreaterThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("property: published cells are multiples of 5 and percentages of published cells are consistent", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 }), (counts) => {
        const { cells, total, percentages } = disclosureControl(counts);
        cells.forEach((c, i) => {
          if (c !== "[c]") {
            expect(c % 5).toBe(0);
            if (typeof total === "number" && total > 0) expect(percentages[i]).toBeCloseTo((c / total) * 100, 10);
          } else {
            expect(percentages[i]).toBe("[c]");
          }
        });
      }),
    );
  });
});
