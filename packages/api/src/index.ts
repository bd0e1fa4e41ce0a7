export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { internalErrorMessage } from "./trpc.ts";
export { databaseUnavailableMessage, toTRPCError } from "./errors.ts";
export { createContext, defaultApiConfig, defaultReportContact, defaultServicePages, type ApiConfig, type ServicePagesConfig, type Context, type SessionCookies, type SessionUser, type SingleSignOnDepartment } from "./context.ts";
export { hashPassword, checkNewPassword, verifyPassword } from "./auth/passwords.ts";
export { resumeSession, sessionIdOf, type ResumedSession, type SignInResult } from "./auth/sessions.ts";
export { signInWithOrganisationAccount, singleSignOnFor, type OrganisationAccountSignIn } from "./auth/single-sign-on.ts";
export { diffValues } from "./services/returns.ts";
export type { TrackerRow } from "./services/tracker.ts";
/** The details of an autosave clash (CONFLICT `data.details.conflicts`), for the browser to offer a choice per answer. */
export type { SaveChangesResult, SaveConflict } from "./services/save-changes.ts";
export { importReturns } from "./services/import/import-returns.ts";
export { fileSizeProblem } from "./services/import/file-size.ts";
export { fileRefusedReport, type ImportOptions, type ImportProblem, type ImportReport } from "./services/import/report.ts";
export { exportReturnsCsv, writeReturnsCsv, type CsvReturn } from "./services/export-returns.ts";
/** Case-level import, for the command line. */
export { caseUploadStaleAfterMs } from "./services/cases/upload-limits.ts";
export { importCases, lastActiveQuarter, type CaseImportResult, type CaseSource, type ImportCasesOptions, type WrittenQuarter } from "./services/cases/import-cases.ts";
/** Published learning: the "you said, we did" items anyone may read (the same selection as the learning library). */
export { publishedLearning, type LearningItem, type PublicLearningItem, type PublishedLearning } from "./services/learning.ts";
/** Accounts, added (and given further bodies) with the audit entry that records it. */
export { addUser, changeRole, deactivatePerson, grantOrganisation, invitePerson, listPeople, reactivatePerson, removeOrganisation, sendPasswordReset, type NewAccount } from "./services/users.ts";
/** For the command line only (see its comment). */
export { systemServiceContext } from "./system-context.ts";
export type { ServiceContext } from "./services/actor.ts";
export { annualReportSection, type AnnualReportSection } from "./services/reports/annual-report.ts";
/** Board packs: the model and its writers, for the command line and the benchmark. */
export { boardPack, packFileName, packFormats, writePack, type PackFormat } from "./services/reports/board-pack.ts";
/** Email and jobs: queue an email with `enqueueEmail`; the host runs the job runner with a sender (docs/architecture.md). */
export type { EmailMessage, EmailSender } from "./services/email/sender.ts";
export { smtpSender } from "./services/email/smtp-sender.ts";
export { notifySender } from "./services/email/notify-sender.ts";
export { logSender } from "./services/email/log-sender.ts";
export { emailTemplates, renderEmail, type EmailContent, type EmailData, type EmailKind } from "./services/email/templates.ts";
export { emailJobHandler, emailJobKind, enqueueEmail, type EmailToSend } from "./services/email/outbox.ts";
export { queueReturnReminders } from "./services/notifications/reminders.ts";
export { queueActionReminders } from "./services/notifications/action-reminders.ts";
export { queueWeeklyDigest } from "./services/notifications/digest.ts";
export { createJobRunner, retryDelayMs, type JobHandler, type JobRunner, type JobRunnerOptions, type ScheduleHook } from "./services/jobs/runner.ts";
export { passwordResetValidMs, requestPasswordReset, resetPassword } from "./auth/password-reset.ts";
/** A department's administration: its bodies and their service areas, its reporting windows, its audit log (the admin pages' services, for the command line). */
export { addBody, addDepartment, addServiceArea, closeBody, deleteServiceArea, organisationInputs, renameBody, renameServiceArea, retireServiceArea } from "./services/organisations.ts";
export { closeReportingWindow, extendDueDate, extendInput, openWindow, previewWindow } from "./services/windows.ts";
export { auditFilterInput, auditRows } from "./services/audit.ts";
export { plainInputMessage } from "./trpc.ts";
