import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { exampleActionPlan } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedLearning } from "./services/learning.ts";
import { createWorld, rejection, type World, type WorldUserKey } from "./testing/world.ts";

/** Closes a plan (at version 1) as its complaints team, and has its senior accountable officer approve its summary for publication. */
async function completeAndApprove(world: World, submitter: WorldUserKey, approver: WorldUserKey, id: string, completedDate: string): Promise<void> {
  const completed = await world.caller(submitter).actions.complete({ id, expectedVersion: 1, completedDate, verifiedBy: "Digital team", verifiedDate: completedDate, verificationNote: "Tested with 6 users" });
  await world.caller(approver).actions.approvePublication({ id, expectedVersion: completed.version });
}

// The world's clock is 2025-07-10.
describe.each(testDialects())("the learning library and one body's plans on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    const a1 = world.caller("a1Submitter");
    const a2 = world.caller("a2Submitter");
    ids.letters = (await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ themes: ["communication"], publishable: true, publicSummary: "You said our letters went to your old address. We now check it first." }) })).id;
    await completeAndApprove(world, "a1Submitter", "a1Approver", ids.letters, "2025-07-05");
    // Completed a day late, on 2025-07-02.
    ids.queue = (await a2.actions.create({ organisationCode: "A2", ...exampleActionPlan({ action: "Give the queue a named owner.", startDate: "2025-06-01", dueDate: "2025-07-01", themes: ["delay"], publishable: true, publicSummary: "You said your application sat in a QUEUE for weeks." }) })).id;
    await completeAndApprove(world, "a2Submitter", "a2Approver", ids.queue, "2025-07-02");
    // Completed on 2025-07-08: the newest item.
    ids.form = (await a2.actions.create({ organisationCode: "A2", ...exampleActionPlan({ action: "Rebuild the online form.", startDate: "2025-05-01", dueDate: "2025-07-31", themes: ["digital", "accessibility"], publishable: true, publicSummary: "You said the form did not work with a screen reader. We rebuilt it." }) })).id;
    await completeAndApprove(world, "a2Submitter", "a2Approver", ids.form, "2025-07-08");
    // Not publishable: never in the library, whatever its summary says.
    ids.private = (await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ owner: "Jo Bloggs", themes: ["delay"], publishable: false, publicSummary: "" }) })).id;
    // Publishable but in progress (overdue), so not approved: never in the library either.
    ids.waiting = (await a1.actions.create({ organisationCode: "A1", ...exampleActionPlan({ startDate: "2025-06-01", dueDate: "2025-07-01", themes: ["delay"], publishable: true, publicSummary: "WAITING: you said the phones were never answered." }) })).id;
    ids.other = (await world.caller("b1Submitter").actions.create({ organisationCode: "B1", ...exampleActionPlan({ publishable: true, publicSummary: "You said letters were late. Department B fixed it." }) })).id;
    await completeAndApprove(world, "b1Submitter", "b1Approver", ids.other, "2025-07-03");
  });
  afterAll(() => t.close());

  it("lists the department's published items newest first, with only what is fit to share", async () => {
    const library = await world.caller("aSecretariat").actions.learning({ departmentCode: "DEPT-A" });
    expect(library).toMatchObject({ departmentCode: "DEPT-A", departmentName: "Department A", total: 3 });
    // Completed 2025-07-08, 2025-07-05 and 2025-07-02; not the private plan nor the one waiting for approval.
    expect(library.items.map((i) => i.id)).toEqual([ids.form, ids.letters, ids.queue]);
    expect(library.items.map((i) => i.date)).toEqual(["2025-07-08", "2025-07-05", "2025-07-02"]);
    expect(JSON.stringify(library)).not.toContain("WAITING");
    const form = library.items[0]!;
    expect(form).toMatchObject({ organisationCode: "A2", organisationName: "Agency A2", summary: "You said the form did not work with a screen reader. We rebuilt it.", status: "completed", statusLabel: "Completed", kindLabel: "Improve the service" });
    expect(form.themes).toEqual([
      { code: "digital", label: "Digital services" },
      { code: "accessibility", label: "Accessibility and reasonable adjustments" },
    ]);
    // No complaint references, failing, owner, involvement or verification leave the service.
    const text = JSON.stringify(library);
    for (const secret of ["CMP-2025-0412", "Letters about renewals went to an old address", "Renewals team", "Email update each month", "Tested with 6 users", "Digital team", "reviewing_guidance"]) expect(text).not.toContain(secret);
    expect(Object.keys(form).sort()).toEqual(["action", "completedDate", "date", "dueDate", "id", "impactMeasure", "impactResult", "impactTarget", "kind", "kindLabel", "organisationCode", "organisationName", "startDate", "status", "statusLabel", "summary", "themes"]);
  });

  it("finds items by every word searched, in any case, in the summary, action, theme or body name", async () => {
    const search = async (q: string) => (await world.caller("aOversight").actions.learning({ departmentCode: "DEPT-A", q })).items.map((i) => i.id);
    expect(await search("queue")).toEqual([ids.queue]);
    expect(await search("  Screen   READER ")).toEqual([ids.form]);
    expect(await search("named owner")).toEqual([ids.queue]);
    expect(await search("reasonable adjustments")).toEqual([ids.form]);
    expect(await search("agency a1")).toEqual([ids.letters]);
    expect(await search("letters")).toEqual([ids.letters]);
    expect(await search("letters queue")).toEqual([]);
    // Words from a private plan or another department find nothing.
    expect(await search("Department B")).toEqual([]);
  });

  it("filters by theme and by body, and says how many items there are before the search", async () => {
    const oversight = world.caller("aOversight");
    expect((await oversight.actions.learning({ departmentCode: "DEPT-A", theme: "delay" })).items.map((i) => i.id)).toEqual([ids.queue]);
    const a2 = await oversight.actions.learning({ departmentCode: "DEPT-A", organisationCode: "A2", q: "you said" });
    expect([a2.total, a2.items.map((i) => i.id)]).toEqual([2, [ids.form, ids.queue]]);
  });

  it("lists one body's plans across the department, and refuses a body of another department", async () => {
    const oversight = world.caller("aOversight");
    const a1 = await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", organisationCode: "A1" });
    expect(a1.map((p) => p.id).sort()).toEqual([ids.letters, ids.private, ids.waiting].sort());
    expect((await oversight.actions.listForDepartment({ departmentCode: "DEPT-A", organisationCode: "A1", status: "overdue" })).map((p) => p.id)).toEqual([ids.waiting]);
    for (const call of [() => oversight.actions.listForDepartment({ departmentCode: "DEPT-A", organisationCode: "B1" }), () => oversight.actions.learning({ departmentCode: "DEPT-A", organisationCode: "B1" })]) {
      const refused = await rejection(call());
      expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "You do not have access to that organisation."]);
    }
    // The department's own code is not one of its bodies.
    const notABody = await rejection(oversight.actions.learning({ departmentCode: "DEPT-A", organisationCode: "DEPT-A" }));
    expect(notABody.code).toBe("BAD_REQUEST");
  });

  it("is for department users: a body's own people cannot read the department's library", async () => {
    const refused = await rejection(world.caller("a1Submitter").actions.learning({ departmentCode: "DEPT-A" }));
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("publishes the same items to anyone, for a body or a department, without the action as recorded, and nothing for an unknown or closed organisation", async () => {
    const library = await world.caller("aSecretariat").actions.learning({ departmentCode: "DEPT-A" });
    const department = await publishedLearning(world.db, "DEPT-A", world.now);
    // The library's items, with only the public summary, themes, status and dates: not the action
    // (written for signed-in department users), its kind or impact measure.
    const fields = ["completedDate", "date", "dueDate", "id", "organisationClosed", "organisationCode", "organisationName", "startDate", "status", "statusLabel", "summary", "themes"];
    expect(department?.items.map((i) => Object.keys(i).sort())).toEqual(library.items.map(() => fields));
    expect(department).toEqual({
      organisation: { code: "DEPT-A", name: "Department A", kind: "department" },
      items: library.items.map((i) => ({ id: i.id, organisationCode: i.organisationCode, organisationName: i.organisationName, organisationClosed: false, summary: i.summary, themes: i.themes, status: i.status, statusLabel: i.statusLabel, startDate: i.startDate, dueDate: i.dueDate, completedDate: i.completedDate, date: i.date })),
    });
    const published = JSON.stringify(department);
    for (const action of ["Give the queue a named owner.", "Rebuild the online form.", "Check the address on file before sending renewal letters."]) expect(published, action).not.toContain(action);
    // The library, for signed-in department users, keeps the action.
    expect(library.items.map((i) => i.action)).toContain("Rebuild the online form.");
    const a2 = await publishedLearning(world.db, "A2", world.now);
    expect([a2?.organisation, a2?.items.map((i) => i.id)]).toEqual([{ code: "A2", name: "Agency A2", kind: "body" }, [ids.form, ids.queue]]);
    // A1's private plan is not published, and B1's item stays with department B.
    expect((await publishedLearning(world.db, "A1", world.now))?.items.map((i) => i.id)).toEqual([ids.letters]);
    expect((await publishedLearning(world.db, "DEPT-B", world.now))?.items.map((i) => i.id)).toEqual([ids.other]);
    for (const code of ["NOPE", "A-OLD", "a1"]) expect(await publishedLearning(world.db, code, world.now), code).toBeNull();
  });

  it("marks a closed body's items on its department's page, so the page links to no page of its own", async () => {
    // A plan of A-OLD's from before it closed (moved there directly: the service takes no new plans for a closed body).
    const old = (await world.caller("a1Submitter").actions.create({ organisationCode: "A1", ...exampleActionPlan({ publishable: true, publicSummary: "You said the old office was hard to reach." }) })).id;
    await completeAndApprove(world, "a1Submitter", "a1Approver", old, "2025-07-04");
    await t.db.updateTable("action_plans").set({ organisation_code: "A-OLD" }).where("id", "=", old).execute();
    const items = (await publishedLearning(world.db, "DEPT-A", world.now))!.items;
    expect(items.filter((i) => i.organisationClosed).map((i) => [i.id, i.organisationCode])).toEqual([[old, "A-OLD"]]);
    expect(await publishedLearning(world.db, "A-OLD", world.now)).toBeNull();
  });
});
