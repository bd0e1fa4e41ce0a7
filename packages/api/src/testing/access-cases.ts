import { exampleActionPlan } from "@complaints/domain/testing";
import { TRPCError } from "@trpc/server";
import { worldPassword, type World, type WorldUserKey } from "./world.ts";

/**
 * Every procedure of the router with a caller allowed to call it and an input that reaches its
 * service, shared by the access test and the input fuzz test.
 */
export interface Fixture {
  /** A1's draft for Apr to Jun 2025. */
  aReturn: string;
  /** An action plan of A1's, at version 1. */
  anAction: string;
  /** A case file upload of A1's submitter, its one chunk sent. */
  anUpload: string;
}

/** Adds the fixture's action plan (the return is opened by each test, as before). */
export async function createActionFixture(world: World): Promise<string> {
  return (await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan() })).id;
}

/** A small case file, uploaded by A1's submitter in one chunk (not finished, so it can be checked again). */
export const fixtureCaseFile = "case_ref,received_date,stage,closed_date,outcome\r\nCMP-2025-00001,2025-04-02,early_resolution,2025-04-08,upheld\r\n";

export async function createUploadFixture(world: World): Promise<string> {
  const caller = world.caller("a1Submitter");
  const bytes = Buffer.from(fixtureCaseFile);
  const { uploadId } = await caller.cases.startUpload({ organisationCode: "A1", fileName: "cases.csv", size: bytes.byteLength });
  await caller.cases.uploadChunk({ uploadId, index: 0, data: bytes.toString("base64") });
  return uploadId;
}

export interface AccessCase {
  /** Allowed: the call succeeds, or fails with `allowedOutcome`, a reason of state checked after access. */
  allowed: WorldUserKey | "anonymous";
  allowedOutcome?: "CONFLICT" | "PRECONDITION_FAILED" | "NOT_FOUND";
  /** Callers whose role may call it but who cannot see Department A's organisation in the input. */
  outOfScope: WorldUserKey[];
  /** Procedures that return only what is in scope instead of refusing (checked at the end of this file). */
  filtered?: true;
  input: (f: Fixture) => unknown;
}

export const Q1 = "2025-26 Q1";
export const accessCases: Record<string, AccessCase> = {
  "auth.signIn": { allowed: "anonymous", outOfScope: [], input: () => ({ email: "a1submitter@example.gov.uk", password: worldPassword }) },
  "auth.signInMethod": { allowed: "anonymous", outOfScope: [], input: () => ({ email: "a1submitter@example.gov.uk" }) },
  "auth.signOut": { allowed: "a1Submitter", outOfScope: [], input: () => undefined },
  "auth.me": { allowed: "aSecretariat", outOfScope: [], input: () => undefined },
  // A person's own account: only ever the caller's own password and sessions, so no organisation scope.
  "account.changePassword": { allowed: "a1Submitter2", outOfScope: [], input: () => ({ currentPassword: worldPassword, newPassword: "kettle orbit lantern moss" }) },
  "account.signOutEverywhere": { allowed: "a1Submitter2", outOfScope: [], input: () => undefined },
  // The standard pages' settings, read before signing in.
  "service.pages": { allowed: "anonymous", outOfScope: [], input: () => undefined },
  "auth.requestPasswordReset": { allowed: "anonymous", outOfScope: [], input: () => ({ email: "a1submitter@example.gov.uk", app: "agency" }) },
  "auth.passwordResetLink": { allowed: "anonymous", outOfScope: [], input: () => ({ token: "not-a-real-link" }) },
  "auth.resetPassword": { allowed: "anonymous", allowedOutcome: "NOT_FOUND", outOfScope: [], input: () => ({ token: "not-a-real-link", password: "a long enough new password" }) },
  "auth.invitation": { allowed: "anonymous", outOfScope: [], input: () => ({ token: "not-a-real-link" }) },
  "auth.acceptInvitation": { allowed: "anonymous", allowedOutcome: "NOT_FOUND", outOfScope: [], input: () => ({ token: "not-a-real-link", name: "New Person", password: "a long enough new password" }) },
  "users.list": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ organisationCode: "A1" }) },
  "users.invite": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "invited@example.gov.uk", role: "submitter", organisationCode: "A1" }) },
  "users.addOrganisation": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk", organisationCode: "A2" }) },
  "users.removeOrganisation": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk", organisationCode: "A2" }) },
  "users.changeRole": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk", role: "approver", organisationCode: "A1" }) },
  "users.sendPasswordReset": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk" }) },
  "users.deactivate": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk" }) },
  "users.reactivate": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ email: "a1submitter2@example.gov.uk" }) },
  // One's own account only: there is no one out of scope.
  "notifications.preferences": { allowed: "aSecretariat", outOfScope: [], input: () => undefined },
  "notifications.setPreferences": { allowed: "b1Approver", outOfScope: [], input: () => ({ on: ["return-submitted"] }) },
  // A1's Q1 return is not yet late on the access tests' date: allowed, then refused as not late.
  "notifications.chasePreview": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["bOversight"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "notifications.chase": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["bOversight"], input: () => ({ organisationCode: "A1", period: Q1, message: "" }) },
  "organisations.list": { allowed: "a1Approver", outOfScope: [], filtered: true, input: () => undefined },
  "organisations.get": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter", "bOversight"], input: () => ({ code: "A1" }) },
  "windows.list": { allowed: "aAdmin", outOfScope: [], filtered: true, input: () => ({ openOnly: true }) },
  "windows.open": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: "2025-26 Q2", dueDate: null }) },
  "windows.preview": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: "2025-26 Q2", dueDate: null }) },
  "windows.extend": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: Q1, organisationCode: "A1", dueDate: "2025-09-30", reason: "Case system outage" }) },
  "organisations.manageList": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A" }) },
  // A code already taken, so the world keeps its organisations (the last test below lists them); adding succeeds in administration.test.ts.
  "organisations.add": { allowed: "aAdmin", allowedOutcome: "CONFLICT", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", code: "A2", name: "New agency", bodyType: "executive agency", region: "scotland", activeFrom: "2025-10-01" }) },
  "organisations.rename": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ code: "A2", name: "Agency A2 (renamed)" }) },
  // A-OLD closed in 2024, so closing it again is refused after access.
  "organisations.close": { allowed: "aAdmin", allowedOutcome: "CONFLICT", outOfScope: ["bAdmin"], input: () => ({ code: "A-OLD", activeTo: "2025-06-30" }) },
  "organisations.addServiceArea": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ organisationCode: "A1", areaCode: "permits", label: "Permits" }) },
  "organisations.renameServiceArea": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ organisationCode: "A1", areaCode: "licences", label: "Driving licences" }) },
  "organisations.retireServiceArea": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ organisationCode: "A1", areaCode: "licences", retired: true }) },
  "organisations.deleteServiceArea": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ organisationCode: "A1", areaCode: "permits" }) },
  "audit.list": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A" }) },
  "audit.download": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A" }) },
  "windows.close": { allowed: "aAdmin", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: "2025-26 Q2" }) },
  "returns.list": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "b1Approver", "bSecretariat"], input: () => ({ organisationCode: "A1" }) },
  "returns.get": { allowed: "a1Approver", outOfScope: ["a2Submitter", "a2Approver", "b1Submitter", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.find": { allowed: "a1Approver", outOfScope: ["a2Submitter", "a2Approver", "bOversight"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "returns.openDraft": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "returns.save": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, values: {} }) },
  // Someone else's answer stands where the sender thought the field blank: a clash, so nothing is stored.
  "returns.saveChanges": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, baseVersion: 99, values: { received: { from: 999_999, to: 1_000_000 } } }) },
  "returns.validate": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.submit": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.approve": { allowed: "a1Approver", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["a2Approver", "b1Approver"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.sendBack": { allowed: "a1Approver", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["a2Approver", "b1Approver"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Check the themes" }) },
  "returns.accept": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["bOversight"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.returnToBody": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["bOversight"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Figures do not add up" }) },
  "returns.reopen": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["bOversight", "a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Correction" }) },
  "returns.history": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.changesSinceReturned": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.diff": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "bSecretariat"], input: (f) => ({ returnId: f.aReturn, from: 1, to: 1 }) },
  "returns.downloadTemplate": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "a2Approver", "bOversight"], input: (f) => ({ returnId: f.aReturn, format: "csv" }) },
  "returns.uploadSpreadsheet": {
    allowed: "a1Submitter",
    allowedOutcome: "CONFLICT",
    outOfScope: ["a2Submitter", "b1Submitter"],
    input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, fileName: "return.csv", contentBase64: Buffer.from("id,value\r\nreceived,12\r\n").toString("base64") }),
  },
  "tracker.forPeriod": { allowed: "aSecretariat", outOfScope: ["bOversight", "bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: Q1 }) },
  "metrics.comparison": { allowed: "aOversight", outOfScope: ["bOversight", "bSecretariat"], input: () => ({ departmentCode: "DEPT-A", period: Q1 }) },
  "metrics.trend": { allowed: "aSecretariat", outOfScope: ["bOversight", "bAdmin"], input: () => ({ organisationCode: "A1", measure: "within_timescale" }) },
  "metrics.funnel": { allowed: "aAdmin", outOfScope: ["bOversight"], input: () => ({ departmentCode: "DEPT-A", period: Q1, measure: "within_timescale" }) },
  "metrics.actionsOnTime": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Approver", "bOversight"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "actions.list": { allowed: "a1Approver", outOfScope: ["a2Submitter", "b1Submitter", "bOversight"], input: () => ({ organisationCode: "A1" }) },
  "actions.listForDepartment": { allowed: "aOversight", outOfScope: ["a1Submitter", "a2Submitter", "bOversight"], input: () => ({ departmentCode: "DEPT-A" }) },
  "actions.get": { allowed: "aSecretariat", outOfScope: ["a2Submitter", "b1Approver", "bOversight"], input: (f) => ({ id: f.anAction }) },
  "actions.create": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", ...exampleActionPlan() }) },
  "actions.update": { allowed: "a1Approver", allowedOutcome: "CONFLICT", outOfScope: ["a2Submitter", "b1Approver"], input: (f) => ({ id: f.anAction, expectedVersion: 99, ...exampleActionPlan({ owner: "Letters team" }) }) },
  "actions.addReview": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", outOfScope: ["a2Approver", "b1Submitter"], input: (f) => ({ id: f.anAction, expectedVersion: 99, date: "2025-07-05", note: "Half the letters checked" }) },
  "actions.complete": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ id: f.anAction, expectedVersion: 99, completedDate: "2025-07-08", verifiedBy: "Quality team", verifiedDate: "2025-07-09", verificationNote: "Sampled 20 letters" }) },
  // Past access: approving at a version the plan is not at is a clash; the fixture's plan was never approved, so there is nothing to withdraw.
  "actions.approvePublication": { allowed: "a1Approver", allowedOutcome: "CONFLICT", outOfScope: ["a2Approver", "b1Approver"], input: (f) => ({ id: f.anAction, expectedVersion: 99 }) },
  "actions.withdrawPublication": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", outOfScope: ["a2Approver", "b1Approver", "bOversight"], input: (f) => ({ id: f.anAction }) },
  "metrics.rollup": { allowed: "aSecretariat", outOfScope: ["bOversight", "bSecretariat"], input: () => ({ departmentCode: "DEPT-A", financialYear: "2025-26" }) },
  // Department users only: a body's own people (A1, A2) cannot see their department, so they are refused by scope.
  "actions.learning": { allowed: "aOversight", outOfScope: ["a1Submitter", "a2Approver", "bOversight"], input: () => ({ departmentCode: "DEPT-A", q: "letters" }) },
  "metrics.themes": { allowed: "aOversight", outOfScope: ["bSecretariat", "bAdmin"], input: () => ({ departmentCode: "DEPT-A" }) },
  "metrics.profile": { allowed: "aSecretariat", outOfScope: ["bOversight", "bSecretariat", "bAdmin"], input: () => ({ organisationCode: "A1" }) },
  "reports.pack": { allowed: "aSecretariat", outOfScope: ["bOversight", "bSecretariat", "bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: Q1, format: "csv" }) },
  "cases.overview": { allowed: "a1Approver", outOfScope: ["a2Submitter", "a2Approver", "b1Submitter"], input: () => ({ organisationCode: "A1" }) },
  "cases.saveTimescales": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", earlyResolutionDays: 10, closerLookDays: 20 }) },
  "cases.saveMapping": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", mapping: { name: "Case system", columns: { case_ref: "Reference" }, codes: { outcome: { Yes: "upheld" } } } }) },
  "cases.deleteMapping": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", name: "Case system" }) },
  // For a quarter, so it does not replace the fixture upload (started without one) that the next two use.
  "cases.startUpload": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", fileName: "cases.csv", size: 1000, period: "2025-26 Q1" }) },
  // The fixture's one chunk sent again (a retry), by the user who started the upload.
  "cases.uploadChunk": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ uploadId: f.anUpload, index: 0, data: Buffer.from(fixtureCaseFile).toString("base64") }) },
  "cases.finishUpload": { allowed: "a1Submitter", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ uploadId: f.anUpload, mappingName: null, period: null, dryRun: true }) },
  "cases.quarterFields": { allowed: "a1Approver", outOfScope: ["a2Submitter", "a2Approver", "b1Submitter"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "cases.figure": { allowed: "a1Approver", outOfScope: ["a2Submitter", "a2Approver", "b1Submitter", "bOversight"], input: () => ({ organisationCode: "A1", period: Q1, field: "received", page: 1 }) },
  "reports.annualReport": { allowed: "aOversight", outOfScope: ["bOversight", "bSecretariat"], input: () => ({ departmentCode: "DEPT-A", financialYear: "2025-26" }) },
};


/** Calls a procedure by its path (`returns.get`) as a world user, giving back its refusal instead of throwing it. */
export async function callProcedure(world: World, user: WorldUserKey | null, path: string, input: unknown): Promise<{ ok: true } | { ok: false; error: TRPCError }> {
  const [group, name] = path.split(".") as [string, string];
  const caller = world.caller(user) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  try {
    await caller[group]![name]!(input);
    return { ok: true };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}
