export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { internalErrorMessage } from "./trpc.ts";
export { createContext, defaultApiConfig, type ApiConfig, type Context, type SessionCookies, type SessionUser } from "./context.ts";
export { hashPassword, passwordProblem, verifyPassword } from "./auth/passwords.ts";
export { resumeSession, sessionIdOf, type ResumedSession } from "./auth/sessions.ts";
export { diffValues } from "./services/returns.ts";
export type { TrackerRow } from "./services/tracker.ts";
