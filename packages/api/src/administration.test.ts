import { appendAuditMany, getOrganisation, listAudit } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** A department administrator's bodies, windows and audit log (services organisations.ts, windows.ts, audit.ts). */
describe.each(testDialects())("administration on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it("adds a body under the administrator's department and renames it, each change in the audit log", async () => {
    const admin = world.caller("aAdmin");
    const added = await admin.organisations.add({ departmentCode: "DEPT-A", code: "A3", name: "Agency A3", bodyType: "executive agency", region: "northern-ireland", activeFrom: "2025-04-01" });
    expect(added).toMatchObject({ code: "A3", kind: "body", parentCode: "DEPT-A", region: "northern-ireland", activeTo: null });
    await admin.organisations.rename({ code: "A3", name: "Agency A3 Northern Ireland" });
    expect((await getOrganisation(t.db, "A3"))?.name).toBe("Agency A3 Northern Ireland");
    const audit = await listAudit(t.db, "organisation", "A3");
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["organisation.added", "aadmin@example.gov.uk"],
      ["organisation.renamed", "aadmin@example.gov.uk"],
    ]);
    expect(audit[1]!.changes).toEqual([{ field: "name", old: "Agency A3", new: "Agency A3 Northern Ireland" }]);
    // A code is unique across departments; a department's code is taken too.
    const taken = await rejection(admin.organisations.add({ departmentCode: "DEPT-A", code: "B1", name: "Clash", bodyType: "other", region: "scotland", activeFrom: "2025-04-01" }));
    expect([taken.code, taken.message]).toEqual(["CONFLICT", "There is already an organisation with code B1. Choose another code."]);
    const badCode = await rejection(admin.organisations.add({ departmentCode: "DEPT-A", code: "a 3", name: "X", bodyType: "other", region: "scotland", activeFrom: "2025-04-01" }));
    expect(badCode.code).toBe("BAD_REQUEST");
    expect(badCode.message).toContain("An organisation code is 2 to 20 capital letters, digits or hyphens");
  });

  it("refuses the administrator of department B everything about department A's bodies, changing nothing", async () => {
    const b = world.caller("bAdmin");
    const attempts = [
      () => b.organisations.add({ departmentCode: "DEPT-A", code: "A9", name: "Sneaky", bodyType: "other", region: "scotland", activeFrom: "2025-04-01" }),
      () => b.organisations.rename({ code: "A1", name: "Renamed by B" }),
      () => b.organisations.close({ code: "A1", activeTo: "2025-09-30" }),
      () => b.organisations.addServiceArea({ organisationCode: "A1", areaCode: "sneaky", label: "Sneaky" }),
      () => b.organisations.deleteServiceArea({ organisationCode: "A1", areaCode: "licences" }),
      () => b.organisations.manageList({ departmentCode: "DEPT-A" }),
      () => b.windows.extend({ departmentCode: "DEPT-A", period: "2025-26 Q1", organisationCode: "A1", dueDate: "2025-12-01", reason: "x" }),
      // Its own window cannot be stretched over another department's body either.
      () => b.windows.extend({ departmentCode: "DEPT-B", period: "2025-26 Q1", organisationCode: "A1", dueDate: "2025-12-01", reason: "x" }),
      () => b.audit.list({ departmentCode: "DEPT-A" }),
      () => b.audit.list({ departmentCode: "DEPT-B", organisationCode: "A1" }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    expect(await getOrganisation(t.db, "A1")).toMatchObject({ name: "Agency A1", activeTo: null, serviceAreas: [{ code: "licences", label: "Licences" }] });
    expect(await getOrganisation(t.db, "A9")).toBeUndefined();
    // Department B's administrator sees its own log only.
    const bLog = await b.audit.list({ departmentCode: "DEPT-B" });
    expect(bLog.entries.every((e) => e.organisationCode === "B1" || e.organisationCode === "DEPT-B")).toBe(true);
  });

  it("a closed body stays expected for the quarter it closes in, not the next, and keeps its history", async () => {
    const admin = world.caller("aAdmin");
    const analyst = world.caller("aOversight");
    const codes = async (period: string) => (await analyst.tracker.forPeriod({ departmentCode: "DEPT-A", period })).rows.map((r) => r.organisationCode).sort();
    expect(await codes("2025-26 Q2")).toContain("A2");
    const closed = await admin.organisations.close({ code: "A2", activeTo: "2025-08-15", reason: "Merged into A1" });
    expect(closed).toMatchObject({ activeTo: "2025-08-15", lastExpected: "Jul to Sep 2025" });
    expect(await codes("2025-26 Q1")).toContain("A2");
    expect(await codes("2025-26 Q2")).toContain("A2");
    expect(await codes("2025-26 Q3")).not.toContain("A2");
    // Its organisation record stays, readable as before.
    expect((await analyst.organisations.get({ code: "A2" })).activeTo).toBe("2025-08-15");
    const again = await rejection(admin.organisations.close({ code: "A2", activeTo: "2025-09-30" }));
    expect([again.code, again.message]).toEqual(["CONFLICT", "Agency A2 is already closed: it closed on 15 August 2025."]);
    const early = await rejection(admin.organisations.close({ code: "A1", activeTo: "2014-01-01" }));
    expect([early.code, early.message]).toEqual(["BAD_REQUEST", "The date it closes must be on or after the date it started, 1 April 2015."]);
    expect((await listAudit(t.db, "organisation", "A2")).at(-1)).toMatchObject({ action: "organisation.closed", reason: "Merged into A1", changes: [{ field: "active_to", old: null, new: "2025-08-15" }] });
  });

  it("adds and renames service-area codes; a code in use cannot be deleted, only retired", async () => {
    const admin = world.caller("aAdmin");
    await admin.organisations.addServiceArea({ organisationCode: "A1", areaCode: "permits", label: "Permits" });
    const duplicate = await rejection(admin.organisations.addServiceArea({ organisationCode: "A1", areaCode: "permits", label: "Again" }));
    expect(duplicate.code).toBe("CONFLICT");
    const badCode = await rejection(admin.organisations.addServiceArea({ organisationCode: "A1", areaCode: "Bad Code", label: "X" }));
    expect([badCode.code, badCode.message]).toEqual(["BAD_REQUEST", "areaCode: A service area code is lower-case letters, digits or underscores."]);
    await admin.organisations.renameServiceArea({ organisationCode: "A1", areaCode: "licences", label: "Driving licences" });

    // A1's complaints team answers the licences breakdown in a draft: the code is now in use.
    const submitter = world.caller("a1Submitter");
    const draft = await submitter.returns.openDraft({ organisationCode: "A1", period: "2025-26 Q1" });
    await submitter.returns.saveChanges({ returnId: draft.returnId, baseVersion: draft.version, values: { "received_by_service_area.licences": { from: null, to: 4 } } });
    const inUse = await rejection(admin.organisations.deleteServiceArea({ organisationCode: "A1", areaCode: "licences" }));
    expect([inUse.code, inUse.message]).toEqual(["CONFLICT", "The service area Driving licences (licences) cannot be deleted because returns or cases of Agency A1 use it. Retire it instead."]);
    await admin.organisations.retireServiceArea({ organisationCode: "A1", areaCode: "licences", retired: true });
    // An unused code goes.
    await admin.organisations.deleteServiceArea({ organisationCode: "A1", areaCode: "permits" });
    expect((await getOrganisation(t.db, "A1"))?.serviceAreas).toEqual([{ code: "licences", label: "Driving licences", retired: true }]);
    expect((await listAudit(t.db, "organisation", "A1")).map((a) => a.action)).toEqual([
      "organisation.serviceAreaAdded",
      "organisation.serviceAreaRenamed",
      "organisation.serviceAreaRetired",
      "organisation.serviceAreaDeleted",
    ]);
  });

  it("previews each body's default due date in its own nation before opening a quarter, and refuses a date inside the quarter", async () => {
    const admin = world.caller("aAdmin");
    // Oct to Dec 2025: 20 working days after 31 December. England and Wales skips 1 January (due
    // Thu 29 January 2026); Scotland skips 1 and 2 January (Fri 30 January); gov.uk/bank-holidays.
    const preview = await admin.windows.preview({ departmentCode: "DEPT-A", period: "2025-26 Q3", dueDate: null });
    expect(preview.bodies.map((b) => [b.code, b.dueDate])).toEqual([
      ["A1", "2026-01-29"],
      ["A3", "2026-01-29"],
    ]);
    const set = await admin.windows.preview({ departmentCode: "DEPT-A", period: "2025-26 Q3", dueDate: "2026-02-02" });
    expect(new Set(set.bodies.map((b) => b.dueDate))).toEqual(new Set(["2026-02-02"]));
    const inside = await rejection(admin.windows.open({ departmentCode: "DEPT-A", period: "2025-26 Q3", dueDate: "2025-12-01" }));
    expect([inside.code, inside.message]).toEqual(["BAD_REQUEST", "The due date must be after the quarter ends, 31 December 2025."]);
    await admin.windows.open({ departmentCode: "DEPT-A", period: "2025-26 Q3", dueDate: null });
    await admin.windows.close({ departmentCode: "DEPT-A", period: "2025-26 Q3" });
    const twice = await rejection(admin.windows.close({ departmentCode: "DEPT-A", period: "2025-26 Q3" }));
    expect([twice.code, twice.message]).toEqual(["CONFLICT", "The reporting window for Oct to Dec 2025 is already closed."]);
  });

  it("extends the due date for one body with a reason; the tracker and the body see it, the others keep theirs", async () => {
    const admin = world.caller("aAdmin");
    const extended = await admin.windows.extend({ departmentCode: "DEPT-A", period: "2025-26 Q1", organisationCode: "A1", dueDate: "2025-08-15", reason: "Case system outage" });
    expect(extended).toMatchObject({ dueDate: "2025-08-15", previousDueDate: "2025-07-28" });
    const [a1Window] = await world.caller("a1Submitter").windows.list({ openOnly: true });
    expect(a1Window).toMatchObject({ period: "2025-26 Q1", dueDate: "2025-08-15" });
    const tracker = await world.caller("aOversight").tracker.forPeriod({ departmentCode: "DEPT-A", period: "2025-26 Q1" });
    expect(Object.fromEntries(tracker.rows.map((r) => [r.organisationCode, r.dueDate]))).toMatchObject({ A1: "2025-08-15", A2: "2025-07-28" });
    const earlier = await rejection(admin.windows.extend({ departmentCode: "DEPT-A", period: "2025-26 Q1", organisationCode: "A1", dueDate: "2025-08-01", reason: "x" }));
    expect([earlier.code, earlier.message]).toEqual(["BAD_REQUEST", "The new due date must be after Agency A1's current due date, 15 August 2025."]);
    const noReason = await rejection(admin.windows.extend({ departmentCode: "DEPT-A", period: "2025-26 Q1", organisationCode: "A1", dueDate: "2025-09-01", reason: "  " }));
    expect(noReason.code).toBe("BAD_REQUEST");
    const notOpen = await rejection(admin.windows.extend({ departmentCode: "DEPT-A", period: "2026-27 Q1", organisationCode: "A1", dueDate: "2026-09-01", reason: "x" }));
    expect([notOpen.code, notOpen.message]).toEqual(["NOT_FOUND", "The reporting window for Apr to Jun 2026 has not been opened."]);
    const log = await admin.audit.list({ departmentCode: "DEPT-A", action: "window.extended" });
    expect(log.entries.map((e) => [e.organisationCode, e.reason, e.changes])).toEqual([["A1", "Case system outage", [{ field: "due_date", old: "2025-07-28", new: "2025-08-15" }]]]);
  });

  it("lists the audit log 50 a page, newest first, filtered by organisation, person, return, kind and date", async () => {
    const admin = world.caller("aAdmin");
    await appendAuditMany(
      t.db,
      Array.from({ length: 120 }, (_, i) => ({
        at: `2025-06-${String(1 + (i % 30)).padStart(2, "0")}T09:00:00.000Z`,
        actorUserId: null,
        actor: "import",
        action: "return.seeded",
        entityType: "return",
        entityId: i < 3 ? "return-x" : `return-${i}`,
        organisationCode: "A1",
        changes: [],
        reason: null,
      })),
    );
    const filter = { departmentCode: "DEPT-A", actor: "import" };
    const first = await admin.audit.list(filter);
    expect([first.total, first.pages, first.entries.length]).toEqual([120, 3, 50]);
    expect(first.entries[0]!.id).toBeGreaterThan(first.entries[49]!.id);
    expect((await admin.audit.list({ ...filter, page: 3 })).entries).toHaveLength(20);
    expect((await rejection(admin.audit.list({ ...filter, page: 4 }))).code).toBe("NOT_FOUND");
    expect((await admin.audit.list({ ...filter, returnId: "return-x" })).total).toBe(3);
    // 1 and 2 June, both days included: 4 entries each.
    expect((await admin.audit.list({ ...filter, from: "2025-06-01", to: "2025-06-02" })).total).toBe(8);
    expect((await admin.audit.list({ departmentCode: "DEPT-A", organisationCode: "A3" })).entries.map((e) => e.action)).toEqual(["organisation.renamed", "organisation.added"]);
    expect(first.actions).toContain("window.extended");
    const backwards = await rejection(admin.audit.list({ departmentCode: "DEPT-A", from: "2025-06-02", to: "2025-06-01" }));
    expect(backwards.code).toBe("BAD_REQUEST");
    const download = await admin.audit.download({ departmentCode: "DEPT-A", organisationCode: "A3" });
    expect(download.header).toEqual(["id", "at", "actor", "action", "organisation_code", "entity_type", "entity_id", "changes", "reason"]);
    expect(download.rows.map((r) => r[3])).toEqual(["organisation.renamed", "organisation.added"]);
    expect(download.rows[0]![7]).toBe('name: "Agency A3" → "Agency A3 Northern Ireland"');
  });
});
