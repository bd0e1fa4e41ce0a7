import { describe, expect, it } from "vitest";
import { formatMeasure, formatMeasureCounts, formatMeasureInterval, oversightMeasures, type MeasureKind } from "@complaints/domain";

/** A measure of each kind, as the template declares it: the compare table formats each through the domain's functions. */
const byKind: Record<MeasureKind, (typeof oversightMeasures)[number]> = {
  proportion: oversightMeasures.find((m) => m.id === "within_timescale")!,
  "rate-per-10000": oversightMeasures.find((m) => m.id === "complaints_per_10000")!,
  mean: oversightMeasures.find((m) => m.id === "er_average_working_days")!,
};
const formatFigure = (kind: MeasureKind, value: number) => formatMeasure(byKind[kind], value);
const formatInterval = (kind: MeasureKind, interval: { lower: number; upper: number } | null) => formatMeasureInterval(byKind[kind], interval);
const formatCounts = (kind: MeasureKind, numerator: number, denominator: number) => formatMeasureCounts(byKind[kind], numerator, denominator);

describe("figures as the compare table shows them", () => {
  it.each([
    ["proportion", 0.4521, "45.2%"],
    ["proportion", 1, "100.0%"],
    ["proportion", 0, "0.0%"],
    ["rate-per-10000", 12.345, "12.3"],
    ["rate-per-10000", 12345.67, "12,345.7"],
    ["mean", 8, "8.0"],
  ] as const)("%s %s reads %s", (kind, value, text) => {
    expect(formatFigure(kind, value)).toBe(text);
  });

  it("gives the interval in the measure's own terms, or nothing without one", () => {
    expect(formatInterval("proportion", { lower: 0.401, upper: 0.5034 })).toBe("40.1% to 50.3%");
    expect(formatInterval("mean", null)).toBe("");
  });

  it("says numerator and denominator in words fit for the measure, with thousands separated", () => {
    expect(formatCounts("proportion", 45, 1000)).toBe("45 out of 1,000");
    expect(formatCounts("rate-per-10000", 1234, 2755526)).toBe("1,234 complaints in 2,755,526 interactions");
    expect(formatCounts("mean", 450, 50)).toBe("450 working days over 50 complaints");
  });
});
