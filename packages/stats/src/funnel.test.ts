import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cite, expectClose, vectors } from "../test/reference/vectors.ts";
import { funnelAxis, funnelCurve, funnelLimits, funnelLimitsAt, funnelPlot, overdispersion, quantileType7 } from "./funnel.ts";

const inputs = vectors.funnel_inputs[0]!;
const rowsFor = (c: { input_rows_used: string }) =>
  c.input_rows_used.includes("denominator < 31000") ? inputs.rows.filter((r) => r.denominator < 31000) : inputs.rows;
const pooledOf = (rows: readonly { numerator: number; denominator: number }[]) =>
  rows.reduce((s, r) => s + r.numerator, 0) / rows.reduce((s, r) => s + r.denominator, 0);

describe("funnelLimits against PHEindicatormethods calculate_funnel_limits (proportions, percent)", () => {
  // The CSVs round to 6 (or 8) decimal places of a percentage.
  const rounding = { abs: 5.1e-7 };
  it.each(vectors.funnel.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const))("%s", (_title, c) => {
    const pooled = pooledOf(rowsFor(c));
    expectClose(pooled * 100, c.baseline_percent, rounding);
    const l95 = funnelLimits(pooled, c.population, 0.95);
    const l998 = funnelLimits(pooled, c.population, 0.998);
    expectClose(l95.lower * 100, c.expected_lower_95, rounding);
    expectClose(l95.upper * 100, c.expected_upper_95, rounding);
    expectClose(l998.lower * 100, c.expected_lower_99_8, rounding);
    expectClose(l998.upper * 100, c.expected_upper_99_8, rounding);
  });
});

describe(`funnelPlot significance against PHEindicatormethods assign_funnel_significance: ${cite(inputs.source)}`, () => {
  const plot = funnelPlot(inputs.rows.map((r) => ({ id: r.area, numerator: r.numerator, denominator: r.denominator })));
  const category = (p: (typeof plot.points)[number]) => {
    if (!p.outside95) return "Not significant";
    const side = p.side === "above" ? "High" : "Low";
    return `${side} (${p.outside998 ? "0.001" : "0.025"})`;
  };
  it.each(inputs.rows.map((r, i) => [r.area, r.expected_significance, i] as const))("%s: %s", (_area, expected, i) => {
    expect(category(plot.points[i]!)).toBe(expected);
  });
  it("pools by summing numerators and denominators", () => {
    expect(plot.pooledProportion).toBe(pooledOf(inputs.rows));
  });
});

describe("overdispersion against FunnelPlotR", () => {
  it.each(vectors.overdispersion.map((c) => [`${c.id}: ${cite(c.source)}`, c] as const))("%s", (_title, c) => {
    // FunnelPlotR's default for standardised ratios (sr_method "SHMI"): log-scale z-scores
    // z = √E · log(O/E), s = 1/√E, truncated (not Winsorised) at 10% each end.
    const z = c.numerator.map((o, i) => Math.sqrt(c.denominator[i]!) * Math.log(o / c.denominator[i]!));
    const s = c.denominator.map((e) => 1 / Math.sqrt(e));
    const result = overdispersion(z, s, { method: "truncate", trimBy: 0.1 });
    expect(Number(result.phi.toFixed(6))).toBe(c.expected_phi_rounded_6dp);
    // The FunnelPlotR test has no numeric τ²; it only shows the adjusted limits are wider, i.e. τ² > 0.
    expect(result.tau2).toBeGreaterThan(0);
  });

  it("Winsorises at the 10th and 90th percentiles (R quantile type 7)", () => {
    expect(quantileType7([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBeCloseTo(1.9, 12);
    const z = [-10, -1, 0, 1, 10, 0.5, -0.5, 0.2, -0.2, 0.3];
    const lz = quantileType7(z, 0.1);
    const uz = quantileType7(z, 0.9);
    const expected = z.map((v) => Math.min(uz, Math.max(lz, v))).reduce((a, v) => a + v * v, 0) / z.length;
    expect(overdispersion(z, z.map(() => 0.1), { method: "winsorise" }).phi).toBeCloseTo(expected, 12);
  });

  it("τ² is 0 when nφ < n − 1", () => {
    expect(overdispersion([0.1, -0.1, 0.2], [0.1, 0.1, 0.1], { method: "winsorise" }).tau2).toBe(0);
  });
});

describe("funnelPlot with over-dispersion (Spiegelhalter, as FunnelPlotR for proportions)", () => {
  const bodies = [
    { id: "a", numerator: 50, denominator: 100 },
    { id: "b", numerator: 300, denominator: 1000 },
    { id: "c", numerator: 700, denominator: 1000 },
    { id: "d", numerator: 40, denominator: 100 },
    { id: "e", numerator: 1100, denominator: 2000 },
    { id: "f", numerator: 20, denominator: 60 },
  ];
  it("widens the limits and reduces the z-scores when bodies vary more than chance", () => {
    const plain = funnelPlot(bodies);
    const adjusted = funnelPlot(bodies, { overdispersion: true });
    expect(plain.overdispersion).toBeNull();
    expect(adjusted.overdispersion!.phi).toBeGreaterThan(1);
    expect(adjusted.overdispersion!.tau2).toBeGreaterThan(0);
    adjusted.points.forEach((p, i) => {
      expect(Math.abs(p.zScore)).toBeLessThan(Math.abs(plain.points[i]!.zScore));
      expect(p.limits998.upper - p.limits998.lower).toBeGreaterThan(
        plain.points[i]!.limits998.upper - plain.points[i]!.limits998.lower,
      );
    });
    expect(plain.points.filter((p) => p.outside998).length).toBeGreaterThan(
      adjusted.points.filter((p) => p.outside998).length,
    );
  });
});

describe("funnel edge cases", () => {
  it("0 trials have no limits", () => {
    const l = funnelLimits(0.5, 0, 0.95);
    expect(l.lower).toBeNaN();
    expect(l.upper).toBeNaN();
  });
  it("a body with a zero denominator is never outside", () => {
    const plot = funnelPlot([
      { id: "a", numerator: 10, denominator: 100 },
      { id: "none", numerator: 0, denominator: 0 },
    ]);
    expect(plot.points[1]!.proportion).toBeNaN();
    expect(plot.points[1]!.outside95).toBe(false);
  });
  it("no data at all gives a NaN pooled proportion", () => {
    expect(funnelPlot([]).pooledProportion).toBeNaN();
  });
  it("rejects a numerator above its denominator", () => {
    expect(() => funnelPlot([{ id: "a", numerator: 5, denominator: 4 }])).toThrow(RangeError);
  });
  it("0% and 100% pooled averages give limits at 0 and 1", () => {
    expect(funnelLimits(0, 50, 0.95)).toEqual({ lower: 0, upper: expect.any(Number) });
    expect(funnelLimits(1, 50, 0.95).upper).toBe(1);
  });
});

describe("funnel properties", () => {
  const body = fc
    .integer({ min: 1, max: 100_000 })
    .chain((n) => fc.record({ numerator: fc.integer({ min: 0, max: n }), denominator: fc.constant(n) }));

  it("the pooled proportion is the ratio of sums, not the mean of proportions", () => {
    const plot = funnelPlot([
      { id: "small", numerator: 1, denominator: 10 },
      { id: "large", numerator: 900, denominator: 1000 },
    ]);
    expect(plot.pooledProportion).toBe(901 / 1010);
    expect(plot.pooledProportion).not.toBeCloseTo((0.1 + 0.9) / 2, 2);
  });

  it("limits lie in [0, 1], contain the pooled average, and narrow as size grows", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 }), (p, n) => {
        for (const c of [0.95, 0.998]) {
          const l = funnelLimits(p, n, c);
          expect(l.lower).toBeGreaterThanOrEqual(0);
          expect(l.upper).toBeLessThanOrEqual(1);
          expect(l.lower).toBeLessThanOrEqual(p + 1e-12);
          expect(l.upper).toBeGreaterThanOrEqual(p - 1e-12);
          const bigger = funnelLimits(p, n * 4, c);
          expect(bigger.upper - bigger.lower).toBeLessThanOrEqual(l.upper - l.lower + 1e-12);
        }
      }),
    );
  });

  it("outside 99.8% implies outside 95% on the same side", () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 20 }), fc.boolean(), (bodies, od) => {
        const plot = funnelPlot(
          bodies.map((b, i) => ({ id: String(i), ...b })),
          { overdispersion: od },
        );
        for (const p of plot.points) {
          if (p.outside998) expect(p.outside95).toBe(true);
          expect(p.side !== null).toBe(p.outside95);
        }
      }),
    );
  });
});

describe("funnelCurve against PHEindicatormethods calculate_funnel_limits (the 100 plotted sizes and their limits)", () => {
  // Each published table is the curve for one input set: its populations are the sizes the
  // package samples, its columns the limits at those sizes (percent, 6 decimal places).
  const rounding = { abs: 5.1e-7 };
  const sets = [
    { name: "all 303 areas", cases: vectors.funnel.filter((c) => !c.input_rows_used.includes("denominator < 31000")) },
    { name: "areas with denominator < 31000", cases: vectors.funnel.filter((c) => c.input_rows_used.includes("denominator < 31000")) },
  ];
  it.each(sets.map((s) => [`${s.name}: ${cite(s.cases[0]!.source)} to line ${s.cases.length + 1}`, s] as const))("%s", (_title, set) => {
    const rows = rowsFor(set.cases[0]!);
    const plot = funnelPlot(rows.map((r) => ({ id: r.area, numerator: r.numerator, denominator: r.denominator })));
    const curve = funnelCurve(plot);
    expect(curve.map((c) => c.trials)).toEqual(set.cases.map((c) => c.population));
    curve.forEach((c, i) => {
      const expected = set.cases[i]!;
      expectClose(c.lower95 * 100, expected.expected_lower_95, rounding);
      expectClose(c.upper95 * 100, expected.expected_upper_95, rounding);
      expectClose(c.lower998 * 100, expected.expected_lower_99_8, rounding);
      expectClose(c.upper998 * 100, expected.expected_upper_99_8, rounding);
    });
  });

  it("takes its axis as phe_funnels does: from 0 (so 1) when sizes differ more than twofold, else rounded down; to the maximum rounded up", () => {
    expect(funnelAxis([16386, 102950])).toEqual({ from: 1, to: 110000 });
    expect(funnelAxis([16386, 30929])).toEqual({ from: 10000, to: 33000 });
    expect(funnelAxis([])).toEqual({ from: 1, to: 1 });
  });
});

describe("funnelLimitsAt: limits at any size, with and without over-dispersion", () => {
  it("with τ² = 0 is PHEindicatormethods' limits (funnelLimits)", () => {
    for (const n of [1, 7, 100, 12345]) for (const c of [0.95, 0.998]) expect(funnelLimitsAt(0.3, n, c)).toEqual(funnelLimits(0.3, n, c));
  });

  it("with τ² > 0 is sin²(asin√π ± z√(1/(4n) + τ²)) (Spiegelhalter 2005, eq. for additive random effects on the arcsine scale; FunnelPlotR R/calculate_limits.R 'PR')", () => {
    // Worked by hand: π = 0.8, n = 100, τ² = 0.01, z = 1.959964.
    const theta = Math.asin(Math.sqrt(0.8));
    const half = 1.959963984540054 * Math.sqrt(1 / 400 + 0.01);
    const l = funnelLimitsAt(0.8, 100, 0.95, 0.01);
    expect(l.lower).toBeCloseTo(Math.sin(theta - half) ** 2, 14);
    expect(l.upper).toBeCloseTo(Math.sin(theta + half) ** 2, 14);
    expect(l.lower).toBeCloseTo(0.6019, 4);
    expect(l.upper).toBeCloseTo(0.9414, 4);
    // Wider than unadjusted, and still wide for a very large body (τ² does not shrink with n).
    const plain = funnelLimits(0.8, 100, 0.95);
    expect(l.upper - l.lower).toBeGreaterThan(plain.upper - plain.lower);
    const huge = funnelLimitsAt(0.8, 1e9, 0.95, 0.01);
    expect(huge.upper - huge.lower).toBeGreaterThan(0.3);
  });

  it("clamps at 0 and 1 and rejects a negative τ²", () => {
    expect(funnelLimitsAt(0.99, 5, 0.998, 0.2).upper).toBe(1);
    expect(funnelLimitsAt(0.01, 5, 0.998, 0.2).lower).toBe(0);
    expect(() => funnelLimitsAt(0.5, 10, 0.95, -0.1)).toThrow(RangeError);
    expect(funnelLimitsAt(0.5, 0, 0.95, 0.1).lower).toBeNaN();
  });

  const bodies = [
    { id: "a", numerator: 50, denominator: 100 },
    { id: "b", numerator: 300, denominator: 1000 },
    { id: "c", numerator: 700, denominator: 1000 },
    { id: "d", numerator: 40, denominator: 100 },
    { id: "e", numerator: 1100, denominator: 2000 },
    { id: "f", numerator: 20, denominator: 60 },
  ];
  it.each([false, true])("the curve at each body's size is that body's limits from funnelPlot (adjusted: %s)", (adjusted) => {
    const plot = funnelPlot(bodies, { overdispersion: adjusted });
    if (adjusted) expect(plot.overdispersion!.tau2).toBeGreaterThan(0);
    for (const p of plot.points) {
      const [at] = funnelCurve(plot, { from: p.denominator, to: p.denominator + 1, steps: 2 });
      expect(at!.trials).toBe(p.denominator);
      expect([at!.lower95, at!.upper95, at!.lower998, at!.upper998]).toEqual([p.limits95.lower, p.limits95.upper, p.limits998.lower, p.limits998.upper]);
    }
    const curve = funnelCurve(plot);
    expect(curve).toHaveLength(100);
    expect(curve[0]!.trials).toBe(1);
    expect(curve.at(-1)!.trials).toBe(2100);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.trials).toBeGreaterThan(curve[i - 1]!.trials);
  });

  it("adjusting when the bodies vary no more than chance (τ² = 0) leaves the limits as they were", () => {
    const calm = [
      { id: "a", numerator: 80, denominator: 100 },
      { id: "b", numerator: 161, denominator: 200 },
      { id: "c", numerator: 239, denominator: 300 },
      { id: "d", numerator: 321, denominator: 400 },
    ];
    const plain = funnelPlot(calm);
    const adjusted = funnelPlot(calm, { overdispersion: true });
    expect(adjusted.overdispersion!.tau2).toBe(0);
    expect(adjusted.points.map((p) => [p.limits95, p.limits998])).toEqual(plain.points.map((p) => [p.limits95, p.limits998]));
    expect(funnelCurve(adjusted)).toEqual(funnelCurve(plain));
  });

  it("a plot with no data has no curve", () => {
    expect(funnelCurve(funnelPlot([]))).toEqual([]);
  });
});
