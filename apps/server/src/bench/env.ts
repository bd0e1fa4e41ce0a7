/** Benchmark settings: PostgreSQL is measured too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export const benchPostgresUrl: string | undefined = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/**
 * `BENCH_ONLY=autosave` runs only the autosave figure, on a small history (seconds instead of minutes);
 * `BENCH_ONLY=portal` only the portal's figures (its own 400-body data set); `BENCH_ONLY=reports` only the
 * board packs' (60 bodies, 8 quarters); `BENCH_ONLY=cases` only the case engine's, up to 3,000,000 rows.
 */
export const benchOnly: "autosave" | "portal" | "reports" | "cases" | undefined = (() => {
  const value = process.env.BENCH_ONLY || undefined;
  if (value !== undefined && value !== "autosave" && value !== "portal" && value !== "reports" && value !== "cases") {
    throw new Error(`BENCH_ONLY must be "autosave", "portal", "reports", "cases" or unset, not “${value}”`);
  }
  return value;
})();

/**
 * Sizes of the case files (rows): 100,000 and 1,000,000 in the plain run (about a minute), and
 * 3,000,000 too with `BENCH_ONLY=cases`; `BENCH_CASE_ROWS=100000,500000` chooses them.
 */
export const benchCaseRows: number[] = (() => {
  const value = process.env.BENCH_CASE_ROWS || undefined;
  if (value === undefined) return benchOnly === "cases" ? [100_000, 1_000_000, 3_000_000] : [100_000, 1_000_000];
  const sizes = value.split(",").map((s) => Number(s.trim().replaceAll("_", "")));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_CASE_ROWS must be whole numbers of rows separated by commas, such as 100000,1000000, not “${value}”`);
  return sizes;
})();
