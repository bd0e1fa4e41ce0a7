import { Migrator, sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDialects, type TestDatabase } from "../testing/index.ts";
import { migrationProvider } from "./index.ts";

/**
 * The migration that keeps each case import's cases as a set: undone, given data as it was stored
 * before (one set of cases a body, the revisions not linked to it), and done again.
 */
describe.each(testDialects())("the revision-cases migration on %s", (dialect) => {
  let t: TestDatabase;
  let migrator: Migrator;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const schema = dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)).rows[0]!.schema : undefined;
    migrator = new Migrator({ db: t.db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  });
  afterAll(() => t.close());

  it("links the revisions computed from a body's current import to it, and keys cases by import", async () => {
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.status])).toEqual([["2026-12-07T2210-revision-cases", "Success"]]);

    // Written as the tables were before the migration, so untyped (as the migrations themselves are).
    const db = t.db as unknown as Kysely<any>;
    const at = "2025-07-10T10:00:00.000Z";
    const earlier = "2025-07-01T10:00:00.000Z";
    await db.insertInto("organisations").values({ code: "BODY", name: "Body", kind: "body", body_type: "executive agency", parent_code: null, region: "england-and-wales", active_from: "2015-04-01", active_to: null, service_areas: "[]", created_at: earlier, updated_at: earlier }).execute();
    await db
      .insertInto("case_imports")
      .values([
        { id: "old-import", organisation_code: "BODY", imported_by: "u", imported_at: earlier, file_name: "old.csv", rows: 1, encoding: "utf-8" },
        { id: "new-import", organisation_code: "BODY", imported_by: "u", imported_at: at, file_name: "new.csv", rows: 1, encoding: "utf-8" },
      ])
      .execute();
    await db
      .insertInto("cases")
      .values({ organisation_code: "BODY", case_ref: "C-1", received_date: "2025-04-01", stage: "early_resolution", themes: "", remedies: "", import_id: "new-import" })
      .execute();
    const revision = (returnId: string, n: number, status: string, createdAt: string) => ({
      id: `${returnId}-${n}`,
      return_id: returnId,
      revision: n,
      template_version: 2,
      status,
      version: 1,
      explanations: "{}",
      created_at: createdAt,
      created_by: "u",
      updated_at: createdAt,
      updated_by: "u",
    });
    for (const [id, period, index] of [["computed", "2025-26 Q1", 100], ["older", "2024-25 Q4", 99], ["typed", "2025-26 Q2", 101]] as const) {
      await db.insertInto("returns").values({ id, organisation_code: "BODY", period, period_index: index, current_revision: 1, created_at: earlier }).execute();
    }
    // Q1 was computed from the current import (same moment as the import), accepted and reopened since;
    // Q4 from the replaced one; Q2's figures were typed in.
    await db.updateTable("returns").set({ current_revision: 2 }).where("id", "=", "computed").execute();
    await db.insertInto("return_revisions").values([revision("computed", 1, "accepted", earlier), revision("computed", 2, "draft", "2025-07-20T10:00:00.000Z"), revision("older", 1, "draft", earlier), revision("typed", 1, "draft", earlier)]).execute();
    const audit = (returnId: string, when: string, action: string) => ({ at: when, actor_user_id: "u", actor: "u", action, entity_type: "return", entity_id: returnId, organisation_code: "BODY", changes: "[]", reason: null });
    await db.insertInto("audit_log").values([audit("computed", at, "return.computedFromCases"), audit("older", earlier, "return.computedFromCases"), audit("typed", at, "return.saved")]).execute();

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();

    const links = await db.selectFrom("return_revisions").select(["id", "case_import_id"]).orderBy("id").execute();
    expect(links).toEqual([
      { id: "computed-1", case_import_id: "new-import" },
      { id: "computed-2", case_import_id: "new-import" },
      { id: "older-1", case_import_id: null },
      { id: "typed-1", case_import_id: null },
    ]);
    const imports = await db.selectFrom("case_imports").select(["id", "current"]).orderBy("id").execute();
    expect(imports.map((i) => [i.id, Number(i.current)])).toEqual([["new-import", 1], ["old-import", 0]]);
    // Another import of the body may hold the same reference.
    await db.insertInto("cases").values({ organisation_code: "BODY", case_ref: "C-1", received_date: "2025-04-02", stage: "early_resolution", themes: "", remedies: "", import_id: "old-import" }).execute();
    const cases = await db.selectFrom("cases").select(["import_id", "case_ref", "received_date"]).orderBy("import_id").execute();
    expect(cases).toEqual([
      { import_id: "new-import", case_ref: "C-1", received_date: "2025-04-01" },
      { import_id: "old-import", case_ref: "C-1", received_date: "2025-04-02" },
    ]);
  });
});
