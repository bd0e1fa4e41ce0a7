import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectClose } from "../test/reference/vectors.ts";
import { chiSquareQuantile, gammaQuantile, logGamma, normalQuantile, regularizedGammaP, twoSidedZ } from "./normal.ts";

describe("normalQuantile (AS 241) against R's qnorm", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.025, -1.959963984540054],
    [0.9999, 3.719016485455709],
    [1e-10, -6.361340902404056],
  ])("qnorm(%d) = %d", (p, expected) => {
    expectClose(normalQuantile(p), expected, { rel: 1e-14, abs: 1e-15 });
  });

  it("0 and 1 give infinities, outside [0, 1] NaN", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it("two-sided z for 95% and 99.8%", () => {
    expectClose(twoSidedZ(0.95), 1.959963984540054, { rel: 1e-15 });
    expectClose(twoSidedZ(0.998), 3.090232306167813, { rel: 1e-15 });
  });
});

describe("gamma and chi-square quantiles against R's qgamma / qchisq", () => {
  it.each([
    // Closed forms: shape 1 is exponential, qchisq(p, 2) = −2 log(1 − p).
    ["qgamma(0.025, 1)", () => gammaQuantile(0.025, 1), -Math.log1p(-0.025)],
    ["qgamma(0.999, 1)", () => gammaQuantile(0.999, 1), -Math.log(0.001)],
    ["qchisq(0.5, 2)", () => chiSquareQuantile(0.5, 2), 2 * Math.LN2],
    // R 4.x values.
    ["qchisq(0.975, 20)", () => chiSquareQuantile(0.975, 20), 34.16960690283833],
    ["qchisq(0.5, 1)", () => chiSquareQuantile(0.5, 1), 0.454936423119572],
  ])("%s", (_title, actual, expected) => {
    expectClose(actual(), expected, { rel: 1e-12 });
  });

  it("logGamma matches log factorials", () => {
    expectClose(logGamma(10), Math.log(362_880), { rel: 1e-14 });
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), { rel: 1e-14 });
  });

  it("property: P(a, gammaQuantile(p, a)) = p", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, p) => {
        const x = gammaQuantile(p, a);
        expectClose(regularizedGammaP(a, x), p, { rel: 1e-9, abs: 1e-15 });
      }),
    );
  });
});
