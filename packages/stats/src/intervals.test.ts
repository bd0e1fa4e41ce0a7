import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cite, expectClose, vectors } from "../test/reference/vectors.ts";
import { rateInterval, wilsonInterval } from "./intervals.ts";
import { byarInterval, exactPoissonInterval, poissonInterval } from "./poisson.ts";

// Excel/R values to full double precision; our quantiles agree to ~1e-13, so 1e-10 relative is ample.
const tight = { rel: 1e-10, abs: 1e-14 };

describe("wilsonInterval against PHEindicatormethods", () => {
  it.each(vectors.wilson.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const))("%s", (_title, c) => {
    const ci = wilsonInterval(c.x, c.n, c.confidence_percent / 100);
    expectClose(ci.lower * c.multiplier, c.expected_lower, tight);
    expectClose(ci.upper * c.multiplier, c.expected_upper, tight);
  });
});

describe("byarInterval against PHEindicatormethods", () => {
  it.each(vectors.byar.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const))("%s", (_title, c) => {
    const ci = byarInterval(c.count, c.confidence_percent / 100);
    const scale = c.denominator === null ? 1 : (c.multiplier ?? 1) / c.denominator;
    if (c.expected_lower === null) {
      // Byar's lower limit is negative here; R returns NA and so do we (NaN).
      expect(ci.lower).toBeNaN();
    } else {
      expectClose(ci.lower * scale, c.expected_lower, tight);
    }
    expectClose(ci.upper * scale, c.expected_upper, tight);
    if (c.denominator !== null && c.expected_lower !== null) {
      // Counts of 10 or more: the rate interval is Byar's.
      const rate = rateInterval(c.count, c.denominator, c.multiplier ?? 1, c.confidence_percent / 100);
      expectClose(rate.lower, c.expected_lower, tight);
      expectClose(rate.upper, c.expected_upper, tight);
    }
  });
});

describe("rateInterval uses exact Poisson below 10 events, as PHEindicatormethods phe_rate", () => {
  it.each(vectors.rate_exact_poisson.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const))("%s", (_title, c) => {
    const ci = rateInterval(c.count, c.denominator!, c.multiplier!, c.confidence_percent / 100);
    expectClose(ci.lower, c.expected_lower!, tight);
    expectClose(ci.upper, c.expected_upper, tight);
  });
});

describe("exactPoissonInterval against FunnelPlotR's exact Poisson ratio limits", () => {
  // ll = qchisq(α/2, 2E)/2/E, ul = qchisq(1 − α/2, 2E + 2)/2/E; the test rounds lower limits to 7 dp, upper to 6 dp.
  it.each(vectors.funnel_poisson_ratio_limits.map((c) => [`E = ${c.expected_events}: ${cite(c.source)}`, c] as const))(
    "%s",
    (_title, c) => {
      const e = c.expected_events;
      const ci95 = exactPoissonInterval(e, 0.95);
      const ci998 = exactPoissonInterval(e, 0.998);
      expect(Number(((c.target * ci95.lower) / e).toFixed(7))).toBe(c.expected_lower_95);
      expect(Number(((c.target * ci95.upper) / e).toFixed(6))).toBe(c.expected_upper_95);
      expect(Number(((c.target * ci998.lower) / e).toFixed(7))).toBe(c.expected_lower_99_8);
      expect(Number(((c.target * ci998.upper) / e).toFixed(6))).toBe(c.expected_upper_99_8);
    },
  );
});

describe("interval edge cases", () => {
  it.each([
    ["0 of n has lower limit 0", 0, 20, (ci: { lower: number; upper: number }) => expect(ci.lower).toBe(0)],
    ["n of n has upper limit 1", 20, 20, (ci: { lower: number; upper: number }) => expect(ci.upper).toBe(1)],
    ["0 of 0 has no interval (NaN)", 0, 0, (ci: { lower: number; upper: number }) => {
      expect(ci.lower).toBeNaN();
      expect(ci.upper).toBeNaN();
    }],
  ])("wilsonInterval: %s", (_title, x, n, check) => {
    check(wilsonInterval(x, n));
    check(wilsonInterval(x, n, 0.998));
  });

  it.each([
    ["successes above trials", () => wilsonInterval(5, 4)],
    ["negative successes", () => wilsonInterval(-1, 4)],
    ["confidence given as a percentage", () => wilsonInterval(1, 4, 95)],
    ["confidence of 1", () => wilsonInterval(1, 4, 1)],
    ["negative count", () => poissonInterval(-1)],
    ["negative denominator", () => rateInterval(1, -5)],
  ])("throws a RangeError for %s", (_title, call) => {
    expect(call).toThrow(RangeError);
  });

  it("poissonInterval switches from exact to Byar's at 10 events", () => {
    expect(poissonInterval(9)).toEqual(exactPoissonInterval(9));
    expect(poissonInterval(10)).toEqual(byarInterval(10));
  });

  it("0 events: exact lower limit 0, upper −ln(α/2) (qchisq(0.975, 2)/2)", () => {
    const ci = poissonInterval(0);
    expect(ci.lower).toBe(0);
    expectClose(ci.upper, -Math.log(0.025), tight);
  });

  it("a rate with a zero denominator has no interval", () => {
    const ci = rateInterval(0, 0, 10_000);
    expect(ci.lower).toBeNaN();
    expect(ci.upper).toBeNaN();
  });
});

describe("interval properties", () => {
  const confidence = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998, 0.9999);
  const counts = fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it("Wilson limits lie in [0, 1], lower ≤ estimate ≤ upper", () => {
    fc.assert(
      fc.property(counts, confidence, ([x, n], c) => {
        const { lower, upper } = wilsonInterval(x, n, c);
        const p = x / n;
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(p + 1e-12);
        expect(upper).toBeGreaterThanOrEqual(p - 1e-12);
      }),
    );
  });

  it("a higher confidence gives a wider Wilson interval", () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const narrow = wilsonInterval(x, n, 0.95);
        const wide = wilsonInterval(x, n, 0.998);
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
      }),
    );
  });

  it("Poisson limits contain the count and are ordered", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), confidence, (count, c) => {
        const { lower, upper } = poissonInterval(count, c);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(lower).toBeLessThanOrEqual(count);
        expect(upper).toBeGreaterThanOrEqual(count);
      }),
    );
  });
});

describe("Wilson interval at the edges", () => {
  it.each([0.95, 0.998])("is exactly [.., 1] for n of n and [0, ..] for 0 of n at %s (seen as 0.9999999999999998 for 141510 of 141510)", (c) => {
    expect(wilsonInterval(141_510, 141_510, c).upper).toBe(1);
    expect(wilsonInterval(0, 141_510, c).lower).toBe(0);
  });
});
