/** Benchmark settings: PostgreSQL is measured too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. */
export const benchPostgresUrl: string | undefined = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
