/** Benchmark settings: PostgreSQL is measured too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export const benchPostgresUrl: string | undefined = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/**
 * `BENCH_ONLY=autosave` runs only the autosave figure, on a small history (seconds instead of minutes);
 * `BENCH_ONLY=portal` only the portal's figures (its own 400-body data set); `BENCH_ONLY=reports` only the
 * board packs' (60 bodies, 8 quarters).
 */
export const benchOnly: "autosave" | "portal" | "reports" | undefined = (() => {
  const value = process.env.BENCH_ONLY || undefined;
  if (value !== undefined && value !== "autosave" && value !== "portal" && value !== "reports") throw new Error(`BENCH_ONLY must be "autosave", "portal", "reports" or unset, not “${value}”`);
  return value;
})();
