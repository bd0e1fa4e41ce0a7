import { findUserByEmail, listAudit } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkNewPassword } from "./auth/passwords.ts";
import { resumeSession, sessionIdOf } from "./auth/sessions.ts";
import { defaultApiConfig } from "./context.ts";
import { createWorld, rejection, worldPassword, type World, type WorldUserKey } from "./testing/world.ts";

describe("checkNewPassword, the one rule for a password a person chooses", () => {
  it.each([
    ["short1", "Use a password of at least 12 characters"],
    ["x".repeat(257), "Use a password of 256 characters or fewer"],
    ["password1234", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["Password2026!", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["123456789012", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["abcabcabcabc", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["Correct Horse Battery Staple", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["jo.bloggs@dept.gov.uk", "Use a password that is not your email address"],
    ["JoBloggs2026!", "Use a password that is not your email address"],
  ])("refuses %j: %s", (password, message) => {
    expect(checkNewPassword(password, { email: "jo.bloggs@dept.gov.uk" })).toBe(message);
  });

  it.each(["kettle orbit lantern moss", "a long enough password", "Tuesday-badger-7-kiln"])("accepts %j", (password) => {
    expect(checkNewPassword(password, { email: "jo.bloggs@dept.gov.uk" })).toBeNull();
  });
});

describe.each(testDialects())("a person's own account on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  /** Signs in as the world user, returning the session's token (as the cookie would carry it). */
  async function signInAs(key: WorldUserKey, password = worldPassword): Promise<string> {
    let token = "";
    await world.caller(null, { cookies: { set: (value) => void (token = value), clear: () => {} } }).auth.signIn({ email: world.users[key].email, password });
    return token;
  }
  const alive = async (token: string) => (await resumeSession(t.db, token, world.now, defaultApiConfig)) !== null;
  const storedHash = async (key: WorldUserKey) => (await findUserByEmail(t.db, world.users[key].email))!.password_hash;

  it("refuses a wrong current password, naming that field, and changes nothing", async () => {
    const token = await signInAs("aOversight");
    const before = await storedHash("aOversight");
    const error = await rejection(world.caller("aOversight", { sessionId: sessionIdOf(token) }).account.changePassword({ currentPassword: "not my password", newPassword: "kettle orbit lantern moss" }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "Your current password is not right"]);
    expect((error.cause as { details?: unknown }).details).toEqual({ field: "currentPassword" });
    expect(await storedHash("aOversight")).toBe(before);
    expect(await alive(token)).toBe(true);
    expect(await listAudit(t.db, "user", world.users.aOversight.id)).toEqual([]);
  });

  it.each([
    ["short", "Use a password of at least 12 characters"],
    ["password12345", "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
    ["aoversight@example.gov.uk", "Use a password that is not your email address"],
    [worldPassword.toUpperCase(), "Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words"],
  ])("refuses the weak new password %j with the message %j, naming that field, and changes nothing", async (newPassword, message) => {
    const before = await storedHash("aOversight");
    const error = await rejection(world.caller("aOversight").account.changePassword({ currentPassword: worldPassword, newPassword }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", message]);
    expect((error.cause as { details?: unknown }).details).toEqual({ field: "newPassword" });
    expect(await storedHash("aOversight")).toBe(before);
  });

  it("refuses an empty field with the form's message", async () => {
    const error = await rejection(world.caller("aOversight").account.changePassword({ currentPassword: "", newPassword: "kettle orbit lantern moss" }));
    expect([error.code, error.message]).toEqual(["BAD_REQUEST", "currentPassword: Enter your current password."]);
  });

  it("changes the password, keeps the session it was changed from and ends the person's others, with an audit entry", async () => {
    const here = await signInAs("a1Approver");
    const elsewhere = await signInAs("a1Approver");
    const someoneElse = await signInAs("a2Approver");
    const result = await world.caller("a1Approver", { sessionId: sessionIdOf(here) }).account.changePassword({ currentPassword: worldPassword, newPassword: "kettle orbit lantern moss" });
    expect(result).toEqual({ otherSessionsEnded: 1 });
    expect([await alive(here), await alive(elsewhere), await alive(someoneElse)]).toEqual([true, false, true]);
    // The old password no longer signs in; the new one does.
    expect((await rejection(signInAs("a1Approver"))).code).toBe("UNAUTHORIZED");
    expect(await alive(await signInAs("a1Approver", "kettle orbit lantern moss"))).toBe(true);
    const audit = await listAudit(t.db, "user", world.users.a1Approver.id);
    expect(audit).toMatchObject([{ action: "user.password-changed", actorUserId: world.users.a1Approver.id, actor: "a1approver@example.gov.uk", organisationCode: "A1", changes: [{ field: "other sessions ended", old: null, new: 1 }] }]);
    expect(JSON.stringify(audit)).not.toContain("kettle");
  });

  it("makes wrong current passwords wait, as failed sign-ins do, counted with them", async () => {
    const caller = world.caller("aSecretariat", { clientAddress: "192.0.2.7" });
    for (let i = 0; i < defaultApiConfig.maxSignInFailures; i += 1) {
      expect((await rejection(caller.account.changePassword({ currentPassword: `wrong ${i}`, newPassword: "kettle orbit lantern moss" }))).code).toBe("BAD_REQUEST");
    }
    const waiting = await rejection(caller.account.changePassword({ currentPassword: worldPassword, newPassword: "kettle orbit lantern moss" }));
    expect([waiting.code, waiting.message]).toEqual(["TOO_MANY_REQUESTS", "Too many failed attempts to change your password. Wait 1 minute and try again."]);
    // Signing in from that address waits too; from elsewhere it does not.
    const signIn = (clientAddress: string) => world.caller(null, { clientAddress }).auth.signIn({ email: world.users.aSecretariat.email, password: worldPassword });
    expect((await rejection(signIn("192.0.2.7"))).code).toBe("TOO_MANY_REQUESTS");
    expect((await signIn("192.0.2.8")).email).toBe(world.users.aSecretariat.email);
    // A minute later the right password goes through.
    const later = world.caller("aSecretariat", { clientAddress: "192.0.2.7", clock: () => new Date(world.now.getTime() + 61_000) });
    expect(await later.account.changePassword({ currentPassword: worldPassword, newPassword: "kettle orbit lantern moss" })).toEqual({ otherSessionsEnded: 1 });
  });

  it("refuses a new password that is the current one", async () => {
    const error = await rejection(world.caller("a1Approver").account.changePassword({ currentPassword: "kettle orbit lantern moss", newPassword: "kettle orbit lantern moss" }));
    expect(error.message).toBe("Enter a new password that is different from your current one");
  });

  it("signs out everywhere: every session of the person ends, this one included, the cookie is cleared, and the audit log says so", async () => {
    const here = await signInAs("bSecretariat");
    const elsewhere = await signInAs("bSecretariat");
    const someoneElse = await signInAs("bOversight");
    let cleared = false;
    const result = await world.caller("bSecretariat", { sessionId: sessionIdOf(here), cookies: { set: () => {}, clear: () => void (cleared = true) } }).account.signOutEverywhere();
    expect(result).toEqual({ sessionsEnded: 2 });
    expect(cleared).toBe(true);
    expect([await alive(here), await alive(elsewhere), await alive(someoneElse)]).toEqual([false, false, true]);
    expect(await listAudit(t.db, "user", world.users.bSecretariat.id)).toMatchObject([{ action: "user.signed-out-everywhere", organisationCode: "DEPT-B", changes: [{ field: "sessions ended", old: null, new: 2 }] }]);
  });

  it("tells anyone, signed in or not, the department's settings for the standard pages", async () => {
    expect(await world.caller(null).service.pages()).toEqual({ ...defaultApiConfig.servicePages, feedbackUrl: "mailto:support@demo.example" });
    const servicePages = { phase: "none", supportEmail: "help@dept.gov.uk", supportHours: "Weekdays", supportPhone: "0300 123 4567", feedbackUrl: "https://forms.example.gov.uk/f" } as const;
    expect(await world.caller(null, { config: { ...defaultApiConfig, servicePages } }).service.pages()).toEqual(servicePages);
  });
});
