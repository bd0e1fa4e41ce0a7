export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { internalErrorMessage } from "./trpc.ts";
export { createContext, defaultApiConfig, defaultReportContact, type ApiConfig, type Context, type SessionCookies, type SessionUser } from "./context.ts";
export { hashPassword, passwordProblem, verifyPassword } from "./auth/passwords.ts";
export { resumeSession, sessionIdOf, type ResumedSession } from "./auth/sessions.ts";
export { diffValues } from "./services/returns.ts";
export type { TrackerRow } from "./services/tracker.ts";
/** The details of an autosave clash (CONFLICT `data.details.conflicts`), for the browser to offer a choice per answer. */
export type { SaveChangesResult, SaveConflict } from "./services/save-changes.ts";
export { importReturns } from "./services/import/import-returns.ts";
export { fileSizeProblem } from "./services/import/file-size.ts";
export { fileRefusedReport, type ImportOptions, type ImportProblem, type ImportReport } from "./services/import/report.ts";
export { exportReturnsCsv } from "./services/export-returns.ts";
