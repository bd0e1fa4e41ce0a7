import { listAudit, sql, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleActionPlan } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** Everything stored about action plans, to show a refused call changed nothing. */
async function stored(db: Kysely<Database>): Promise<string> {
  const parts: unknown[] = [];
  for (const table of ["action_plans", "action_reviews", "audit_log"]) parts.push((await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map((r) => JSON.stringify(r)).sort());
  return JSON.stringify(parts);
}

// The world's clock is 2025-07-10.
describe.each(testDialects())("learning action plans on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it("creates, edits, reviews and completes a plan, with every change in the audit log field by field", async () => {
    const submitter = world.caller("a1Submitter");
    const created = await submitter.actions.create({ organisationCode: "A1", ...exampleActionPlan({ themes: ["delay"], publishable: true, publicSummary: "You said letters went astray; we now check addresses." }) });
    expect(created).toMatchObject({
      organisationCode: "A1",
      organisationName: "Agency A1",
      version: 1,
      kind: "service",
      kindLabel: "Improve the service",
      sourceComplaints: ["CMP-2025-0412", "CMP-2025-0419"],
      involvement: ["reviewing_guidance"],
      themes: ["delay"],
      publishable: true,
      status: "in_progress",
      statusLabel: "In progress",
      overdue: false,
      completedDate: null,
      reviews: [],
    });

    const updated = await world.caller("a1Approver").actions.update({ id: created.id, expectedVersion: 1, ...exampleActionPlan({ owner: "Letters team", startDate: "2025-08-01", themes: ["delay", "communication"], publishable: true, publicSummary: "You said letters went astray; we now check addresses." }) });
    expect(updated).toMatchObject({ version: 2, owner: "Letters team", status: "not_started", statusLabel: "Not started", themes: ["delay", "communication"] });

    const reviewed = await submitter.actions.addReview({ id: created.id, expectedVersion: 2, date: "2025-07-09", note: "Template for the address check drafted." });
    expect(reviewed.version).toBe(3);
    expect(reviewed.reviews).toMatchObject([{ date: "2025-07-09", note: "Template for the address check drafted.", recordedBy: world.users.a1Submitter.id, recordedByName: "a1Submitter" }]);

    const completed = await submitter.actions.complete({ id: created.id, expectedVersion: 3, completedDate: "2025-07-10", verifiedBy: "Quality team", verifiedDate: "2025-07-10", verificationNote: "Sampled 20 letters sent since the change." });
    expect(completed).toMatchObject({ version: 4, status: "completed", statusLabel: "Completed", overdue: false, completedDate: "2025-07-10", verifiedBy: "Quality team", verifiedDate: "2025-07-10" });
    expect(await world.caller("aOversight").actions.get({ id: created.id })).toEqual(completed);

    // Completing twice is refused; the plan stays as it was.
    const before = await stored(t.db);
    const again = await rejection(submitter.actions.complete({ id: created.id, expectedVersion: 4, completedDate: "2025-07-10", verifiedBy: "Quality team", verifiedDate: "2025-07-10", verificationNote: "Again" }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(await stored(t.db)).toBe(before);

    const log = await listAudit(t.db, "action", created.id);
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ["action.created", "a1submitter@example.gov.uk"],
      ["action.updated", "a1approver@example.gov.uk"],
      ["action.reviewed", "a1submitter@example.gov.uk"],
      ["action.completed", "a1submitter@example.gov.uk"],
    ]);
    expect(log.every((e) => e.organisationCode === "A1")).toBe(true);
    expect(log[0]!.changes).toContainEqual({ field: "owner", old: null, new: "Renewals team" });
    expect(log[1]!.changes).toEqual([
      { field: "owner", old: "Renewals team", new: "Letters team" },
      { field: "startDate", old: "2025-07-01", new: "2025-08-01" },
      { field: "themes", old: ["delay"], new: ["delay", "communication"] },
    ]);
    expect(log[2]!.changes).toEqual([
      { field: "review.date", old: null, new: "2025-07-09" },
      { field: "review.note", old: null, new: "Template for the address check drafted." },
    ]);
    expect(log[3]!.changes.map((c) => c.field)).toEqual(["completedDate", "verificationNote", "verifiedBy", "verifiedDate"]);
  });

  it("lists a body's plans overdue first, then by due date, with status and overdue on the service's clock", async () => {
    const a2 = world.caller("a2Submitter");
    const plan = (dueDate: string, startDate = "2025-04-01") => a2.actions.create({ organisationCode: "A2", ...exampleActionPlan({ startDate, dueDate }) });
    const dueLater = await plan("2025-12-31");
    const overdueRecent = await plan("2025-07-09");
    const dueToday = await plan("2025-07-10");
    const overdueOld = await plan("2025-05-31");
    const notStarted = await plan("2025-09-30", "2025-08-01");
    const list = await world.caller("aOversight").actions.list({ organisationCode: "A2" });
    expect(list.map((p) => p.id)).toEqual([overdueOld.id, overdueRecent.id, dueToday.id, notStarted.id, dueLater.id]);
    expect(list.map((p) => [p.statusLabel, p.overdue])).toEqual([
      ["In progress", true],
      ["In progress", true],
      ["In progress", false],
      ["Not started", false],
      ["In progress", false],
    ]);
    // A later clock: the plan due today becomes overdue.
    const later = await world.caller("a2Approver", { clock: () => new Date("2025-07-11T09:00:00Z") }).actions.list({ organisationCode: "A2" });
    expect(later.filter((p) => p.overdue).map((p) => p.id)).toEqual([overdueOld.id, overdueRecent.id, dueToday.id]);
  });

  it("lists plans across a department's bodies with their names, filtered by status, theme and owner", async () => {
    const oversight = world.caller("aOversight");
    const all = await oversight.actions.listForDepartment({ departmentCode: "DEPT-A" });
    expect(new Set(all.map((p) => p.organisationCode))).toEqual(new Set(["A1", "A2"]));
    expect(all.find((p) => p.organisationCode === "A2")!.organisationName).toBe("Agency A2");
    expect(all.slice(0, 2).every((p) => p.overdue)).toBe(true);
    expect((await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", status: "overdue" })).map((p) => p.organisationCode)).toEqual(["A2", "A2"]);
    expect((await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", status: "completed" })).map((p) => p.organisationCode)).toEqual(["A1"]);
    expect((await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", theme: "communication" })).map((p) => p.owner)).toEqual(["Letters team"]);
    expect(await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", owner: "letters TEAM" })).toHaveLength(1);
    // Department B sees none of Department A's plans.
    expect(await world.caller("bOversight").actions.listForDepartment({ departmentCode: "DEPT-B" })).toEqual([]);
  });

  it("refuses a change based on a stale version, naming both versions, and stores nothing", async () => {
    const submitter = world.caller("a1Submitter");
    const plan = await submitter.actions.create({ organisationCode: "A1", ...exampleActionPlan() });
    await world.caller("a1Submitter2").actions.update({ id: plan.id, expectedVersion: 1, ...exampleActionPlan({ owner: "Someone first" }) });
    const before = await stored(t.db);
    for (const call of [
      () => submitter.actions.update({ id: plan.id, expectedVersion: 1, ...exampleActionPlan({ owner: "Someone second" }) }),
      () => submitter.actions.addReview({ id: plan.id, expectedVersion: 1, date: "2025-07-10", note: "Late news" }),
      () => submitter.actions.complete({ id: plan.id, expectedVersion: 1, completedDate: "2025-07-10", verifiedBy: "Me", verifiedDate: "2025-07-10", verificationNote: "Checked" }),
    ]) {
      const error = await rejection(call());
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toContain("you had version 1; it is now version 2");
    }
    expect(await stored(t.db)).toBe(before);
    expect((await submitter.actions.get({ id: plan.id })).owner).toBe("Someone first");
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ["a name as a complaint reference", { sourceComplaints: ["CMP-1", "Jane Doe"] }, "sourceComplaints.1", /^Complaint reference “Jane Doe” looks like a name\. Use the complaint's pseudonymised reference/],
    ["an email address as a reference", { sourceComplaints: ["jane.doe@example.com"] }, "sourceComplaints.0", /^Complaint reference “jane\.doe@example\.com” looks like an email address/],
    ["a phone number as a reference", { sourceComplaints: ["07700 900123"] }, "sourceComplaints.0", /^Complaint reference “07700 900123” looks like a phone number/],
    ["a due date before the start date", { startDate: "2025-08-01", dueDate: "2025-07-31" }, "dueDate", /^dueDate: The due date must be the same as or after the start date\.$/],
    ["publishable without a summary", { publishable: true, publicSummary: "  " }, "publicSummary", /^“You said, we did” summary: enter one in plain English, or do not mark the action publishable\.$/],
    ["an unknown kind", { kind: "both" }, "kind", /^kind: Choose whether the action puts things right/],
    ["no owner", { owner: "" }, "owner", /^owner: Enter the person or team responsible\.$/],
  ])("refuses %s with a message naming the field, and stores nothing", async (_name, change, field, message) => {
    const before = await stored(t.db);
    const create = await rejection(world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan(), ...change } as never));
    expect(create.code).toBe("BAD_REQUEST");
    expect(create.message).toMatch(message);
    // Forms get the field's path with each message (the error formatter's `issues`).
    expect((create.cause as ZodError).issues.map((i) => i.path.join("."))).toEqual([field]);
    const [plan] = await world.caller("a1Submitter").actions.list({ organisationCode: "A1" });
    const update = await rejection(world.caller("a1Submitter").actions.update({ id: plan!.id, expectedVersion: plan!.version, ...exampleActionPlan(), ...change } as never));
    expect(update.message).toMatch(message);
    expect(await stored(t.db)).toBe(before);
  });

  it("refuses reviews and completions dated after today, and verification before completion, storing nothing", async () => {
    const plan = await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan() });
    const before = await stored(t.db);
    const review = await rejection(world.caller("a1Submitter").actions.addReview({ id: plan.id, expectedVersion: 1, date: "2025-07-11", note: "Planned" }));
    expect([review.code, review.message]).toEqual(["BAD_REQUEST", "date: The review date cannot be after today (2025-07-10): record a review once it has happened"]);
    const future = await rejection(world.caller("a1Submitter").actions.complete({ id: plan.id, expectedVersion: 1, completedDate: "2025-07-11", verifiedBy: "Me", verifiedDate: "2025-07-11", verificationNote: "Checked" }));
    expect(future.message).toBe("completedDate: The completion date cannot be after today (2025-07-10)");
    const order = await rejection(world.caller("a1Submitter").actions.complete({ id: plan.id, expectedVersion: 1, completedDate: "2025-07-09", verifiedBy: "Me", verifiedDate: "2025-07-08", verificationNote: "Checked" }));
    expect(order.message).toBe("verifiedDate: The verification date must be the same as or after the completion date.");
    const blankNote = await rejection(world.caller("a1Submitter").actions.addReview({ id: plan.id, expectedVersion: 1, date: "2025-07-09", note: " " }));
    expect(blankNote.message).toBe("note: Enter a progress note.");
    expect(await stored(t.db)).toBe(before);
  });

  describe("scope", () => {
    let a1Plan = "";
    beforeAll(async () => {
      a1Plan = (await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan() })).id;
    });

    it("another body's user can neither read nor change the plan", async () => {
      for (const call of [
        () => world.caller("a2Submitter").actions.get({ id: a1Plan }),
        () => world.caller("a2Submitter").actions.list({ organisationCode: "A1" }),
        () => world.caller("a2Approver").actions.update({ id: a1Plan, expectedVersion: 1, ...exampleActionPlan() }),
        () => world.caller("a2Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan() }),
        () => world.caller("a2Submitter").actions.listForDepartment({ departmentCode: "DEPT-A" }),
      ]) {
        expect((await rejection(call())).message).toBe("You do not have access to that organisation.");
      }
    });

    it("another department's users are refused everything", async () => {
      for (const user of ["bOversight", "bSecretariat", "bAdmin"] as const) {
        const caller = world.caller(user);
        for (const call of [() => caller.actions.get({ id: a1Plan }), () => caller.actions.list({ organisationCode: "A1" }), () => caller.actions.listForDepartment({ departmentCode: "DEPT-A" }), () => caller.metrics.actionsOnTime({ organisationCode: "DEPT-A", period: "2025-26 Q1" })]) {
          expect((await rejection(call())).code).toBe("FORBIDDEN");
        }
      }
      expect((await rejection(world.caller("b1Submitter").actions.addReview({ id: a1Plan, expectedVersion: 1, date: "2025-07-09", note: "x" }))).code).toBe("FORBIDDEN");
    });

    it("the department's own users read the plan but may not change it", async () => {
      const before = await stored(t.db);
      for (const user of ["aOversight", "aSecretariat", "aAdmin"] as const) {
        const caller = world.caller(user);
        expect((await caller.actions.get({ id: a1Plan })).id).toBe(a1Plan);
        for (const call of [
          () => caller.actions.create({ organisationCode: "A1", ...exampleActionPlan() }),
          () => caller.actions.update({ id: a1Plan, expectedVersion: 1, ...exampleActionPlan({ owner: "Department" }) }),
          () => caller.actions.addReview({ id: a1Plan, expectedVersion: 1, date: "2025-07-09", note: "Checked by the department" }),
          () => caller.actions.complete({ id: a1Plan, expectedVersion: 1, completedDate: "2025-07-09", verifiedBy: "Department", verifiedDate: "2025-07-09", verificationNote: "Seen" }),
        ]) {
          const error = await rejection(call());
          expect([error.code, error.message]).toEqual(["FORBIDDEN", "Your role does not allow this."]);
        }
      }
      expect(await stored(t.db)).toBe(before);
    });

    it("an unknown plan is not found", async () => {
      expect((await rejection(world.caller("a1Submitter").actions.get({ id: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    });
  });
});

describe.each(testDialects())("learning actions completed on time on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    // A clock in the next quarter, so every action due in Jul to Sep 2025 has an outcome.
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, new Date("2025-10-15T10:00:00Z"));
    const add = async (user: "a1Submitter" | "a2Submitter", organisationCode: string, dueDate: string, completedDate: string | null) => {
      const plan = await world.caller(user).actions.create({ organisationCode, ...exampleActionPlan({ startDate: "2025-06-01", dueDate }) });
      if (completedDate) await world.caller(user).actions.complete({ id: plan.id, expectedVersion: 1, completedDate, verifiedBy: "Quality team", verifiedDate: completedDate, verificationNote: "Checked" });
    };
    // A1: 3 on time, 1 late; A2: 1 on time, 1 open past its due date. Plus actions due in other quarters.
    await add("a1Submitter", "A1", "2025-07-31", "2025-07-30");
    await add("a1Submitter", "A1", "2025-08-31", "2025-08-31");
    await add("a1Submitter", "A1", "2025-09-30", "2025-09-01");
    await add("a1Submitter", "A1", "2025-09-15", "2025-10-01");
    await add("a1Submitter", "A1", "2025-06-30", null);
    await add("a2Submitter", "A2", "2025-08-01", "2025-08-01");
    await add("a2Submitter", "A2", "2025-09-01", null);
    await add("a2Submitter", "A2", "2025-12-31", null);
  });
  afterAll(() => t.close());

  it("for a body: its own people and its department see the same figure", async () => {
    for (const user of ["a1Submitter", "aOversight"] as const) {
      const answer = await world.caller(user).metrics.actionsOnTime({ organisationCode: "A1", period: "Jul to Sep 2025" });
      expect(answer).toMatchObject({ organisationCode: "A1", kind: "body", period: "2025-26 Q2", periodLabel: "Jul to Sep 2025", asOf: "2025-10-15", dueInQuarter: 4, onTime: 3, late: 1, openOverdue: 0, denominator: 4, value: 0.75 });
      expect(answer.lower).toBeLessThan(0.75);
      expect(answer.upper).toBeGreaterThan(0.75);
    }
  });

  it("for a department: pooled by adding the bodies' counts, with each body's figures", async () => {
    const answer = await world.caller("aSecretariat").metrics.actionsOnTime({ organisationCode: "DEPT-A", period: "2025-26 Q2" });
    // (3 + 1) on time of (4 + 2): 2/3, not the mean of 75% and 50%.
    expect(answer).toMatchObject({ kind: "department", onTime: 4, late: 1, openOverdue: 1, denominator: 6 });
    expect(answer.value).toBeCloseTo(4 / 6, 12);
    expect(answer.bodies.map((b) => [b.organisationCode, b.onTime, b.denominator])).toEqual([
      ["A1", 3, 4],
      ["A2", 1, 2],
    ]);
  });

  it("shows a body active in the quarter with no actions due, with no value rather than zero, and leaves out bodies closed before it", async () => {
    const answer = await world.caller("aOversight").metrics.actionsOnTime({ organisationCode: "DEPT-A", period: "2025-26 Q3" });
    expect(answer.bodies.map((b) => [b.organisationCode, b.dueInQuarter, b.value])).toEqual([
      ["A1", 0, null],
      ["A2", 1, null],
    ]);
    expect(answer).toMatchObject({ dueInQuarter: 1, notYetDue: 1, denominator: 0, value: null, lower: null, upper: null });
  });

  it("a body's user cannot see the department's pooled figure", async () => {
    expect((await rejection(world.caller("a1Submitter").metrics.actionsOnTime({ organisationCode: "DEPT-A", period: "2025-26 Q2" }))).code).toBe("FORBIDDEN");
  });
});
