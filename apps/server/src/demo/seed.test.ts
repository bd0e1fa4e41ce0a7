import { sql } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "./seed.ts";

describe.each(testDialects())("the demo data on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await seedDemo(t.db, new Date("2026-12-01T12:00:00Z"));
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

  it("records when each return sent to the department was received and the due date then", async () => {
    const rows = await sql<{ received_at: string | null; due_date_at_receipt: string | null; status: string }>`
      select r.received_at, r.due_date_at_receipt, rv.status from returns r join return_revisions rv on rv.return_id = r.id and rv.revision = r.current_revision`.execute(t.db);
    const sent = rows.rows.filter((r) => r.status === "approved" || r.status === "accepted");
    expect(sent.length).toBeGreaterThan(200);
    expect(sent.filter((r) => r.received_at === null || !/^\d{4}-\d{2}-\d{2}$/.test(r.due_date_at_receipt ?? ""))).toEqual([]);
    expect(rows.rows.filter((r) => r.status === "draft" || r.status === "submitted").filter((r) => r.received_at !== null)).toEqual([]);
  });
});
