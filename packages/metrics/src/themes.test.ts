import { describe, expect, it } from "vitest";
import { emergingThemes, type ThemeSeries } from "./themes.ts";

const quarters = (startYear: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = startYear + Math.floor(i / 4);
    return `${year}-${String((year + 1) % 100).padStart(2, "0")} Q${(i % 4) + 1}`;
  });

const series = (key: string, theme: string, values: readonly (number | null)[], startYear = 2022): ThemeSeries => ({
  key,
  theme,
  points: quarters(startYear, values.length).map((period, i) => ({ period, value: values[i]! })),
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

  it("uses a configurable run length", () => {
    const values = [20, 24, 20, 24, 20, 24, 20, 24, 20, 20, 23, 24, 23, 24, 23, 24];
    expect(emergingThemes([series("A", "t", values)])).toEqual([]);
    expect(emergingThemes([series("A", "t", values)], { runLength: 6 })[0]?.reason).toBe("run-above-mean");
  });
});
