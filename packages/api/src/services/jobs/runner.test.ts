import { findJobByKey, listFailedJobs, openDatabase, claimJobs, type Connection } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../../testing/smtp-server.ts";
import { emailJobHandler, emailJobKind, enqueueEmail } from "../email/outbox.ts";
import { smtpSender } from "../email/smtp-sender.ts";
import { createJobRunner, retryDelayMs } from "./runner.ts";

const publicUrl = "https://complaints.example.gov.uk";

describe.each(testDialects())("job runner sending email on %s", (dialect) => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  let now: Date;
  const clock = () => now;
  const handlers = () => ({ [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "Complaints oversight <noreply@example.gov.uk>" }), publicUrl) });
  const reset = (to: string, key: string) =>
    enqueueEmail(t.db, { kind: "password-reset", to, idempotencyKey: key, data: { name: "Ada", path: `/portal/reset-password/${key}`, validMinutes: 60 }, now });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    smtp = await startTestSmtpServer();
    now = new Date("2026-12-08T09:00:00Z");
    await t.db.deleteFrom("jobs").execute();
  });
  afterEach(() => smtp.close());

  it("enqueues an email once per idempotency key and sends it once, with an absolute link, then forgets its content", async () => {
    expect(await reset("ada@example.gov.uk", "k1")).toBe(true);
    expect(await reset("ada@example.gov.uk", "k1")).toBe(false);
    const runner = createJobRunner({ db: t.db, handlers: handlers(), clock });
    expect(await runner.runOnce()).toEqual({ done: 1, failed: 0 });
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe("ada@example.gov.uk");
    expect(mail!.subject).toBe("Reset your password for Complaints oversight");
    expect(mail!.text).toContain(`${publicUrl}/portal/reset-password/k1`);
    expect(mail!.html).toContain(`href="${publicUrl}/portal/reset-password/k1"`);
    const job = await findJobByKey(t.db, "password-reset:k1");
    expect(job).toMatchObject({ status: "done", attempts: 1, payload: "{}" });
  });

  it("retries with back-off while the SMTP server refuses, and sends exactly once when it accepts", async () => {
    smtp.refusing = true;
    await reset("bo@example.gov.uk", "k2");
    const errors: unknown[] = [];
    const runner = createJobRunner({ db: t.db, handlers: handlers(), clock, onError: (e) => errors.push(e) });
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 1 });
    let job = await findJobByKey(t.db, "password-reset:k2");
    expect(job).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: new Date(now.getTime() + retryDelayMs(1)).toISOString() });
    expect(job!.last_error).toMatch(/451/);
    // Not before the back-off has passed.
    now = new Date(now.getTime() + 59_000);
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 0 });
    now = new Date(now.getTime() + 1_000);
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 1 });
    job = await findJobByKey(t.db, "password-reset:k2");
    expect(job).toMatchObject({ status: "pending", attempts: 2, next_attempt_at: new Date(now.getTime() + retryDelayMs(2)).toISOString() });
    smtp.refusing = false;
    now = new Date(now.getTime() + retryDelayMs(2));
    expect(await runner.runOnce()).toEqual({ done: 1, failed: 0 });
    now = new Date(now.getTime() + 24 * 3_600_000);
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 0 });
    await smtp.waitFor(1);
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Reset your password for Complaints oversight"]);
    expect(errors).toHaveLength(2);
  });

  it("gives up after the last attempt and lists the job as failed", async () => {
    const runner = createJobRunner({ db: t.db, handlers: { broken: () => Promise.reject(new Error("The template is missing")) }, clock });
    const { enqueueJob } = await import("@complaints/db");
    await enqueueJob(t.db, { kind: "broken", idempotencyKey: "broken:1", payload: {}, runAt: now.toISOString(), now: now.toISOString(), maxAttempts: 2 });
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 1 });
    now = new Date(now.getTime() + retryDelayMs(1));
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 1 });
    now = new Date(now.getTime() + 24 * 3_600_000);
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 0 });
    expect(await listFailedJobs(t.db)).toMatchObject([{ kind: "broken", idempotencyKey: "broken:1", attempts: 2, lastError: "The template is missing" }]);
  });

  it("sends a job whose runner died mid-send once its claim lapses", async () => {
    await reset("cy@example.gov.uk", "k3");
    // A runner claims it and dies before it finishes.
    expect(await claimJobs(t.db, { worker: "dead", now: now.toISOString(), lockedUntil: new Date(now.getTime() + 600_000).toISOString(), limit: 10 })).toHaveLength(1);
    const runner = createJobRunner({ db: t.db, handlers: handlers(), clock, leaseMs: 600_000 });
    expect(await runner.runOnce()).toEqual({ done: 0, failed: 0 });
    now = new Date(now.getTime() + 600_000);
    expect(await runner.runOnce()).toEqual({ done: 1, failed: 0 });
    await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
  });

  it("runs the schedule hooks on each tick, and several instances running them enqueue each email once", async () => {
    const day = () => now.toISOString().slice(0, 10);
    const hook = async (db: typeof t.db, at: Date) => {
      await enqueueEmail(db, { kind: "password-reset", to: "dee@example.gov.uk", idempotencyKey: `digest:dee:${day()}`, data: { name: "Dee", path: "/portal/", validMinutes: 60 }, now: at });
    };
    const a = createJobRunner({ db: t.db, handlers: handlers(), clock, schedule: [hook] });
    const b = createJobRunner({ db: t.db, handlers: handlers(), clock, schedule: [hook] });
    await Promise.all([a.runOnce(), b.runOnce()]);
    now = new Date(now.getTime() + 3_600_000);
    await Promise.all([a.runOnce(), b.runOnce()]);
    now = new Date(now.getTime() + 24 * 3_600_000);
    await Promise.all([a.runOnce(), b.runOnce()]);
    await smtp.waitFor(2);
    expect(smtp.messages).toHaveLength(2);
  });

  it("starts with an interval and stops cleanly, finishing the run under way", async () => {
    await reset("eve@example.gov.uk", "k4");
    const runner = createJobRunner({ db: t.db, handlers: handlers(), clock });
    runner.start(20);
    await smtp.waitFor(1);
    await runner.stop();
    await reset("fay@example.gov.uk", "k5");
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(1);
    expect((await findJobByKey(t.db, "password-reset:k5"))!.status).toBe("pending");
  });

  it("two runners on separate connections racing over the same jobs send each email exactly once", async () => {
    const count = 40;
    for (let i = 0; i < count; i++) await reset(`person${i}@example.gov.uk`, `race${i}`);
    const connections: Connection[] = [openDatabase(t.url), openDatabase(t.url)];
    try {
      const runners = connections.map((c, i) => createJobRunner({ db: c.db, handlers: handlers(), clock, worker: `runner-${i}`, batchSize: 3 }));
      const results = await Promise.all(runners.map((r) => r.runOnce()));
      await smtp.waitFor(count);
      // Give a duplicate, if there were one, time to arrive.
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.messages).toHaveLength(count);
      expect(new Set(smtp.messages.map((m) => (m.to && "text" in m.to ? m.to.text : ""))).size).toBe(count);
      expect(results.reduce((n, r) => n + r.done, 0)).toBe(count);
      // Both took part (on PostgreSQL neither waited for the other's locks).
      if (dialect === "postgres") expect(results.every((r) => r.done > 0)).toBe(true);
      console.log(`race on ${dialect}: ${results.map((r) => r.done).join(" + ")} = ${smtp.messages.length} emails for ${count} jobs`);
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});
