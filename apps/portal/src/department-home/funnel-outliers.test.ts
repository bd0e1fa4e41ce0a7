import { describe, expect, it } from "vitest";
import { oversightMeasures } from "@complaints/domain";
import { outliers, outlierText, type Funnel, type FunnelPoint } from "./funnel-outliers.ts";

const withinTimescale = oversightMeasures.find((m) => m.id === "within_timescale")!;

const point = (name: string, proportion: number, outside95: boolean, outside998: boolean, side: FunnelPoint["side"], zScore: number) =>
  ({ organisationCode: name, name, numerator: 0, denominator: 0, proportion, zScore, limits95: null, limits998: null, outside95, outside998, side }) as FunnelPoint;

describe("bodies outside the funnel limits, in words", () => {
  it.each([
    ["higher-is-better", "above", true, "91.1%: higher than the department, outside the 99.8% limits, better than expected"],
    ["higher-is-better", "below", false, "91.1%: lower than the department, outside the 95% limits, worse than expected"],
    ["lower-is-better", "above", false, "91.1%: higher than the department, outside the 95% limits, worse than expected"],
    ["none", "below", true, "91.1%: lower than the department, outside the 99.8% limits"],
  ] as const)("%s, %s, outside 99.8%%: %s", (polarity, side, outside998, text) => {
    expect(outlierText(point("X", 0.91058, true, outside998, side, 3), { ...withinTimescale, polarity })).toBe(text);
  });

  it("lists only bodies outside the 95% limits, those outside 99.8% first, then the furthest out", () => {
    const funnel = { points: [point("In", 0.5, false, false, null, 0.5), point("Near", 0.6, true, false, "above", 2.1), point("Far", 0.2, true, true, "below", -4), point("Farther", 0.9, true, false, "above", 2.9)] } as unknown as Funnel;
    expect(outliers(funnel).map((p) => p.name)).toEqual(["Far", "Farther", "Near"]);
  });
});
