/** Test configuration: PostgreSQL runs too when TEST_DATABASE_URL is set (`.ci/run` sets it). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
/** Set by CI, where the suite must run on PostgreSQL as well as SQLite. */
export const inCi: boolean = Boolean(process.env.CI) && process.env.CI !== "false";
