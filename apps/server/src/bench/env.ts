/** Benchmark settings: PostgreSQL is measured too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export const benchPostgresUrl: string | undefined = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

/** `BENCH_ONLY=autosave` runs only the autosave figure, on a small history (seconds instead of minutes). */
export const benchOnly: "autosave" | undefined = (() => {
  const value = process.env.BENCH_ONLY || undefined;
  if (value !== undefined && value !== "autosave") throw new Error(`BENCH_ONLY must be "autosave" or unset, not “${value}”`);
  return value;
})();
