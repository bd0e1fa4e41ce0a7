/** Test configuration: set by CI, where tests that need LibreOffice must fail rather than skip without it. */
export const inCi: boolean = Boolean(process.env.CI) && process.env.CI !== "false";
