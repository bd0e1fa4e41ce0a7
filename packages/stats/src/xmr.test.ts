import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cite, expectClose, signif, vectors, type SpcCase } from "../test/reference/vectors.ts";
import {
  assuranceOf,
  partOfSequence,
  partOfTwoInThree,
  runCompletions,
  trendCompletions,
  twoInThree,
  xmr,
  type ImprovementDirection,
  type XmrChart,
} from "./xmr.ts";

const byKind = (kind: string) => vectors.spc.filter((c) => c.kind === kind);
const titled = (cases: SpcCase[]) => cases.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const);
const numbers = (c: SpcCase) => c.y.map((v) => v as number);
const options = (c: SpcCase) => ({
  improvement: (c.improvement_direction ?? "increase") as ImprovementDirection,
  screenOutliers: c.screen_outliers ?? true,
  ...(c.fix_after_n_points ? { baselinePoints: c.fix_after_n_points } : {}),
});
const asNumbers = (bs: boolean[]) => bs.map((b) => (b ? 1 : 0));
const direction = (d: string): ImprovementDirection => (d === "neutral" ? "neither" : (d as ImprovementDirection));
const sideOf = (chart: XmrChart, v: number) => Math.sign(v - chart.mean);
const closeTo = (chart: XmrChart, v: number) =>
  !(v > chart.upperLimit || v < chart.lowerLimit) && (v > chart.upperTwoSigma || v < chart.lowerTwoSigma);

describe("XmR limits against NHSRplotthedots 2021 snapshots (limits only: its rules have changed since)", () => {
  it.each(titled(byKind("full_series")))("%s", (_title, c) => {
    const e = c.expected as Record<string, unknown[]>;
    const y = numbers(c);
    // A rebase starts a new group with its own limits: chart each group separately.
    const starts = [0, ...(c.rebase_dates ?? []).map((d) => c.x!.indexOf(d))];
    starts.forEach((start, g) => {
      const end = starts[g + 1] ?? y.length;
      const chart = xmr(y.slice(start, end), options(c));
      for (let i = start; i < end; i++) {
        expectClose(chart.mean, e.mean![i] as number, { rel: 1e-12 });
        expectClose(chart.lowerLimit, e.lpl![i] as number, { rel: 1e-12, abs: 1e-9 });
        expectClose(chart.upperLimit, e.upl![i] as number, { rel: 1e-12 });
        // These follow from the limits alone, whatever the rule version.
        const point = chart.points[i - start]!;
        expect(point.outsideLimits).toBe(e.outside_limits![i]);
        expect(sideOf(chart, y[i]!)).toBe(e.relative_to_mean![i]);
        expect(closeTo(chart, y[i]!)).toBe(e.close_to_limits![i]);
      }
    });
  });
});

describe("XmR against current NHSRplotthedots snapshots (7 significant digits)", () => {
  it.each(titled(byKind("limits_only_partial_flags")))("%s", (_title, c) => {
    const e = c.expected as { mean: number; lpl: number; upl: number } & Record<string, unknown[]>;
    const y = numbers(c);
    const chart = xmr(y, options(c));
    expect(signif(chart.mean, 7)).toBe(e.mean);
    expect(signif(chart.lowerLimit, 7)).toBe(e.lpl);
    expect(signif(chart.upperLimit, 7)).toBe(e.upl);
    e.outside_limits_prefix!.forEach((v, i) => expect(chart.points[i]!.outsideLimits).toBe(v));
    e.relative_to_mean_prefix!.forEach((v, i) => expect(sideOf(chart, y[i]!)).toBe(v));
    e.close_to_limits_prefix!.forEach((v, i) => expect(closeTo(chart, y[i]!)).toBe(v));
  });

  it.each(titled(byKind("summary_low_precision")))("%s", (_title, c) => {
    type Summary = { mean_col: number; lpl: number; upl: number; n: number; common_cause: number; special_cause_improvement: number };
    const e = c.expected as Record<string, Summary>;
    const y = numbers(c);
    const parts: [Summary, number[]][] = [
      [e.no_facet!, y],
      [e.facet_0_first_10_points!, y.slice(0, 10)],
      [e.facet_1_last_10_points!, y.slice(10)],
    ];
    for (const [summary, values] of parts) {
      const chart = xmr(values, { improvement: "increase" });
      expect(signif(chart.mean, 3)).toBe(summary.mean_col);
      expect(signif(chart.lowerLimit, 3)).toBe(summary.lpl);
      expect(signif(chart.upperLimit, 3)).toBe(summary.upl);
      expect(chart.points.length).toBe(summary.n);
      expect(chart.points.filter((p) => p.variation === "common-cause").length).toBe(summary.common_cause);
      expect(chart.points.filter((p) => p.variation === "improvement").length).toBe(summary.special_cause_improvement);
    }
  });

  it.each(titled(byKind("documented_example")))("%s", (_title, c) => {
    const e = c.expected as { upl_2dp: number; mean_2dp: number; lpl_2dp: number; special_cause_point_indices_1based: number[] };
    const chart = xmr(numbers(c), options(c));
    expect(Number(chart.upperLimit.toFixed(2))).toBe(e.upl_2dp);
    expect(Number(chart.mean.toFixed(2))).toBe(e.mean_2dp);
    expect(Number(chart.lowerLimit.toFixed(2))).toBe(e.lpl_2dp);
    chart.points.forEach((p, i) => {
      const special = e.special_cause_point_indices_1based.includes(i + 1);
      expect(p.variation).toBe(special ? "improvement" : "common-cause");
    });
  });

  it.each(titled(byKind("partial_expectation")))("%s", (_title, c) => {
    const e = c.expected as { point_type_last_2: string[] };
    const chart = xmr(numbers(c), { improvement: "increase" });
    expect(chart.points.slice(-2).map((p) => p.variation)).toEqual(
      e.point_type_last_2.map((t) => (t === "common_cause" ? "common-cause" : t)),
    );
  });
});

describe("XmR against nhspy-plotthedots unit tests (exact floats in Python)", () => {
  it.each(titled(byKind("limits_only")))("%s", (_title, c) => {
    const e = c.expected as { mean: number; lpl: number; upl: number; near_lpl: number; near_upl: number };
    const chart = xmr(numbers(c), options(c));
    const tolerance = { rel: 1e-14, abs: 1e-14 };
    expectClose(chart.mean, e.mean, tolerance);
    expectClose(chart.lowerLimit, e.lpl, tolerance);
    expectClose(chart.upperLimit, e.upl, tolerance);
    expectClose(chart.lowerTwoSigma, e.near_lpl, tolerance);
    expectClose(chart.upperTwoSigma, e.near_upl, tolerance);
  });

  it.each(titled(byKind("full_series_no_point_type")))("%s", (_title, c) => {
    const e = c.expected as { mean: number; lpl: number; upl: number } & Record<string, unknown[]>;
    const y = numbers(c);
    const chart = xmr(y, options(c));
    const tolerance = { rel: 1e-14, abs: 1e-14 };
    expectClose(chart.mean, e.mean, tolerance);
    expectClose(chart.lowerLimit, e.lpl, tolerance);
    expectClose(chart.upperLimit, e.upl, tolerance);
    chart.points.forEach((p, i) => {
      expect(p.outsideLimits).toBe(e.outside_limits![i]);
      expect(sideOf(chart, y[i]!)).toBe(e.relative_to_mean![i]);
      expect(closeTo(chart, y[i]!)).toBe(e.close_to_limits![i]);
      expect(p.outsideLimits || p.run || p.trend || p.twoOfThree).toBe(e.special_cause_flag![i]);
    });
  });
});

describe("XmR rules against NHSRplotthedots unit tests", () => {
  const units = vectors.spc_rule_units.map((c, i) => [`${c.function} #${i + 1}: ${cite(c.source)}`, c] as const);
  it.each(units)("%s", (_title, c) => {
    const input = c.inputs;
    switch (c.function) {
      case "ptd_seven_point_one_side_mean":
        expect(runCompletions(input.v!).map(Math.abs)).toEqual(c.expected);
        break;
      case "ptd_part_of_seven_trend":
        expect(asNumbers(partOfSequence(input.v!))).toEqual(c.expected);
        break;
      case "ptd_seven_point_trend":
        expect(trendCompletions(input.y!)).toEqual(c.expected);
        break;
      case "ptd_two_in_three":
        expect(asNumbers(twoInThree(input.v!.map(Boolean), input.rtm!))).toEqual(c.expected);
        break;
      case "ptd_part_of_two_in_three(ptd_two_in_three(v, rtm), v)": {
        const close = input.v!.map(Boolean);
        expect(asNumbers(partOfTwoInThree(twoInThree(close, input.rtm!), close))).toEqual(c.expected);
        break;
      }
      default:
        // ptd_special_cause_type precedence, with the sub-rules mocked in R: see the next test.
        expect(c.function).toContain("precedence");
    }
  });

  it("precedence: outside limits, then trend, then two of three, then run (NHSRplotthedots ptd_special_cause_type)", () => {
    // Mean 10, mean moving range 1 (limits 7.34–12.66, outer third beyond 11.77). The last point
    // is above the mean, part of a falling trend (→ trend wins, direction down) and part of a run above.
    const values = [10, 9.5, 10.5, 9.5, 10.5, 9.5, 10.5, 11.7, 11.6, 11.5, 11.4, 11.3, 11.2, 11.1];
    const chart = xmr(values, { improvement: "increase", screenOutliers: false });
    const last = chart.points.at(-1)!;
    expect(last.trend).toBe(true);
    expect(last.specialCause).toBe("trend");
    expect(last.variation).toBe("concern");
  });
});

describe("assurance against NHSRplotthedots ptd_calculate_assurance_type", () => {
  const labels: Record<string, string | null> = {
    consistent_pass: "pass",
    consistent_fail: "fail",
    inconsistent: "hit-and-miss",
  };
  const cases = vectors.spc_assurance.map((c, i) => [`#${i + 1} ${c.improvement_direction}: ${cite(c.source)}`, c] as const);
  it.each(cases)("%s", (_title, c) => {
    if (c.cases) {
      // With rebase groups the last group's limits decide.
      for (const sub of c.cases) {
        const [lpl, , upl] = sub.rows.at(-1)!;
        expect(assuranceOf({ lowerLimit: lpl, upperLimit: upl }, c.target, direction(c.improvement_direction))).toBe(
          labels[sub.expected],
        );
      }
    } else {
      const expected = c.expected_assurance_type === null ? null : labels[c.expected_assurance_type!];
      expect(assuranceOf({ lowerLimit: c.lpl!, upperLimit: c.upl! }, c.target, direction(c.improvement_direction))).toBe(
        expected,
      );
    }
  });

  it("xmr reports assurance from its limits, and null without a target", () => {
    const values = [50, 52, 49, 51, 50, 48, 52, 51, 49, 50, 51, 50];
    expect(xmr(values, { improvement: "increase", target: 30 }).assurance).toBe("pass");
    expect(xmr(values, { improvement: "decrease", target: 30 }).assurance).toBe("fail");
    expect(xmr(values, { improvement: "increase", target: 50 }).assurance).toBe("hit-and-miss");
    expect(xmr(values, { improvement: "increase" }).assurance).toBeNull();
  });
});

describe("XmR behaviour", () => {
  it.each([
    ["a run of 7 above the mean", [10, 12, 10, 12, 10, 12, 10, 11.5, 12, 11.5, 12, 11.5, 12, 11.5], "increase", "run", "improvement"],
    ["a run of 7 below the mean when lower is better", [12, 10, 12, 10, 12, 10, 12, 10.5, 10, 10.5, 10, 10.5, 10, 10.5], "decrease", "run", "improvement"],
    ["a falling trend of 7", [10, 12, 10, 12, 10, 12, 10, 12, 11.6, 11.4, 11.2, 11, 10.8, 10.6, 10.4], "increase", "trend", "concern"],
    ["a point above the upper limit", [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 20], "increase", "outside-limits", "improvement"],
  ] as const)("flags %s", (_title, values, improvement, rule, variation) => {
    const chart = xmr(values, { improvement });
    expect(chart.points.at(-1)!.specialCause).toBe(rule);
    expect(chart.variation).toBe(variation);
  });

  it("runLength 6 finds a run of 6 that 7 does not", () => {
    const values = [1, 3, 1, 3, 1, 3, 1, 3, 3, 3, 3, 3, 3];
    expect(xmr(values, { improvement: "increase" }).points.at(-1)!.run).toBe(false);
    expect(xmr(values, { improvement: "increase", runLength: 6 }).points.at(-1)!.run).toBe(true);
  });

  it("a point on the mean breaks a run", () => {
    const broken = xmr([0, 0, 0, 3, 3, 3, 2, 3, 3, 3], { improvement: "increase", screenOutliers: false });
    expect(broken.mean).toBe(2);
    expect(broken.points.some((p) => p.run)).toBe(false);
    const unbroken = xmr([0, 0, 0, 3, 3, 3, 3, 3, 3, 3], { improvement: "increase", screenOutliers: false });
    expect(unbroken.points.at(-1)!.run).toBe(true);
  });

  it("improvement 'neither' reports special cause as 'neither'", () => {
    const chart = xmr([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 20], { improvement: "neither" });
    expect(chart.variation).toBe("neither");
    expect(chart.assurance).toBeNull();
  });

  it("fewer than 12 points gives trial limits; baselinePoints fixes the limits on the first n", () => {
    expect(xmr([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3], { improvement: "increase" }).trial).toBe(true);
    const values = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 8, 9, 8, 9];
    const fixed = xmr(values, { improvement: "increase", baselinePoints: 12 });
    expect(fixed.trial).toBe(false);
    expect(fixed.mean).toBe(1.5);
    expect(fixed.points.slice(12).every((p) => p.outsideLimits)).toBe(true);
  });

  it("screening leaves out moving ranges of 3.267 × their mean or more", () => {
    const values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const screened = xmr(values, { improvement: "increase" });
    const unscreened = xmr(values, { improvement: "increase", screenOutliers: false });
    expect(screened.upperLimit).toBeLessThan(unscreened.upperLimit);
    expect(screened.mean).toBe(unscreened.mean);
  });

  it("one point: mean is the value, no limits (NaN), common cause, trial", () => {
    const chart = xmr([7], { improvement: "increase", target: 5 });
    expect(chart.mean).toBe(7);
    expect(chart.upperLimit).toBeNaN();
    expect(chart.lowerLimit).toBeNaN();
    expect(chart.trial).toBe(true);
    expect(chart.variation).toBe("common-cause");
    expect(chart.assurance).toBeNull();
    expect(chart.points[0]!.outsideLimits).toBe(false);
  });

  it("no points at all", () => {
    const chart = xmr([], { improvement: "increase" });
    expect(chart.mean).toBeNaN();
    expect(chart.points).toEqual([]);
    expect(chart.variation).toBe("common-cause");
  });

  it("identical values: limits equal the mean and every point is common cause", () => {
    const chart = xmr([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], { improvement: "increase" });
    expect(chart.upperLimit).toBe(4);
    expect(chart.lowerLimit).toBe(4);
    expect(chart.points.every((p) => p.variation === "common-cause")).toBe(true);
  });

  it("missing values keep their position, are left out of the limits, and break no moving range into two", () => {
    const values = [10, 12, null, 11, 13, 10, null, 12, 11, 13, 12, 10, 11];
    const chart = xmr(values, { improvement: "increase" });
    const present = values.filter((v): v is number => v !== null);
    expect(chart.points).toHaveLength(values.length);
    expect(chart.points[2]).toMatchObject({ value: null, outsideLimits: false, run: false, variation: "common-cause" });
    expect(chart.mean).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 12);
    // Moving ranges only between neighbours that are both recorded: |12−10|, |13−11|, |10−13|, |11−12|, |13−11|, |12−13|, |10−12|, |11−10|.
    const mr = (2 + 2 + 3 + 1 + 2 + 1 + 2 + 1) / 8;
    expect(chart.upperLimit).toBeCloseTo(chart.mean + 2.66 * mr, 12);
  });

  it("the variation is that of the latest recorded point", () => {
    const chart = xmr([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 20, null], { improvement: "increase" });
    expect(chart.variation).toBe("improvement");
  });

  it("rejects a run length below 2", () => {
    expect(() => xmr([1, 2, 3], { improvement: "increase", runLength: 1 })).toThrow(RangeError);
  });

  it("property: limits are symmetric about the mean, and 2σ lies inside 3σ", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }), (values) => {
        const chart = xmr(values, { improvement: "increase" });
        expect(chart.upperLimit - chart.mean).toBeCloseTo(chart.mean - chart.lowerLimit, 6);
        expect(chart.upperTwoSigma).toBeLessThanOrEqual(chart.upperLimit + 1e-9);
        expect(chart.lowerTwoSigma).toBeGreaterThanOrEqual(chart.lowerLimit - 1e-9);
        chart.points.forEach((p) => {
          expect(p.variation === "common-cause").toBe(p.specialCause === null);
        });
      }),
    );
  });
});
