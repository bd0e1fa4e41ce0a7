/** Browser-test configuration (the only place these tests read the environment). */
export const chromiumPath: string = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** A PostgreSQL database for the journey that runs on both databases (`.ci/run` sets it). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
export const inCi: boolean = Boolean(process.env.CI) && process.env.CI !== "false";
export const inheritedEnv: Record<string, string | undefined> = process.env;
