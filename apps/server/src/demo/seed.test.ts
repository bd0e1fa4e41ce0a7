import { createCaller, createContext } from "@complaints/api";
import { findUserByEmail, sql } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionCompletionFieldsSchema, actionPlanInputSchema, periodDates, periodFromIndex, withCompletionRules, type Role } from "@complaints/domain";
import { seedDemo } from "./seed.ts";

describe.each(testDialects())("the demo data on %s", (dialect) => {
  let t: TestDatabase;
  const now = new Date("2026-12-01T12:00:00Z");
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, now);
  }, 120_000);
  afterAll(() => t.close());

  it("keeps to the rules it demonstrates: a body's own people submit and approve, its own department decides", async () => {
    const rows = await sql<{ body: string; department: string; submitter: string | null; approver: string | null; decider: string | null; status: string }>`
      select o.code as body, o.parent_code as department, s.organisation_code as submitter, a.organisation_code as approver, d.organisation_code as decider, rv.status
      from return_revisions rv
      join returns r on r.id = rv.return_id
      join organisations o on o.code = r.organisation_code
      left join users s on s.id = rv.submitted_by
      left join users a on a.id = rv.approved_by
      left join users d on d.id = rv.decided_by`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThan(250);
    const decided = rows.rows.filter((r) => r.status === "accepted" || (r.status === "returned" && r.decider !== null));
    expect(decided.length).toBeGreaterThan(200);
    expect(rows.rows.filter((r) => r.decider !== null && r.decider !== r.department)).toEqual([]);
    expect(rows.rows.filter((r) => r.submitter !== null && r.submitter !== r.body)).toEqual([]);
    expect(rows.rows.filter((r) => r.approver !== null && r.approver !== r.body)).toEqual([]);
    // Every decided revision names its decider; each department's decisions are its own oversight analyst's.
    expect(decided.filter((r) => r.decider === null)).toEqual([]);
    expect(new Set(decided.map((r) => r.department))).toEqual(new Set(["DES", "MSA", "DIP"]));
  });

  it("dates each body from its first quarter of data, so its profile's ‘Since’ is when it began reporting", async () => {
    const rows = await sql<{ code: string; active_from: string; first_index: number }>`
      select o.code, o.active_from, min(r.period_index) as first_index from organisations o join returns r on r.organisation_code = o.code group by o.code, o.active_from`.execute(t.db);
    expect(rows.rows.length).toBe(40);
    expect(rows.rows.filter((r) => r.active_from !== periodDates(periodFromIndex(Number(r.first_index))).start)).toEqual([]);
  });

  it("puts the last two quarters on template v2 and finds the planted emerging theme: digital services at the Ministry of Sample Affairs", async () => {
    const versions = await sql<{ period: string; version: number }>`
      select distinct r.period, rv.template_version as version from returns r join return_revisions rv on rv.return_id = r.id order by r.period`.execute(t.db);
    expect(versions.rows.map((r) => `${r.period} v${r.version}`)).toEqual([...["2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"].map((p) => `${p} v1`), "2026-27 Q1 v2", "2026-27 Q2 v2"]);
    const u = (await findUserByEmail(t.db, "oversight.msa@demo.example"))!;
    const caller = createCaller(createContext({ db: t.db, clock: () => now, user: { id: u.id, email: u.email, displayName: u.display_name, role: u.role as Role, organisationCode: u.organisation_code } }));
    const { emerging } = await caller.metrics.themes({ departmentCode: "MSA" });
    expect(emerging.filter((e) => e.scope === "department").map((e) => `${e.theme} ${e.reason}`)).toEqual(["theme_digital above-upper-limit"]);
    expect(emerging.filter((e) => e.organisationCode === "MSA-ENE7").map((e) => e.theme)).toEqual(["theme_digital"]);
  });

  it("records when each return sent to the department was received and the due date then", async () => {
    const rows = await sql<{ received_at: string | null; due_date_at_receipt: string | null; status: string }>`
      select r.received_at, r.due_date_at_receipt, rv.status from returns r join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision`.execute(t.db);
    const sent = rows.rows.filter((r) => r.status === "approved" || r.status === "accepted");
    expect(sent.length).toBeGreaterThan(200);
    expect(sent.filter((r) => r.received_at === null || !/^\d{4}-\d{2}-\d{2}$/.test(r.due_date_at_receipt ?? ""))).toEqual([]);
    expect(rows.rows.filter((r) => r.status === "draft" || r.status === "submitted").filter((r) => r.received_at !== null)).toEqual([]);
  });

  it("gives every body open today a handful of action plans the API would accept: some overdue, some completed on time and late, some publishable", async () => {
    const demoUser = async (email: string) => {
      const u = (await findUserByEmail(t.db, email))!;
      return createCaller(createContext({ db: t.db, clock: () => now, user: { id: u.id, email: u.email, displayName: u.display_name, role: u.role as Role, organisationCode: u.organisation_code } }));
    };
    const oversight = await demoUser("oversight@demo.example");
    const plans = [];
    for (const department of ["DES", "MSA", "DIP"]) {
      const caller = department === "DES" ? oversight : await demoUser(`oversight.${department.toLowerCase()}@demo.example`);
      plans.push(...(await caller.actions.listForDepartment({ departmentCode: department })));
    }
    const perBody = new Map<string, number>();
    for (const p of plans) perBody.set(p.organisationCode, (perBody.get(p.organisationCode) ?? 0) + 1);
    expect(perBody.size).toBeGreaterThanOrEqual(34);
    expect([...perBody.values()].every((n) => n >= 3 && n <= 5)).toBe(true);
    expect(plans.filter((p) => p.overdue).length).toBe(perBody.size);
    const completed = plans.filter((p) => p.status === "completed");
    expect(completed.filter((p) => p.completedDate! <= p.dueDate).length).toBe(perBody.size);
    expect(completed.filter((p) => p.completedDate! > p.dueDate).length).toBeGreaterThan(10);
    expect(plans.filter((p) => p.status === "not_started").length).toBeGreaterThan(5);
    expect(plans.filter((p) => p.publishable && p.publicSummary !== "").length).toBeGreaterThanOrEqual(perBody.size);
    // Varied texts in each body's own words: no body repeats one, and few bodies share one.
    expect(new Set(plans.map((p) => p.action)).size).toBeGreaterThan(plans.length / 3);
    expect(new Set(plans.map((p) => p.failing)).size).toBeGreaterThan(plans.length / 3);
    for (const code of perBody.keys()) {
      const own = plans.filter((p) => p.organisationCode === code).map((p) => p.failing);
      expect(new Set(own).size, code).toBe(own.length);
    }
    // Every completed publishable plan is approved by its body's senior accountable officer, so each body publishes at least one; nothing else is.
    const published = plans.filter((p) => p.publication === "published");
    expect(published.length).toBeGreaterThanOrEqual(perBody.size);
    expect(published.every((p) => p.status === "completed" && p.publishable && p.publicationApprovedBy !== null && p.publicationApprovedAt! <= now.toISOString())).toBe(true);
    expect(plans.filter((p) => p.publishable && p.status === "completed" && p.publication !== "published")).toEqual([]);
    // Each would pass the API's own checks, and no completion or review is dated after today.
    for (const p of plans) {
      expect(actionPlanInputSchema.safeParse(p).success).toBe(true);
      if (p.completedDate) expect(withCompletionRules(actionCompletionFieldsSchema).safeParse(p).success).toBe(true);
      expect([p.completedDate ?? "", p.verifiedDate ?? "", ...p.reviews.map((r) => r.date)].every((d) => d <= "2026-12-01")).toBe(true);
    }
    // The demo body's own people see theirs, overdue first.
    const own = await (await demoUser("submitter@demo.example")).actions.list({ organisationCode: "DES-LIC1" });
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own[0]!.overdue).toBe(true);
    expect(own[0]!.reviews[0]!.recordedByName).toBe("Sam Submitter");
  });
});
