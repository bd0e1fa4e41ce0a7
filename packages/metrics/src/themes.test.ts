import { describe, expect, it } from "vitest";
import { xmr } from "@complaints/stats";
import { emergingThemes, pooledThemeRates, ratePer100, themePanel, themeRatesOf, type ThemeReturn, type ThemeSeries } from "./themes.ts";

const quarters = (startYear: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = startYear + Math.floor(i / 4);
    return `${year}-${String((year + 1) % 100).padStart(2, "0")} Q${(i % 4) + 1}`;
  });

/**
 * The XmR rules' reference series, read as rates per 100 complaints received by a very large department
 * (a million complaints a quarter), so every special cause is also far beyond Poisson chance and the
 * tests of the rules test the rules. `received: null` reads them as counts.
 */
const series = (key: string, theme: string, values: readonly (number | null)[], startYear = 2022, received: number | null = 1_000_000): ThemeSeries => ({
  key,
  theme,
  points: quarters(startYear, values.length).map((period, i) => ({ period, value: values[i]!, received })),
});

describe("emergingThemes", () => {
  it.each([
    ["a quarter above the upper limit", [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 40], "above-upper-limit"],
    ["a rising trend", [20, 24, 20, 24, 20, 24, 20, 21, 22, 23, 24, 25, 26], "rising-trend"],
    ["a run above the mean", [20, 24, 20, 24, 20, 24, 20, 23, 24, 23, 24, 23, 24, 23], "run-above-mean"],
    ["two of three high in the outer third", [20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 25.8, 23, 25.8], "two-of-three-high"],
  ] as const)("finds %s", (_title, values, reason) => {
    const [found] = emergingThemes([series("DfX", "theme_delay", values)]);
    expect(found).toMatchObject({ key: "DfX", theme: "theme_delay", reason, value: values.at(-1) });
    expect(found!.period).toBe(quarters(2022, values.length).at(-1));
  });

  it("ignores common-cause variation and special cause low", () => {
    const found = emergingThemes([
      series("A", "steady", [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 20]),
      series("A", "falling", [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 2]),
    ]);
    expect(found).toEqual([]);
  });

  it("reports each body and theme separately", () => {
    const high = [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 40];
    const found = emergingThemes([series("A", "t1", high), series("B", "t1", high.map((v, i) => (i === 11 ? 21 : v)))]);
    expect(found.map((f) => f.key)).toEqual(["A"]);
  });

  it("sorts quarters and treats a missing quarter as missing, not zero", () => {
    const values = [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 40];
    const s = series("A", "t", values);
    const shuffled: ThemeSeries = { ...s, points: s.points.toReversed().filter((_, i) => i !== 5) };
    const [found] = emergingThemes([shuffled]);
    expect(found).toMatchObject({ reason: "above-upper-limit", value: 40, period: "2024-25 Q4" });
  });

  it("a missing latest quarter is not an emerging theme; an empty series is skipped", () => {
    expect(emergingThemes([series("A", "t", [20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 40, null])])).toEqual([]);
    expect(emergingThemes([{ key: "A", theme: "t", points: [] }])).toEqual([]);
  });

  it("one quarter has no limits and is never emerging", () => {
    expect(emergingThemes([series("A", "t", [100])])).toEqual([]);
  });

  it("rejects an unknown period or a repeated quarter", () => {
    expect(() => emergingThemes([{ key: "A", theme: "t", points: [{ period: "2025 Q1", value: 1 }] }])).toThrow(RangeError);
    expect(() =>
      emergingThemes([{ key: "A", theme: "t", points: [{ period: "2025-26 Q1", value: 1 }, { period: "2025-26 Q1", value: 2 }] }]),
    ).toThrow(RangeError);
  });

  it("on a nearly flat series, a change of 3 complaints fires an XmR rule but is within Poisson chance: not emerging", () => {
    // Counts 20 or 21 for 11 quarters: the mean moving range is about 1.1, so the upper process limit
    // is about 23.6 and 24 is "above the upper limit". At the mean of 20.5 the 99.8% Poisson interval
    // (Byar's method, Breslow & Day 1987) reaches about 38.7, so 24 complaints is chance.
    const flat = [20, 21, 20, 21, 20, 20, 21, 20, 21, 20, 21, 24];
    expect(xmr(flat, { improvement: "decrease" }).points.at(-1)).toMatchObject({ specialCause: "outside-limits", variation: "concern" });
    expect(emergingThemes([series("A", "t", flat, 2022, null)])).toEqual([]);
    // The same shape as a rate per 100 of only 200 complaints received a quarter: 48 against 41 expected.
    expect(emergingThemes([series("A", "t", flat, 2022, 200)])).toEqual([]);
  });

  it("a count above the 99.8% Poisson interval of the count expected at its mean rate is emerging", () => {
    // 20 or 21 a quarter, then 40: the Byar 99.8% upper limit at 20.5 expected is about 38.7 (Breslow &
    // Day 1987; PHEindicatormethods byars_upper), so 40 is beyond chance as well as above the process limit.
    const values = [20, 21, 20, 21, 20, 20, 21, 20, 21, 20, 21, 40];
    expect(emergingThemes([series("A", "t", values, 2022, null)])[0]).toMatchObject({ reason: "above-upper-limit", value: 40 });
    // As rates per 100 received with 100 complaints a quarter (counts equal to rates): the same verdicts.
    expect(emergingThemes([series("A", "t", values, 2022, 100)])[0]).toMatchObject({ reason: "above-upper-limit", value: 40 });
    expect(emergingThemes([series("A", "t", values.map((v, i) => (i === 11 ? 38 : v)), 2022, 100)])).toEqual([]);
  });

  it("uses a configurable run length", () => {
    const values = [20, 24, 20, 24, 20, 24, 20, 24, 20, 20, 23, 24, 23, 24, 23, 24];
    expect(emergingThemes([series("A", "t", values)])).toEqual([]);
    expect(emergingThemes([series("A", "t", values)], { runLength: 6 })[0]?.reason).toBe("run-above-mean");
  });

  it("works on rates as well as counts: the reference series scaled to a rate per 100 gives the same verdicts", () => {
    // The reference series above, each divided by 8 complaints received per 100 (a rate, not whole numbers).
    const cases: [readonly number[], string][] = [
      [[20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 22, 40], "above-upper-limit"],
      [[20, 24, 20, 24, 20, 24, 20, 21, 22, 23, 24, 25, 26], "rising-trend"],
      [[20, 24, 20, 24, 20, 24, 20, 23, 24, 23, 24, 23, 24, 23], "run-above-mean"],
      [[20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 25.8, 23, 25.8], "two-of-three-high"],
    ];
    for (const [values, reason] of cases) {
      const [asCounts] = emergingThemes([series("A", "t", values)]);
      const [asRates] = emergingThemes([series("A", "t", values.map((v) => v / 8))]);
      expect(asRates).toMatchObject({ reason, value: values.at(-1)! / 8 });
      expect(asRates!.mean).toBeCloseTo(asCounts!.mean / 8, 12);
      expect(asRates!.upperLimit).toBeCloseTo(asCounts!.upperLimit / 8, 12);
    }
  });
});

describe("rates per 100 received and the fixed panel", () => {
  const ret = (key: string, period: string, received: number | null, counts: Record<string, number | null>): ThemeReturn => ({ key, period, received, counts });
  const periods = ["2025-26 Q1", "2025-26 Q2"];
  // A: 100 then 200 received; B: 50 and 50; C reported only the second quarter; D gave no figure for received in the first.
  const returns = [
    ret("A", "2025-26 Q1", 100, { delay: 10, policy: 1 }),
    ret("A", "2025-26 Q2", 200, { delay: 30, policy: 2 }),
    ret("B", "2025-26 Q1", 50, { delay: 5, policy: 4 }),
    ret("B", "2025-26 Q2", 50, { delay: 20, policy: null }),
    ret("C", "2025-26 Q2", 1000, { delay: 900, policy: 0 }),
    ret("D", "2025-26 Q1", null, { delay: 3 }),
    ret("D", "2025-26 Q2", 10, { delay: 3 }),
  ];

  it("a rate per 100 is the count over complaints received, times 100; nothing received gives no rate", () => {
    expect(ratePer100(7, 20)).toBe(35);
    expect(ratePer100(1, 3)).toBeCloseTo(33.333333, 5);
    expect(ratePer100(0, 50)).toBe(0);
    expect(ratePer100(5, 0)).toBeNull();
    expect(ratePer100(null, 10)).toBeNull();
    expect(ratePer100(5, null)).toBeNull();
  });

  it("the panel is the bodies that gave complaints received in every quarter; the others are listed with what they missed", () => {
    expect(themePanel(returns, periods)).toEqual({
      members: ["A", "B"],
      leftOut: [
        { key: "C", missing: ["2025-26 Q1"] },
        { key: "D", missing: ["2025-26 Q1"] },
      ],
    });
    expect(themePanel(returns, [])).toEqual({ members: [], leftOut: ["A", "B", "C", "D"].map((key) => ({ key, missing: [] })) });
  });

  it("pools the panel's counts over the panel's complaints received, not the mean of their rates, and leaves others out", () => {
    const [delay, policy] = pooledThemeRates(returns, ["A", "B"], periods, ["delay", "policy"]);
    // Q1: (10 + 5) / (100 + 50) = 10 per 100; Q2: (30 + 20) / (200 + 50) = 20 per 100 (the mean of 15 and 40 would be 27.5).
    expect(delay).toEqual({ theme: "delay", counts: [15, 50], received: [150, 250], rates: [10, 20] });
    // B gave no policy figure in Q2: left out of both sides, so 2 / 200 = 1 per 100.
    expect(policy).toEqual({ theme: "policy", counts: [5, 2], received: [150, 200], rates: [(5 / 150) * 100, 1] });
    expect(pooledThemeRates(returns, [], periods, ["delay"])[0]!.rates).toEqual([null, null]);
  });

  it("gives one body's rates quarter by quarter, null where it made no return", () => {
    const c = themeRatesOf(returns.filter((r) => r.key === "C"), periods, ["delay"]);
    expect(c).toEqual([{ theme: "delay", counts: [null, 900], received: [null, 1000], rates: [null, 90] }]);
  });
});
