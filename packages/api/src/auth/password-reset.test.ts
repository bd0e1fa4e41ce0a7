import { listAudit } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultApiConfig } from "../context.ts";
import { emailJobHandler, emailJobKind } from "../services/email/outbox.ts";
import { smtpSender } from "../services/email/smtp-sender.ts";
import { createJobRunner } from "../services/jobs/runner.ts";
import { startTestSmtpServer, type TestSmtpServer } from "../testing/smtp-server.ts";
import { createWorld, worldPassword, type World } from "../testing/world.ts";
import { passwordResetValidMs } from "./password-reset.ts";

const publicUrl = "http://127.0.0.1:3999";

describe.each(testDialects())("password reset on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let smtp: TestSmtpServer;
  let now = new Date("2026-12-08T09:00:00Z");
  const anonymous = () => world.caller(null, { clock: () => now });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, now);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  async function deliver(): Promise<void> {
    const runner = createJobRunner({ db: t.db, handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now });
    await runner.runOnce();
  }

  /** The token in the one email that arrived, after checking where it went and its link. */
  async function linkSentTo(email: string, app: "agency" | "portal"): Promise<string> {
    await deliver();
    await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(email);
    const match = new RegExp(`${publicUrl}/${app}/reset-password/([A-Za-z0-9_-]{43})`).exec(mail.text ?? "");
    expect(match, mail.text).not.toBeNull();
    return match![1]!;
  }

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return "ok";
    } catch (error) {
      if (error instanceof TRPCError) return `${error.code}: ${error.message}`;
      throw error;
    }
  }

  it("sends one link to the right person; it works once, ends every session and is audited", async () => {
    const email = "a1submitter@example.gov.uk";
    // Two sessions of the person, in two browsers.
    await world.caller(null, { clock: () => now }).auth.signIn({ email, password: worldPassword });
    await world.caller(null, { clock: () => now }).auth.signIn({ email, password: worldPassword });
    const userId = world.users.a1Submitter.id;
    const sessions = () => t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute();
    expect(await sessions()).toHaveLength(2);

    expect(await anonymous().auth.requestPasswordReset({ email: "A1Submitter@example.gov.uk ", app: "agency" })).toEqual({ sent: true });
    const token = await linkSentTo(email, "agency");
    // Stored hashed: the token itself is nowhere in the database.
    const stored = await t.db.selectFrom("password_resets").selectAll().execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(JSON.stringify(await t.db.selectFrom("jobs").selectAll().execute())).not.toContain(token);

    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ state: "valid" });
    expect(await codeOf(anonymous().auth.resetPassword({ token, password: "password1234" }))).toBe("BAD_REQUEST: Use a password that is harder to guess: this one is among the most common passwords. Try three or more random words");
    expect(await codeOf(anonymous().auth.resetPassword({ token, password: "short" }))).toBe("BAD_REQUEST: Use a password of at least 12 characters");
    expect(await anonymous().auth.resetPassword({ token, password: "a brand new passphrase" })).toEqual({ email });
    expect(await sessions()).toHaveLength(0);
    expect(await codeOf(anonymous().auth.signIn({ email, password: worldPassword }))).toMatch(/^UNAUTHORIZED/);
    expect(await codeOf(anonymous().auth.signIn({ email, password: "a brand new passphrase" }))).toBe("ok");
    // Once only.
    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ state: "used" });
    expect(await codeOf(anonymous().auth.resetPassword({ token, password: "another new passphrase" }))).toBe("NOT_FOUND: This link to reset your password has already been used. Ask for a new link if you need one.");
    const audit = await listAudit(t.db, "user", userId);
    expect(audit.filter((a) => a.action === "user.password-reset")).toMatchObject([{ actor: email, changes: [{ field: "sessions", old: 2, new: 0 }] }]);
    // The email was sent once, however often the runner runs.
    await deliver();
    expect(smtp.messages).toHaveLength(1);
  });

  it("a link stops working after an hour", async () => {
    await anonymous().auth.requestPasswordReset({ email: "a1approver@example.gov.uk", app: "portal" });
    const token = await linkSentTo("a1approver@example.gov.uk", "portal");
    const sent = now;
    now = new Date(sent.getTime() + passwordResetValidMs - 1000);
    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ state: "valid" });
    now = new Date(sent.getTime() + passwordResetValidMs);
    expect(await anonymous().auth.passwordResetLink({ token })).toEqual({ state: "expired" });
    expect(await codeOf(anonymous().auth.resetPassword({ token, password: "a brand new passphrase" }))).toBe("NOT_FOUND: This link to reset your password has expired. Links work for 1 hour. Ask for a new link.");
    expect(await codeOf(anonymous().auth.signIn({ email: "a1approver@example.gov.uk", password: worldPassword }))).toBe("ok");
  });

  it("answers an unknown address exactly as a known one, and sends nothing", async () => {
    const known = await anonymous().auth.requestPasswordReset({ email: "aoversight@example.gov.uk", app: "portal" });
    const unknown = await anonymous().auth.requestPasswordReset({ email: "nobody@example.gov.uk", app: "portal" });
    expect(unknown).toEqual(known);
    await linkSentTo("aoversight@example.gov.uk", "portal");
    expect(await anonymous().auth.passwordResetLink({ token: "not-a-link" })).toEqual({ state: "unknown" });
  });

  it("sends nothing to a deactivated account", async () => {
    await t.db.updateTable("users").set({ disabled_at: now.toISOString() }).where("id", "=", world.users.bOversight.id).execute();
    expect(await anonymous().auth.requestPasswordReset({ email: "boversight@example.gov.uk", app: "portal" })).toEqual({ sent: true });
    await deliver();
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(0);
  });

  it("sends at most three links an hour to one person, with the same answer", async () => {
    now = new Date(now.getTime() + 2 * 3_600_000);
    for (let i = 0; i < 5; i++) expect(await anonymous().auth.requestPasswordReset({ email: "asecretariat@example.gov.uk", app: "portal" })).toEqual({ sent: true });
    await deliver();
    await smtp.waitFor(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(3);
  });

  it("limits requests from one client address, counted with its failed sign-ins", async () => {
    const from = (i: number) => world.caller(null, { clock: () => now, clientAddress: "198.51.100.7", config: { ...defaultApiConfig, maxSignInFailuresPerAddress: 4 } }).auth.requestPasswordReset({ email: `someone${i}@example.gov.uk`, app: "agency" });
    for (let i = 0; i < 4; i++) expect(await codeOf(from(i))).toBe("ok");
    expect(await codeOf(from(4))).toBe("TOO_MANY_REQUESTS: Too many requests from your network. Wait 1 minute and try again.");
    // Another address is not affected.
    expect(await codeOf(world.caller(null, { clock: () => now, clientAddress: "198.51.100.8" }).auth.requestPasswordReset({ email: "someone@example.gov.uk", app: "agency" }))).toBe("ok");
  });

  it("refuses an address that is not one, with a clear message", async () => {
    expect(await codeOf(anonymous().auth.requestPasswordReset({ email: "", app: "portal" }))).toBe("BAD_REQUEST: email: Enter your email address.");
    expect(await codeOf(anonymous().auth.requestPasswordReset({ email: "not an address", app: "portal" }))).toBe("BAD_REQUEST: email: Enter an email address in the correct format, like name@example.gov.uk.");
  });
});
