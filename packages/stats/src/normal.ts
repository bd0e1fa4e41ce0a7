/**
 * Quantiles of the normal and gamma (chi-square) distributions, accurate to double precision,
 * so that our intervals match R's `qnorm` / `qchisq` as PHEindicatormethods and FunnelPlotR use them.
 */

/**
 * Standard normal quantile Φ⁻¹(p).
 * Wichura MJ (1988) Algorithm AS 241: The percentage points of the normal distribution.
 * Applied Statistics 37(3), 477–484 (PPND16, about 1 part in 10¹⁶); coefficients as in R's
 * src/nmath/qnorm.c.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156545) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** z for a two-sided interval at `confidence` (0.95 → 1.959964, 0.998 → 3.090232), as qnorm(confidence + (1 − confidence)/2). */
const zByConfidence = new Map<number, number>();

/** The normal quantile for a two-sided confidence level (remembered: the same few levels are asked for again and again). */
export function twoSidedZ(confidence: number): number {
  let z = zByConfidence.get(confidence);
  if (z === undefined) {
    assertConfidence(confidence);
    z = normalQuantile(confidence + (1 - confidence) / 2);
    if (zByConfidence.size < 100) zByConfidence.set(confidence, z);
  }
  return z;
}

export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be a proportion between 0 and 1 (exclusive), like 0.95; got ${confidence}`);
  }
}

/**
 * log Γ(x) for x > 0: Lanczos approximation (g = 7, n = 9), relative error below 1e-15.
 * Numerical Recipes 3rd ed., section 6.1; coefficients from Godfrey's table.
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection formula: Γ(x)Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a): series for x < a + 1, Lentz's
 * continued fraction for Q = 1 − P otherwise (Numerical Recipes 3rd ed., section 6.2).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/**
 * Quantile of the gamma distribution with shape `a` and scale 1: the x with P(a, x) = p.
 * Wilson–Hilferty starting value, then Newton steps kept inside a bisection bracket
 * (Numerical Recipes 3rd ed., section 6.2.1, `invgammp`); agrees with R's qgamma to ~1e-13.
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(a > 0) || Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Starting value: Wilson–Hilferty cube-root normal approximation, guarded for small shapes.
  const z = normalQuantile(p);
  const wh = a * Math.pow(1 - 1 / (9 * a) + z / (3 * Math.sqrt(a)), 3);
  let x = wh > 0 ? wh : Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  // Bracket [lo, hi] with P(lo) < p < P(hi).
  let lo = 0;
  let hi = Math.max(1, x);
  while (regularizedGammaP(a, hi) < p) hi *= 2;
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  const logGa = logGamma(a);
  for (let i = 0; i < 200; i++) {
    const f = regularizedGammaP(a, x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logGa);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
    if (hi - lo <= 1e-15 * hi) return x;
  }
  return x;
}

/** Chi-square quantile with `df` degrees of freedom: 2 × gamma quantile with shape df/2 (R's qchisq). */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}
