import { listAudit, listOptOuts } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { periodFromAddress } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailJobHandler, emailJobKind } from "./services/email/outbox.ts";
import { smtpSender } from "./services/email/smtp-sender.ts";
import { createJobRunner } from "./services/jobs/runner.ts";
import { startTestSmtpServer, type TestSmtpServer } from "./testing/smtp-server.ts";
import { createWorld, rejection, type World } from "./testing/world.ts";

const publicUrl = "http://127.0.0.1:3999";

describe.each(testDialects())("workflow emails on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
  });

  /** Runs the job runner (twice: a second run must send nothing more) and returns what arrived, as recipient → email. */
  async function delivered(expected: number, at = world.now): Promise<Map<string, ParsedMail>> {
    const runner = createJobRunner({ db: t.db, handlers: { [emailJobKind]: emailJobHandler(smtpSender({ url: smtp.url, from: "noreply@example.gov.uk" }), publicUrl) }, clock: () => at });
    await runner.runOnce();
    if (expected > 0) await smtp.waitFor(expected);
    await runner.runOnce();
    await new Promise((r) => setTimeout(r, 150));
    expect(smtp.messages).toHaveLength(expected);
    const byRecipient = new Map<string, ParsedMail>();
    for (const mail of smtp.messages) {
      const to = mail.to && "text" in mail.to ? mail.to.text : "";
      expect(byRecipient.has(to), `${to} got two emails`).toBe(false);
      byRecipient.set(to, mail);
    }
    smtp.messages.length = 0;
    return byRecipient;
  }

  /** The one link in an email, checked to be an address the agency app serves for this quarter. */
  function linkIn(mail: ParsedMail): string {
    const links = [...(mail.text ?? "").matchAll(/http:\/\/\S+/g)].map((m) => m[0]);
    expect(links).toHaveLength(1);
    expect(mail.html).toContain(`href="${links[0]}"`);
    const path = new URL(links[0]!).pathname;
    const match = /^\/agency\/A1\/returns\/([^/]+)\/(check)?$/.exec(path);
    expect(match, path).not.toBeNull();
    expect(periodFromAddress(match![1]!)).toBe("2025-26 Q1");
    return path;
  }

  async function readyToSubmit(): Promise<{ returnId: string; version: number }> {
    const submitter = world.caller("a1Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const validation = await submitter.returns.validate({ returnId: draft.returnId });
    expect(validation.errors).toEqual([]);
    if (validation.unexplained.length === 0) return { returnId: draft.returnId, version: saved.version };
    const explanations = Object.fromEntries(validation.unexplained.map((w) => [w.id, "Explained for the test."]));
    const explained = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: saved.version, values: exampleReturnValues(), explanations });
    return { returnId: draft.returnId, version: explained.version };
  }

  it("tells the approver of a submission, the complaints team of a return sent back (with the reasons) or accepted, each once", async () => {
    const { returnId, version } = await readyToSubmit();
    const submitted = await world.caller("a1Submitter").returns.submit({ returnId, expectedVersion: version });
    // A retried request is refused (the return moved on) and sends nothing more.
    expect((await rejection(world.caller("a1Submitter").returns.submit({ returnId, expectedVersion: version }))).code).toBe("PRECONDITION_FAILED");
    let mail = await delivered(1);
    expect([...mail.keys()]).toEqual(["a1approver@example.gov.uk"]);
    const toApprover = mail.get("a1approver@example.gov.uk")!;
    expect(toApprover.subject).toBe("Agency A1's return for Apr to Jun 2025 is waiting for your sign-off");
    expect(toApprover.text).toContain("Dear a1Approver,");
    expect(linkIn(toApprover)).toBe("/agency/A1/returns/2025-26-q1/check");

    // The approver sends it back: both submitters hear, with the reason; the approver, who did it, does not.
    const sentBack = await world.caller("a1Approver").returns.sendBack({ returnId, expectedVersion: submitted.version, reason: "The Ombudsman figures look too low." });
    mail = await delivered(2);
    expect([...mail.keys()].sort()).toEqual(["a1submitter2@example.gov.uk", "a1submitter@example.gov.uk"]);
    const toSubmitter = mail.get("a1submitter@example.gov.uk")!;
    expect(toSubmitter.subject).toBe("Agency A1's return for Apr to Jun 2025 has been sent back");
    expect(toSubmitter.text).toContain("Your senior accountable officer has sent back Agency A1's complaints return for Apr to Jun 2025. Their reasons:\n\nThe Ombudsman figures look too low.");
    expect(linkIn(toSubmitter)).toBe("/agency/A1/returns/2025-26-q1/");

    // Submitted again on the same revision: the approver is told again.
    const resubmitted = await world.caller("a1Submitter").returns.submit({ returnId, expectedVersion: sentBack.version });
    mail = await delivered(1);
    expect([...mail.keys()]).toEqual(["a1approver@example.gov.uk"]);

    // The department returns it: the submitters hear that it was the department, with its reasons.
    const approved = await world.caller("a1Approver").returns.approve({ returnId, expectedVersion: resubmitted.version });
    await delivered(0);
    const returned = await world.caller("aOversight").returns.returnToBody({ returnId, expectedVersion: approved.version, reason: "Please split the complaints by service area." });
    mail = await delivered(2);
    expect(mail.get("a1submitter2@example.gov.uk")!.text).toContain("The department has returned Agency A1's complaints return for Apr to Jun 2025. Their reasons:\n\nPlease split the complaints by service area.");

    // A submitter who turned "accepted" off is not told; the other is.
    await world.caller("a1Submitter2").notifications.setPreferences({ on: ["return-due", "return-sent-back", "action-due"] });
    const again = await world.caller("a1Submitter").returns.submit({ returnId, expectedVersion: returned.version });
    expect([...(await delivered(1)).keys()]).toEqual(["a1approver@example.gov.uk"]);
    const reapproved = await world.caller("a1Approver").returns.approve({ returnId, expectedVersion: again.version });
    await world.caller("aOversight").returns.accept({ returnId, expectedVersion: reapproved.version });
    mail = await delivered(1);
    expect([...mail.keys()]).toEqual(["a1submitter@example.gov.uk"]);
    expect(mail.get("a1submitter@example.gov.uk")!.subject).toBe("The department has accepted Agency A1's return for Apr to Jun 2025");
    expect(linkIn(mail.get("a1submitter@example.gov.uk")!)).toBe("/agency/A1/returns/2025-26-q1/");

    // Nobody else was queued anything: eight emails in all, each one delivered above.
    const queued = await t.db.selectFrom("jobs").select("idempotency_key").where("kind", "=", emailJobKind).execute();
    expect(queued).toHaveLength(8);
  });

  it("sends nothing to a deactivated account", async () => {
    await t.db.updateTable("users").set({ disabled_at: world.now.toISOString() }).where("id", "=", world.users.a2Approver.id).execute();
    const submitter = world.caller("a2Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A2", period: "2025-26 Q1" });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const validation = await submitter.returns.validate({ returnId: draft.returnId });
    const explanations = Object.fromEntries(validation.unexplained.map((w) => [w.id, "Explained for the test."]));
    const ready = validation.unexplained.length === 0 ? saved : await submitter.returns.save({ returnId: draft.returnId, expectedVersion: saved.version, values: exampleReturnValues(), explanations });
    await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: ready.version });
    await delivered(0);
  });

  it("each person chooses which emails they get, from those their role is sent; a refused choice changes nothing", async () => {
    const approver = world.caller("b1Approver");
    const offered = await approver.notifications.preferences();
    expect(offered.map((p) => [p.kind, p.on])).toEqual([["return-due", true], ["return-submitted", true], ["action-due", true]]);
    expect(offered[1]!.label).toBe("A return is waiting for your sign-off");
    const after = await approver.notifications.setPreferences({ on: ["action-due"] });
    expect(after.map((p) => [p.kind, p.on])).toEqual([["return-due", false], ["return-submitted", false], ["action-due", true]]);
    expect(await listOptOuts(t.db, world.users.b1Approver.id)).toEqual(["return-due", "return-submitted"]);
    expect((await listAudit(t.db, "user", world.users.b1Approver.id)).filter((a) => a.action === "user.notifications")).toMatchObject([
      { actor: "b1approver@example.gov.uk", changes: [{ field: "turned off", old: [], new: ["return-due", "return-submitted"] }] },
    ]);

    const refused = await rejection(approver.notifications.setPreferences({ on: ["weekly-digest", "return-due"] }));
    expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", "People with your role do not get “Weekly summary for your department”: choose from the emails listed."]);
    expect((await rejection(approver.notifications.setPreferences({ on: ["invitation" as "return-due"] }))).code).toBe("BAD_REQUEST");
    expect(await listOptOuts(t.db, world.users.b1Approver.id)).toEqual(["return-due", "return-submitted"]);

    // Turned off, the approver hears nothing of a submission.
    const submitter = world.caller("b1Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "B1", period: "2025-26 Q1" });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const validation = await submitter.returns.validate({ returnId: draft.returnId });
    const explanations = Object.fromEntries(validation.unexplained.map((w) => [w.id, "Explained for the test."]));
    const ready = validation.unexplained.length === 0 ? saved : await submitter.returns.save({ returnId: draft.returnId, expectedVersion: saved.version, values: exampleReturnValues(), explanations });
    await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: ready.version });
    await delivered(0);

    // Secretariat and administrators are sent none of these kinds: nothing to choose.
    expect(await world.caller("aSecretariat").notifications.preferences()).toEqual([]);
  });

  it("an analyst chases a late body: the team is emailed once with the analyst's line, and the chase is in the return's history", async () => {
    const oversight = world.caller("aOversight");
    // A1's return was accepted above; A2's was submitted but not approved, so it is not sent.
    const notLate = await rejection(oversight.notifications.chasePreview({ organisationCode: "A2", period: "2025-26 Q1" }));
    expect(notLate.message).toMatch(/^Agency A2's return for Apr to Jun 2025 is not late: it is due on /);
    const late = { clock: () => new Date("2025-09-01T09:00:00Z") };
    const lateOversight = world.caller("aOversight", late);
    expect((await rejection(lateOversight.notifications.chasePreview({ organisationCode: "A1", period: "2025-26 Q1" }))).message).toBe(
      "Agency A1 has already sent its return for Apr to Jun 2025: there is nothing to chase.",
    );
    const preview = await lateOversight.notifications.chasePreview({ organisationCode: "A2", period: "2025-26 Q1" });
    // A2's approver is deactivated (above): only the submitter.
    expect(preview.recipients.map((r) => r.email)).toEqual(["a2submitter@example.gov.uk"]);
    expect((await rejection(lateOversight.notifications.chase({ organisationCode: "A2", period: "2025-26 Q1", message: "x".repeat(1001) }))).message).toBe("Your message must be 1000 characters or fewer.");
    expect(await lateOversight.notifications.chase({ organisationCode: "A2", period: "2025-26 Q1", message: "The board meets on Thursday." })).toEqual({ sentTo: ["a2submitter@example.gov.uk"] });
    const mail = (await delivered(1, late.clock())).get("a2submitter@example.gov.uk")!;
    expect(mail.subject).toBe("Agency A2's return for Apr to Jun 2025 is late");
    expect(mail.text).toContain("aOversight says:\n\nThe board meets on Thursday.");
    expect(mail.text).toContain(`${publicUrl}/agency/A2/returns/2025-26-q1/`);
    const returnId = (await world.caller("a2Submitter").returns.find({ organisationCode: "A2", period: "2025-26 Q1" }))!.returnId;
    const history = await listAudit(t.db, "return", returnId);
    expect(history.filter((a) => a.action === "return.chase")).toMatchObject([{ actor: "aoversight@example.gov.uk", reason: "The board meets on Thursday.", changes: [{ field: "period" }, { field: "emailed", new: ["a2submitter@example.gov.uk"] }] }]);
    // Another department's analyst cannot.
    expect((await rejection(world.caller("bOversight", late).notifications.chase({ organisationCode: "A2", period: "2025-26 Q1", message: "" }))).code).toBe("FORBIDDEN");
  });
});
