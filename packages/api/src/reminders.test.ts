import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleActionPlan } from "@complaints/domain/testing";
import { addDays, defaultDueDate, isWorkingDay, requirePeriod, type BankHolidayRegion } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailJobHandler, emailJobKind } from "./services/email/outbox.ts";
import { smtpSender } from "./services/email/smtp-sender.ts";
import { createJobRunner } from "./services/jobs/runner.ts";
import { queueActionReminders } from "./services/notifications/action-reminders.ts";
import { queueWeeklyDigest } from "./services/notifications/digest.ts";
import { queueReturnReminders } from "./services/notifications/reminders.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./testing/smtp-server.ts";
import { createWorld, worldOrganisations, type World } from "./testing/world.ts";

const publicUrl = "http://127.0.0.1:3999";
const period = "2025-26 Q1";

/** The working days, counted back from the due date, on which a reminder is due: 10 and 3 before, and the day itself. */
function reminderDays(region: BankHolidayRegion): string[] {
  const due = defaultDueDate(requirePeriod(period), region);
  const days = [due];
  let day = due;
  for (let back = 1; back <= 10; ) {
    day = addDays(day, -1);
    if (isWorkingDay(day, region)) {
      if (back === 3 || back === 10) days.unshift(day);
      back++;
    }
  }
  return days;
}

const regionOf = (code: string) => worldOrganisations.find((o) => o.code === code)!.region as BankHolidayRegion;

describe.each(testDialects())("reminders that a return is due on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let smtp: TestSmtpServer;
  let now = new Date("2025-07-01T08:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, now);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it("reminds each body's team 10 and 3 working days before, and on the day, once each, while the return is not sent", async () => {
    // A2 has sent its return: nobody there is reminded.
    await t.db.insertInto("returns").values({ id: "sent-a2", organisation_code: "A2", period, period_index: 2025 * 4, current_revision: 1, received_at: now.toISOString(), due_date_at_receipt: null, created_at: now.toISOString() }).execute();
    // One of A1's submitters turned reminders off.
    await world.caller("a1Submitter2").notifications.setPreferences({ on: ["return-sent-back", "return-accepted", "action-due"] });

    // Two runners, as two instances of the service, run the schedule at the same moments every day.
    const runners = [1, 2].map((n) =>
      createJobRunner({ db: t.db, worker: `instance-${n}`, schedule: [queueReturnReminders], handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now }),
    );
    const received: Record<string, string[]> = {};
    let expected = 0;
    const expectedDays = { A1: reminderDays(regionOf("A1")), B1: reminderDays(regionOf("B1")) };
    for (let day = "2025-07-01"; day <= "2025-08-15"; day = addDays(day, 1)) {
      now = new Date(`${day}T08:00:00Z`);
      await Promise.all([runners[0]!.runOnce(), runners[1]!.runOnce(), runners[0]!.runOnce()]);
      // Two people at A1 (one turned reminders off), two at B1.
      expected += (expectedDays.A1.includes(day) ? 2 : 0) + (expectedDays.B1.includes(day) ? 2 : 0);
      await smtp.waitFor(expected, 15_000);
      for (const mail of smtp.messages.splice(0)) {
        const to = mail.to && "text" in mail.to ? mail.to.text : "";
        (received[to] ??= []).push(`${day} ${mail.subject}`);
      }
      expected = 0;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(0);
    const [ten, three, due] = expectedDays.A1;
    expect(received["a1submitter@example.gov.uk"]).toEqual([
      `${ten} Agency A1's return for Apr to Jun 2025 is due in 10 working days`,
      `${three} Agency A1's return for Apr to Jun 2025 is due in 3 working days`,
      `${due} Agency A1's return for Apr to Jun 2025 is due today`,
    ]);
    expect(received["a1approver@example.gov.uk"]).toEqual(received["a1submitter@example.gov.uk"]);
    expect(received["b1submitter@example.gov.uk"]!.map((r) => r.slice(0, 10))).toEqual(expectedDays.B1);
    expect(Object.keys(received).sort()).toEqual(["a1approver@example.gov.uk", "a1submitter@example.gov.uk", "b1approver@example.gov.uk", "b1submitter@example.gov.uk"]);
    console.log(`${dialect}: ${Object.values(received).flat().length} reminders received from two racing runners (expected 12)`);
    expect(Object.values(received).flat()).toHaveLength(12);
  });

  it("reminds an action's owner, when they have an account, 5 working days before it is due and once when it is overdue", async () => {
    // Owned by A1's senior accountable officer, named as the service shows them; the other by a team with no account.
    const owned = await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan({ owner: "A1approver", dueDate: "2025-09-15" }) });
    await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan({ owner: "Renewals team", dueDate: "2025-09-15" }) });
    const runners = [1, 2].map((n) =>
      createJobRunner({ db: t.db, worker: `instance-${n}`, schedule: [queueActionReminders], handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now }),
    );
    const received: string[] = [];
    for (let day = "2025-09-01"; day <= "2025-10-10"; day = addDays(day, 1)) {
      now = new Date(`${day}T08:00:00Z`);
      await Promise.all([runners[0]!.runOnce(), runners[1]!.runOnce()]);
      // Mon 8 Sep is 5 working days before Mon 15 Sep; Tue 16 Sep the first day it is overdue.
      if (day === "2025-09-08" || day === "2025-09-16") await smtp.waitFor(1, 15_000);
      for (const mail of smtp.messages.splice(0)) {
        const to = mail.to && "text" in mail.to ? mail.to.text : "";
        received.push(`${day} ${to} ${mail.subject}`);
        expect(mail.text).toContain(`${publicUrl}/agency/A1/actions/${owned.id}`);
      }
    }
    expect(received).toEqual([
      "2025-09-08 a1approver@example.gov.uk An action you own at Agency A1 is due in 5 working days",
      "2025-09-16 a1approver@example.gov.uk An action you own at Agency A1 is overdue",
    ]);
  });

  it("sends each department's oversight analysts a digest every Monday, once", async () => {
    // By now A1's and B1's returns are late (A2's was sent), and A1 has two overdue actions.
    const runners = [1, 2].map((n) =>
      createJobRunner({ db: t.db, worker: `instance-${n}`, schedule: [queueWeeklyDigest], handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now }),
    );
    const received: string[] = [];
    for (let day = "2025-10-10"; day <= "2025-10-21"; day = addDays(day, 1)) {
      for (const hour of ["07", "15"]) {
        now = new Date(`${day}T${hour}:00:00Z`);
        await Promise.all([runners[0]!.runOnce(), runners[1]!.runOnce()]);
      }
      if (day === "2025-10-13" || day === "2025-10-20") await smtp.waitFor(2, 15_000);
      for (const mail of smtp.messages.splice(0)) received.push(`${day} ${mail.to && "text" in mail.to ? mail.to.text : ""} ${mail.subject}`);
    }
    expect(received.sort()).toEqual([
      "2025-10-13 aoversight@example.gov.uk Complaints returns this week: Department A",
      "2025-10-13 boversight@example.gov.uk Complaints returns this week: Department B",
      "2025-10-20 aoversight@example.gov.uk Complaints returns this week: Department A",
      "2025-10-20 boversight@example.gov.uk Complaints returns this week: Department B",
    ]);
  });

  it("says what is late, waiting and overdue, and links to the tracker", async () => {
    now = new Date("2025-10-27T08:00:00Z");
    await createJobRunner({ db: t.db, schedule: [queueWeeklyDigest], handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => now }).runOnce();
    const mails = await smtp.waitFor(2, 15_000);
    const toA = mails.find((m) => m.to && "text" in m.to && m.to.text === "aoversight@example.gov.uk")!;
    expect(toA.text).toContain("1 return is late:\n- Agency A1, Apr to Jun 2025 (due ");
    expect(toA.text).toContain("2 learning actions are overdue.");
    expect(toA.text).toContain(`${publicUrl}/portal/DEPT-A/tracker/2025-26-q1`);
    smtp.messages.length = 0;
  });
});
