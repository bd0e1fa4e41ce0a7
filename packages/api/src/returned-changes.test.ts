import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScope } from "./scope.ts";
import { gatherPackData } from "./services/reports/pack-data.ts";
import { createWorld, rejection, type World } from "./testing/world.ts";

const period = "2025-26 Q1";

describe.each(testDialects())("the review diff after a return on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await world.caller("aAdmin").windows.open({ departmentCode: "DEPT-A", period, dueDate: null });
  });
  afterAll(() => t.close());

  it("keeps the figures the department returned for it to read, hides the body's corrections until sent, then shows what changed with the reasons and the reply", async () => {
    const submitter = world.caller("a1Submitter");
    const approver = world.caller("a1Approver");
    const oversight = world.caller("aOversight");

    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const submitted = await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version });
    const approved = await approver.returns.approve({ returnId: draft.returnId, expectedVersion: submitted.version });
    // Sent for the first time: nothing was returned, so there is nothing to compare with.
    expect(await oversight.returns.changesSinceReturned({ returnId: draft.returnId })).toBeNull();

    await oversight.returns.returnToBody({ returnId: draft.returnId, expectedVersion: approved.version, reason: "Compliments and claims look swapped." });

    // With the body: the department still reads the figures it returned, as returned.
    const returned = await oversight.returns.find({ organisationCode: "A1", period });
    expect(returned).toMatchObject({ revision: 1, currentRevision: 2, status: "returned", returnReason: "Compliments and claims look swapped." });
    expect(returned!.values).toEqual(approved.values);
    expect(await oversight.returns.changesSinceReturned({ returnId: draft.returnId })).toBeNull();

    // The body corrects two figures and explains one; the department sees none of it until it is sent again.
    const correcting = await submitter.returns.get({ returnId: draft.returnId });
    expect(correcting).toMatchObject({ revision: 2, status: "returned", returnReason: "Compliments and claims look swapped." });
    const corrected = await submitter.returns.save({
      returnId: draft.returnId,
      expectedVersion: correcting.version,
      values: exampleReturnValues({ compliments: 2, claims: 35 }),
      notes: { claims: "Claims were entered in the compliments row." },
    });
    expect(await oversight.returns.find({ organisationCode: "A1", period })).toMatchObject({ revision: 1, values: { compliments: 35, claims: 2 } });
    expect(await oversight.returns.get({ returnId: draft.returnId })).toMatchObject({ revision: 1, status: "returned" });
    expect((await rejection(oversight.returns.get({ returnId: draft.returnId, revision: 2 }))).code).toBe("FORBIDDEN");
    expect((await rejection(oversight.returns.diff({ returnId: draft.returnId, from: 1, to: 2 }))).code).toBe("FORBIDDEN");
    expect((await rejection(oversight.returns.changesSinceReturned({ returnId: draft.returnId, revision: 2 }))).code).toBe("FORBIDDEN");
    // Returned figures do not count: the tracker shows the return as returned, not received.
    const tracked = await oversight.tracker.forPeriod({ departmentCode: "DEPT-A", period });
    expect(tracked.rows.find((r) => r.organisationCode === "A1")).toMatchObject({ status: "returned", returnedBy: "department" });

    // Sent again with a reply to the department's reasons.
    const resubmitted = await submitter.returns.submit({ returnId: draft.returnId, expectedVersion: corrected.version, reply: "  We had swapped the two rows; both are now corrected.  " });
    // The department still sees the returned figures while the body's senior accountable officer signs it off.
    expect(await oversight.returns.changesSinceReturned({ returnId: draft.returnId })).toBeNull();
    const reapproved = await approver.returns.approve({ returnId: draft.returnId, expectedVersion: resubmitted.version });

    const changes = await oversight.returns.changesSinceReturned({ returnId: draft.returnId });
    expect(changes).toEqual({
      returned: { revision: 1, returnedAt: world.now.toISOString(), reason: "Compliments and claims look swapped." },
      sent: { revision: 2, approvedAt: reapproved.approvedAt },
      reply: { text: "We had swapped the two rows; both are now corrected.", at: world.now.toISOString() },
      changes: [
        { fieldId: "claims", label: "Claims", before: 2, after: 35, note: "Claims were entered in the compliments row." },
        { fieldId: "compliments", label: "Compliments and thanks", before: 35, after: 2, note: null },
      ],
    });
    // The body reads the same.
    expect(await submitter.returns.changesSinceReturned({ returnId: draft.returnId })).toEqual(changes);
    expect((await oversight.returns.find({ organisationCode: "A1", period }))!).toMatchObject({ revision: 2, status: "approved" });

    // Accepting it keeps the comparison with the returned figures.
    await oversight.returns.accept({ returnId: draft.returnId, expectedVersion: reapproved.version });
    expect((await oversight.returns.changesSinceReturned({ returnId: draft.returnId }))?.changes).toHaveLength(2);
    // The figures returned never counted, so the accepted ones are not revised figures ([r]) in a board pack.
    const user = world.users.aOversight;
    const pack = await gatherPackData({ db: world.db, actor: user, now: world.now.toISOString(), scope: await loadScope(world.db, user) }, { departmentCode: "DEPT-A", period }, "oversight@example.gov.uk");
    expect(pack.revisions).toEqual([]);
  });

  it("refuses a reply on a return the department did not return, and stores nothing", async () => {
    const submitter = world.caller("a2Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A2", period });
    const saved = await submitter.returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: exampleReturnValues() });
    const refused = await rejection(submitter.returns.submit({ returnId: draft.returnId, expectedVersion: saved.version, reply: "Here are our figures." }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("A reply to the department goes with a return the department returned, and it did not return this one: leave the reply blank.");
    expect(await submitter.returns.get({ returnId: draft.returnId })).toMatchObject({ status: "draft", version: saved.version });
  });
});
