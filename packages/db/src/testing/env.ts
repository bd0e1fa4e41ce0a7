/** Test configuration: PostgreSQL runs too when TEST_DATABASE_URL is set (`.ci/run` sets it). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
