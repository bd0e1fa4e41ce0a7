import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActionPlan, insertActionPlan, insertActionReview, listActionPlans, updateActionPlan, type NewActionPlan } from "./queries/action-plans.ts";
import { upsertOrganisations } from "./queries/organisations.ts";
import { createTestDatabase, testDialects, type TestDatabase } from "./testing/index.ts";

const now = "2025-07-01T09:00:00.000Z";

const plan: NewActionPlan = {
  id: "plan-1",
  organisationCode: "BODY",
  failing: "Letters went to an old address: “café” ✓",
  sourceComplaints: ["CMP-1", "CMP-2"],
  action: "Check the address",
  kind: "service",
  owner: "Renewals team",
  startDate: "2025-07-01",
  dueDate: "2025-09-30",
  standards: "Style guide",
  involvement: ["visiting", "monitoring"],
  involvementNote: "",
  keptInformed: "Email",
  monitoring: "Monthly sample",
  impactMeasure: "Complaints",
  impactBaseline: "12",
  impactTarget: "3",
  impactResult: "",
  themes: ["delay", "communication"],
  publishable: true,
  publicSummary: "You said letters went astray; we now check addresses.",
  completedDate: null,
  verifiedBy: null,
  verifiedDate: null,
  verificationNote: null,
  createdAt: now,
  createdBy: "user-1",
};

describe.each(testDialects())("action plans on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await upsertOrganisations(
      t.db,
      [
        { code: "DEPT", name: "Department", kind: "department", bodyType: "ministerial department", parentCode: null, region: "england-and-wales", activeFrom: "2020-04-01", activeTo: null, serviceAreas: [] },
        { code: "BODY", name: "Body", kind: "body", bodyType: "executive agency", parentCode: "DEPT", region: "scotland", activeFrom: "2020-04-01", activeTo: null, serviceAreas: [] },
        { code: "OTHER", name: "Other", kind: "body", bodyType: "executive agency", parentCode: "DEPT", region: "scotland", activeFrom: "2020-04-01", activeTo: null, serviceAreas: [] },
      ],
      now,
    );
  });
  afterAll(() => t.close());

  it("stores every field as it was given, lists and booleans included, at version 1", async () => {
    await insertActionPlan(t.db, plan);
    const { reviews, version, updatedAt, updatedBy, ...stored } = (await getActionPlan(t.db, "plan-1"))!;
    // Not approved for publication until someone approves it.
    expect(stored).toEqual({ ...plan, publicationApprovedBy: null, publicationApprovedByName: null, publicationApprovedAt: null });
    expect({ reviews, version, updatedAt, updatedBy }).toEqual({ reviews: [], version: 1, updatedAt: now, updatedBy: "user-1" });
  });

  it("changes a plan only at the version it was read, and moves it on", async () => {
    expect(await updateActionPlan(t.db, "plan-1", 1, { publishable: false, themes: [] }, { at: "2025-07-02T09:00:00.000Z", userId: "user-2" })).toBe(true);
    expect(await updateActionPlan(t.db, "plan-1", 1, { owner: "Someone else" }, { at: "2025-07-03T09:00:00.000Z", userId: "user-3" })).toBe(false);
    const stored = (await getActionPlan(t.db, "plan-1"))!;
    expect(stored).toMatchObject({ version: 2, publishable: false, themes: [], owner: "Renewals team", updatedBy: "user-2" });
  });

  it("keeps reviews with their plan, oldest first, and lists plans by organisation", async () => {
    await insertActionPlan(t.db, { ...plan, id: "plan-2", organisationCode: "OTHER" });
    await insertActionReview(t.db, "plan-1", { id: "r2", date: "2025-08-15", note: "Half done", recordedBy: "u", recordedByName: "U", recordedAt: now });
    await insertActionReview(t.db, "plan-1", { id: "r1", date: "2025-08-01", note: "Started", recordedBy: "u", recordedByName: "U", recordedAt: now });
    expect((await getActionPlan(t.db, "plan-1"))!.reviews.map((r) => r.note)).toEqual(["Started", "Half done"]);
    const listed = await listActionPlans(t.db, ["BODY"]);
    expect(listed.map((p) => [p.id, p.reviews.length])).toEqual([["plan-1", 2]]);
    expect((await listActionPlans(t.db, ["BODY", "OTHER"])).map((p) => p.id).sort()).toEqual(["plan-1", "plan-2"]);
    expect(await listActionPlans(t.db, [])).toEqual([]);
    expect(await getActionPlan(t.db, "nope")).toBeUndefined();
  });

  it("stores who approved the summary for publication and when, and clears it", async () => {
    const approval = { publicationApprovedBy: "user-9", publicationApprovedByName: "Sam Approver", publicationApprovedAt: "2025-07-04T09:00:00.000Z" };
    await insertActionPlan(t.db, { ...plan, id: "plan-3", ...approval });
    expect(await getActionPlan(t.db, "plan-3")).toMatchObject(approval);
    expect(await updateActionPlan(t.db, "plan-3", 1, { publicationApprovedBy: null, publicationApprovedByName: null, publicationApprovedAt: null }, { at: now, userId: "user-9" })).toBe(true);
    expect(await getActionPlan(t.db, "plan-3")).toMatchObject({ version: 2, publicationApprovedBy: null, publicationApprovedByName: null, publicationApprovedAt: null });
  });
});
