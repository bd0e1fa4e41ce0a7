/** Seeded random draws for the synthetic demo data: the same seed gives the same numbers on every machine. */

/** mulberry32: a small, fast, seedable generator (public domain, Tommy Ettinger). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw: Knuth's method for small means, the normal approximation for large ones. */
export function poisson(mean: number, rng: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}

/** A binomial draw: exact for few trials, Poisson for rare events, normal for the rest. */
export function binomial(n: number, p: number, rng: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 40) {
    let k = 0;
    for (let i = 0; i < n; i += 1) if (rng() < p) k += 1;
    return k;
  }
  const variance = n * p * (1 - p);
  if (variance < 10) return p < 0.5 ? Math.min(n, poisson(n * p, rng)) : n - Math.min(n, poisson(n * (1 - p), rng));
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(variance) * z)));
}

/** `n` draws from categories with these weights, counted by category (a multinomial sample, one binomial a category). */
export function sampleCounts(n: number, weights: readonly number[], rng: () => number): number[] {
  let left = n;
  let rest = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    // The last category with any weight takes what is left (rounding may leave `rest` a hair above `w`).
    const k = w > 0 && rest <= w * (1 + 1e-9) ? left : binomial(left, rest > 0 ? w / rest : 0, rng);
    left -= k;
    rest -= w;
    return k;
  });
}

/** Splits `total` into parts proportional to `weights`, adding up exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
