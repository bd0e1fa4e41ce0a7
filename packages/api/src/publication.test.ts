import { randomUUID } from "node:crypto";
import { insertUser, listAudit, sql, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleActionPlan } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedLearning } from "./services/learning.ts";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** Everything stored about action plans, to show a refused call changed nothing. */
async function stored(db: Kysely<Database>): Promise<string> {
  const parts: unknown[] = [];
  for (const table of ["action_plans", "audit_log"]) parts.push((await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map((r) => JSON.stringify(r)).sort());
  return JSON.stringify(parts);
}

const completion = { completedDate: "2025-07-08", verifiedBy: "Quality team", verifiedDate: "2025-07-09", verificationNote: "Sampled 20 letters" };

// The world's clock is 2025-07-10T10:00:00Z.
describe.each(testDialects())("publishing a “you said, we did” summary on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  const publicIds = async (code = "A1") => (await publishedLearning(world.db, code, world.now))!.items.map((i) => i.id);
  const libraryIds = async () => (await world.caller("aOversight").actions.learning({ departmentCode: "DEPT-A" })).items.map((i) => i.id);

  /** A publishable plan of A1's written by its complaints team, and closed. */
  async function completedPlan(summary = "You said letters went astray. We now check addresses.") {
    const submitter = world.caller("a1Submitter");
    const plan = await submitter.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: summary }) });
    return submitter.actions.complete({ id: plan.id, expectedVersion: plan.version, ...completion });
  }

  it("keeps an action in progress, ticked publishable by a submitter, off the public page and out of the library, and refuses its approval", async () => {
    const plan = await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: "You said IN-PROGRESS." }) });
    expect(plan).toMatchObject({ status: "in_progress", publication: "waiting", publicationLabel: "Waiting for approval", publicationApprovedAt: null });
    expect(await publicIds()).not.toContain(plan.id);
    expect(await libraryIds()).not.toContain(plan.id);
    const before = await stored(t.db);
    const refused = await rejection(world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: plan.version }));
    expect([refused.code, refused.message]).toEqual(["PRECONDITION_FAILED", "This action is not completed yet. Its summary can be approved for publication once the action is closed."]);
    expect(await stored(t.db)).toBe(before);
  });

  it("refuses to approve a plan not marked for publication", async () => {
    const submitter = world.caller("a1Submitter");
    const plan = await submitter.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: false, publicSummary: "" }) });
    const done = await submitter.actions.complete({ id: plan.id, expectedVersion: 1, ...completion });
    expect(done).toMatchObject({ publication: "not_for_publication", publicationLabel: "Not for publication" });
    const refused = await rejection(world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: done.version }));
    expect([refused.code, refused.message]).toEqual(["PRECONDITION_FAILED", "This action is not marked for publication. Its complaints team marks it publishable and writes a “you said, we did” summary first."]);
  });

  it("publishes a completed action once the body's approver approves it, recording who and when in the audit log", async () => {
    const plan = await completedPlan();
    expect(plan).toMatchObject({ publication: "waiting", publicationLabel: "Waiting for approval" });
    expect(await publicIds()).not.toContain(plan.id);

    // At a stale version: the approver must approve the summary as it stands.
    const stale = await rejection(world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: plan.version - 1 }));
    expect(stale.code).toBe("CONFLICT");

    const approved = await world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: plan.version });
    expect(approved).toMatchObject({
      version: plan.version + 1,
      publication: "published",
      publicationLabel: "Published 10 July 2025",
      publicationApprovedBy: world.users.a1Approver.id,
      publicationApprovedByName: "a1Approver",
      publicationApprovedAt: "2025-07-10T10:00:00.000Z",
    });
    expect(await publicIds()).toContain(plan.id);
    expect(await libraryIds()).toContain(plan.id);
    const entry = (await listAudit(t.db, "action", plan.id)).at(-1)!;
    expect(entry).toMatchObject({ action: "action.publicationApproved", actorUserId: world.users.a1Approver.id, actor: "a1approver@example.gov.uk", at: "2025-07-10T10:00:00.000Z", organisationCode: "A1" });
    expect(entry.changes).toContainEqual({ field: "approvedSummary", old: null, new: "You said letters went astray. We now check addresses." });
    expect(entry.changes).toContainEqual({ field: "publicationApprovedBy", old: null, new: world.users.a1Approver.id });

    const again = await rejection(world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: approved.version }));
    expect([again.code, again.message]).toEqual(["PRECONDITION_FAILED", "This summary was already approved for publication on 10 July 2025."]);
  });

  it("refuses an approver who wrote or changed the summary, and lets another approver of the body approve it", async () => {
    const approver = world.caller("a1Approver");
    const plan = await approver.actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: "You said WRITTEN-BY-APPROVER." }) });
    const done = await approver.actions.complete({ id: plan.id, expectedVersion: 1, ...completion });
    const before = await stored(t.db);
    const refused = await rejection(approver.actions.approvePublication({ id: plan.id, expectedVersion: done.version }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "You wrote or changed this summary, so you cannot approve it as well. Another senior accountable officer of the body must approve it."]);
    expect(await stored(t.db)).toBe(before);
    // A submitter's later edit does not make the approver's own words theirs to approve.
    const edited = await world.caller("a1Submitter").actions.update({ id: plan.id, expectedVersion: done.version, ...exampleActionPlan({ publishable: true, publicSummary: "You said WRITTEN-BY-APPROVER, edited." }) });
    expect((await rejection(approver.actions.approvePublication({ id: plan.id, expectedVersion: edited.version }))).code).toBe("FORBIDDEN");

    const other = { ...world.users.a1Approver, id: randomUUID(), email: "a1approver2@example.gov.uk", displayName: "a1Approver2" };
    await insertUser(t.db, { id: other.id, email: other.email, displayName: other.displayName, passwordHash: "x", role: "approver", organisationCode: "A1" }, world.now.toISOString());
    const approved = await world.caller("a1Approver", { user: other }).actions.approvePublication({ id: plan.id, expectedVersion: edited.version });
    expect(approved).toMatchObject({ publication: "published", publicationApprovedByName: "a1Approver2" });
  });

  it("withdraws the approval when the summary or the publishable flag is edited, but not for other changes", async () => {
    const plan = await completedPlan("You said EDITED-LATER.");
    let current = await world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: plan.version });
    const fields = exampleActionPlan({ publishable: true, publicSummary: "You said EDITED-LATER." });

    // Another field: still published.
    current = await world.caller("a1Submitter").actions.update({ id: plan.id, expectedVersion: current.version, ...fields, impactResult: "Target met" });
    expect(current.publication).toBe("published");

    // The summary's text: waiting again, gone from the public page, and the audit log says so.
    current = await world.caller("a1Submitter").actions.update({ id: plan.id, expectedVersion: current.version, ...fields, impactResult: "Target met", publicSummary: "You said EDITED-LATER; we changed it." });
    expect(current).toMatchObject({ publication: "waiting", publicationLabel: "Waiting for approval", publicationApprovedBy: null, publicationApprovedByName: null, publicationApprovedAt: null });
    expect(await publicIds()).not.toContain(plan.id);
    const entry = (await listAudit(t.db, "action", plan.id)).at(-1)!;
    expect(entry.action).toBe("action.updated");
    expect(entry.changes).toContainEqual({ field: "publicationApprovedAt", old: "2025-07-10T10:00:00.000Z", new: null });

    // Approved again, then the flag untaken: not for publication, approval gone.
    current = await world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: current.version });
    expect(await publicIds()).toContain(plan.id);
    current = await world.caller("a1Submitter").actions.update({ id: plan.id, expectedVersion: current.version, ...fields, impactResult: "Target met", publicSummary: "", publishable: false });
    expect(current).toMatchObject({ publication: "not_for_publication", publicationApprovedAt: null });
    // Ticked again with the same words: it waits for a new approval.
    current = await world.caller("a1Submitter").actions.update({ id: plan.id, expectedVersion: current.version, ...fields, impactResult: "Target met", publicSummary: "You said EDITED-LATER; we changed it." });
    expect(current.publication).toBe("waiting");
    expect(await publicIds()).not.toContain(plan.id);
  });

  it("lets the approver or the department's oversight withdraw a published summary at once, and nobody withdraw what is not published", async () => {
    for (const who of ["a1Approver", "aOversight"] as const) {
      const plan = await completedPlan(`You said WITHDRAWN-BY-${who}.`);
      const approved = await world.caller("a1Approver").actions.approvePublication({ id: plan.id, expectedVersion: plan.version });
      expect(await publicIds()).toContain(plan.id);
      // No version needed: a change made meanwhile does not hold the withdrawal up.
      await world.caller("a1Submitter").actions.addReview({ id: plan.id, expectedVersion: approved.version, date: "2025-07-10", note: "Checked again" });
      const withdrawn = await world.caller(who).actions.withdrawPublication({ id: plan.id });
      expect(withdrawn).toMatchObject({ publication: "waiting", publicationApprovedAt: null, publicationApprovedBy: null });
      expect(await publicIds()).not.toContain(plan.id);
      expect(await publicIds("DEPT-A")).not.toContain(plan.id);
      expect(await libraryIds()).not.toContain(plan.id);
      const entry = (await listAudit(t.db, "action", plan.id)).at(-1)!;
      expect(entry).toMatchObject({ action: "action.publicationWithdrawn", actorUserId: world.users[who].id, at: "2025-07-10T10:00:00.000Z" });
      expect(entry.changes).toContainEqual({ field: "publicationApprovedBy", old: world.users.a1Approver.id, new: null });

      const before = await stored(t.db);
      const nothing = await rejection(world.caller(who).actions.withdrawPublication({ id: plan.id }));
      expect([nothing.code, nothing.message]).toEqual(["PRECONDITION_FAILED", "This summary is not approved for publication, so there is nothing to withdraw."]);
      expect(await stored(t.db)).toBe(before);
    }
  });

  it("refuses the body's complaints team and other department roles", async () => {
    const plan = await completedPlan();
    for (const [who, call] of [
      ["a1Submitter", () => world.caller("a1Submitter").actions.approvePublication({ id: plan.id, expectedVersion: plan.version })],
      ["aOversight", () => world.caller("aOversight").actions.approvePublication({ id: plan.id, expectedVersion: plan.version })],
      ["a1Submitter", () => world.caller("a1Submitter").actions.withdrawPublication({ id: plan.id })],
      ["aSecretariat", () => world.caller("aSecretariat").actions.withdrawPublication({ id: plan.id })],
    ] as const) {
      expect((await rejection(call())).message, who).toBe("Your role does not allow this.");
    }
  });
});
