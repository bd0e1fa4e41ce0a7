import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { appendAudit, listAudit } from "./queries/audit.ts";
import { listOrganisations, upsertOrganisations } from "./queries/organisations.ts";
import { listCurrentReturns } from "./queries/current-returns.ts";
import { replaceFieldValues } from "./queries/return-values.ts";
import { insertReturn, insertRevision, loadRevision, updateRevision } from "./queries/revisions.ts";
import { createTestDatabase, testDialects, type TestDatabase } from "./testing/index.ts";

const now = "2025-07-01T09:00:00.000Z";

describe.each(testDialects())("storage on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await upsertOrganisations(
      t.db,
      [
        { code: "DEPT", name: "Department", kind: "department", bodyType: "ministerial department", parentCode: null, region: "england-and-wales", activeFrom: "2020-04-01", activeTo: null, serviceAreas: [] },
        { code: "BODY", name: "Body", kind: "body", bodyType: "executive agency", parentCode: "DEPT", region: "scotland", activeFrom: "2020-04-01", activeTo: null, serviceAreas: [{ code: "a", label: "A" }] },
      ],
      now,
    );
  });
  afterAll(() => t.close());

  it("stores organisations with their service areas", async () => {
    const orgs = await listOrganisations(t.db);
    expect(orgs.map((o) => o.code)).toEqual(["BODY", "DEPT"]);
    expect(orgs[0]!.serviceAreas).toEqual([{ code: "a", label: "A" }]);
    expect(orgs[0]!.region).toBe("scotland");
  });

  it("keeps numbers, markers, text and notes distinct, and blanks as absent", async () => {
    await insertReturn(t.db, { id: "r1", organisationCode: "BODY", period: "2025-26 Q1", periodIndex: 8100, now });
    await insertRevision(t.db, {
      id: "r1-1",
      returnId: "r1",
      revision: 1,
      templateVersion: 1,
      status: "draft",
      values: { received: 0, withdrawn: "[x]", claims: "[z]", key_themes: "Delay", payments_total: 123_456_789_012, handling_fte: 2.5, compliments: null },
      notes: { withdrawn: "System outage" },
      explanations: {},
      by: "tester",
      now,
    });
    const stored = await loadRevision(t.db, "r1");
    expect(stored?.values).toEqual({ received: 0, withdrawn: "[x]", claims: "[z]", key_themes: "Delay", payments_total: 123_456_789_012, handling_fte: 2.5 });
    expect(stored?.notes).toEqual({ withdrawn: "System outage" });
    expect(stored?.status).toBe("draft");
    expect(stored?.version).toBe(1);
  });

  it("refuses an update based on a stale version and writes nothing", async () => {
    const meta = (await loadRevision(t.db, "r1"))!;
    expect(await updateRevision(t.db, meta.id, meta.version, { status: "submitted", updated_at: now, updated_by: "a" })).toBe(true);
    expect(await updateRevision(t.db, meta.id, meta.version, { status: "approved", updated_at: now, updated_by: "b" })).toBe(false);
    const after = (await loadRevision(t.db, "r1"))!;
    expect(after.status).toBe("submitted");
    expect(after.version).toBe(meta.version + 1);
    expect(after.updatedBy).toBe("a");
  });

  it("replaces some fields' rows and leaves the others alone", async () => {
    const before = (await loadRevision(t.db, "r1"))!;
    await replaceFieldValues(t.db, before.seq, ["received", "claims", "compliments", "withdrawn"], { ...before.values, received: 7, claims: null, compliments: 4 }, { withdrawn: "Outage", compliments: "From the survey" });
    const after = (await loadRevision(t.db, "r1"))!;
    expect(after.values).toEqual({ received: 7, withdrawn: "[x]", key_themes: "Delay", payments_total: 123_456_789_012, handling_fte: 2.5, compliments: 4 });
    expect(after.notes).toEqual({ withdrawn: "Outage", compliments: "From the survey" });
    await replaceFieldValues(t.db, before.seq, ["received", "claims", "compliments", "withdrawn"], before.values, before.notes);
    expect(await loadRevision(t.db, "r1")).toEqual(before);
  });

  it("lists the current revision of returns in a range with values", async () => {
    await insertRevision(t.db, { id: "r1-2", returnId: "r1", revision: 2, templateVersion: 1, status: "draft", values: { received: 5 }, notes: {}, explanations: {}, by: "tester", now });
    const list = await listCurrentReturns(t.db, ["BODY"], 8100, 8100);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ returnId: "r1", revision: 2, status: "draft", values: { received: 5 } });
    expect(await listCurrentReturns(t.db, ["BODY"], 8101, 8200)).toEqual([]);
    // Sent to the department: revision 1 only once approved (submitted is awaiting the body's sign-off).
    expect(await listCurrentReturns(t.db, ["BODY"], 8100, 8100, { revision: "sent" })).toEqual([]);
    const first = (await loadRevision(t.db, "r1", 1))!;
    expect(await updateRevision(t.db, first.id, first.version, { status: "approved", updated_at: now, updated_by: "a" })).toBe(true);
    const [sent] = await listCurrentReturns(t.db, ["BODY"], 8100, 8100, { revision: "sent" });
    expect(sent).toMatchObject({ revision: 1, status: "approved" });
    expect(sent!.values).toEqual({ received: 0, withdrawn: "[x]", claims: "[z]", key_themes: "Delay", payments_total: 123_456_789_012, handling_fte: 2.5 });
    expect(await listCurrentReturns(t.db, ["BODY"], 8100, 8100, { revision: "accepted" })).toEqual([]);
    expect((await loadRevision(t.db, "r1", 1))?.values.received).toBe(0);
  });

  it("keeps the audit log append-only at the database level", async () => {
    await appendAudit(t.db, { at: now, actorUserId: null, actor: "tester", action: "test", entityType: "return", entityId: "r1", organisationCode: "BODY", changes: [{ field: "received", old: null, new: 1 }], reason: "because" });
    const entries = await listAudit(t.db, "return", "r1");
    expect(entries).toEqual([expect.objectContaining({ action: "test", reason: "because", changes: [{ field: "received", old: null, new: 1 }] })]);
    await expect(sql`update audit_log set reason = 'changed'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await listAudit(t.db, "return", "r1")).toHaveLength(1);
  });
});

describe("the dialects the suite runs on", () => {
  it("are SQLite and PostgreSQL when a PostgreSQL URL is given, SQLite alone otherwise", () => {
    expect(testDialects({ ci: false, url: "postgres://x@127.0.0.1/t" })).toEqual(["sqlite", "postgres"]);
    expect(testDialects({ ci: false, url: undefined })).toEqual(["sqlite"]);
  });

  it("fail in CI when no PostgreSQL URL is given, instead of running on SQLite only", () => {
    expect(() => testDialects({ ci: true, url: undefined })).toThrow(/CI is set but TEST_DATABASE_URL is not/);
    expect(testDialects({ ci: true, url: "postgres://x@127.0.0.1/t" })).toEqual(["sqlite", "postgres"]);
  });
});
