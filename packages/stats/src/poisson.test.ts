import { describe, expect, it } from "vitest";
import { byarInterval, exactPoissonInterval, poissonInterval } from "./poisson.ts";

// Reference values read from the peer projects' own test data (copied from
// test/reference/statistics-vectors.json, which holds every case; each row cites its source).
const phe = "ukhsa-collaboration/PHEindicatormethods:tests/testthat";
const funnelPlotR = "nhs-r-community/FunnelPlotR:tests/testthat/test-poisson_limits.R@9020d4972873d863e10b8a16555975f0e322adfc";

function expectRelativelyClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 * Math.abs(expected) + 1e-14);
}

describe("Poisson intervals for a count, against PHEindicatormethods and FunnelPlotR", () => {
  it.each([
    // Exact (Garwood) limits below 10 events: phe_rate's rows divided back to a count (÷ 100 × 100).
    [`${phe}/testdata_Rate.xlsx row 2, 95%`, 1, 0.95, 0.025317807984289897, 5.571643390938898],
    [`${phe}/testdata_Rate.xlsx row 2, 99.8%`, 1, 0.998, 0.0010005003335835344, 9.233413476451585],
    [`${phe}/testdata_Rate.xlsx row 3, 99.8%`, 5, 0.998, 0.739371731917839, 16.454745203680105],
    // Byar's limits from 10 events.
    [`${phe}/testdata_Byars_Wilson.xlsx row 7, 99.8%`, 10, 0.998, 2.916318374695686, 24.193724927880535],
    [`${phe}/testdata_Byars_Wilson.xlsx row 5, 99.8%`, 65, 0.998, 42.8802614714802, 94.00029084431802],
    [`${phe}/testdata_Byars_Wilson.xlsx row 2, 95%`, 65, 0.95, 50.163187710459454, 82.84913854593984],
  ])("poissonInterval: %s", (_source, count, confidence, lower, upper) => {
    const ci = poissonInterval(count, confidence);
    expectRelativelyClose(ci.lower, lower);
    expectRelativelyClose(ci.upper, upper);
  });

  it.each([
    // FunnelPlotR's exact limits for a standardised ratio with E expected events: the interval ÷ E, rounded as its test does.
    [15, 0.386265, 2.082907],
    [20, 0.4479107, 1.902094],
    [30, 0.5289724, 1.702771],
  ])(`exactPoissonInterval at 99.8%%, E = %d (${funnelPlotR})`, (e, lower, upper) => {
    const ci = exactPoissonInterval(e, 0.998);
    expect(Number((ci.lower / e).toFixed(7))).toBe(lower);
    expect(Number((ci.upper / e).toFixed(6))).toBe(upper);
  });

  it("Byar's lower limit for 1 event at 99.8% is negative, so NaN as R's NA", () => {
    // PHEindicatormethods testdata_Byars_Wilson.xlsx row 14: lower NA, upper 9.362180217908362.
    const ci = byarInterval(1, 0.998);
    expect(ci.lower).toBeNaN();
    expectRelativelyClose(ci.upper, 9.362180217908362);
  });

  it("0 events: lower 0, upper −ln(α/2); bad input is a RangeError", () => {
    expect(poissonInterval(0, 0.998).lower).toBe(0);
    expectRelativelyClose(poissonInterval(0, 0.998).upper, -Math.log(0.001));
    expect(() => poissonInterval(-1)).toThrow(RangeError);
    expect(() => poissonInterval(1, 99.8)).toThrow(RangeError);
  });
});
