import { sql, type Database, type Kysely } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { currentTemplate, templateFields } from "@complaints/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessCases, callProcedure as call, createActionFixture, createUploadFixture, Q1, type Fixture } from "./testing/access-cases.ts";
import { createWorld, type World } from "./testing/world.ts";

/**
 * Bad input is the caller's mistake, never a server error: arbitrary JSON, and valid inputs with one
 * part replaced by something hostile, sent to every procedure as a caller allowed to use it. No
 * answer may be INTERNAL_SERVER_ERROR, and a refused call stores nothing.
 */

/** Values JSON can carry, and a few it cannot that a direct caller can still send. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.1, "", " ", "[x]", "[c]", "\u0000", "\ud800", "=HYPERLINK(\"x\")", "__proto__", "constructor"),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  // Deep nesting: 2,000 arrays inside each other.
  fc.constant(JSON.parse(`${"[".repeat(2000)}1${"]".repeat(2000)}`)),
);

/** A valid input with one key's value (or one new key) replaced by something hostile. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  if (valid === null || typeof valid !== "object") return hostile;
  const keys = Object.keys(valid);
  const fieldIds = templateFields(currentTemplate).map((f) => f.id);
  return fc.tuple(fc.constantFrom(...keys, ...fieldIds.slice(0, 5), "__proto__", "constructor", "values"), hostile, fc.constantFrom(...fieldIds, "__proto__", "constructor", "toString")).map(([key, value, field]) => {
    const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
    // Inside a record of figures, notes or explanations, hostile keys and values go one level down.
    if (key === "values" || key === "notes" || key === "explanations") copy[key] = Object.assign(Object.create(null) as object, { [field]: value });
    else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

/** Everything a refused call must leave as it was (sign-in attempts and sessions are the throttle's own records). */
async function snapshot(db: Kysely<Database>): Promise<string> {
  const tables = ["organisations", "users", "reporting_windows", "returns", "return_revisions", "return_values", "audit_log", "action_plans", "action_reviews", "cases", "case_imports", "case_mappings", "case_settings", "case_uploads", "case_upload_chunks"];
  const parts: unknown[] = [];
  for (const table of tables) parts.push((await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map((r) => JSON.stringify(r)).sort());
  return JSON.stringify(parts);
}


describe.each(testDialects())("hostile input to every procedure on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  const fixture = {} as Fixture;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    fixture.aReturn = (await world.caller("a1Submitter").returns.openDraft({ organisationCode: "A1", period: Q1 })).returnId;
    fixture.anAction = await createActionFixture(world);
    fixture.anUpload = await createUploadFixture(world);
  });
  afterAll(() => t.close());

  it.each(Object.entries(accessCases))("%s answers a refusal, never a server error, and a refusal stores nothing", async (path, c) => {
    const user = c.allowed === "anonymous" ? null : c.allowed;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, mutated(c.input(fixture))), async (input) => {
        const before = await snapshot(t.db);
        const result = await call(world, user, path, input);
        if (result.ok) return;
        expect(result.error.code, `${path} with ${JSON.stringify(input)?.slice(0, 200)}: ${result.error.message}`).not.toBe("INTERNAL_SERVER_ERROR");
        expect(await snapshot(t.db)).toBe(before);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  }, 120_000);

  // A year the calendar functions cannot place (year 0000, or one past 2099) is the caller's
  // mistake, refused by the input schema with the range the service supports.
  const periodKeys = ["period", "financialYear", "from", "to"] as const;
  const withPeriods = Object.entries(accessCases).filter(([, c]) => {
    const input = c.input(fixture) as Record<string, unknown> | undefined;
    return input !== undefined && periodKeys.some((k) => typeof input?.[k] === "string");
  });
  it("has procedures that take a period to check", () => expect(withPeriods.length).toBeGreaterThanOrEqual(12));
  it.each([
    ["0000-01 Q1", "0000-01"],
    ["1999-00 Q4", "1999-00"],
    ["2100-01 Q1", "2100-01"],
    ["Jan to Mar 0000", "0000-01"],
  ])("a period of %s (or financial year %s) is refused as outside the years supported, by every procedure that takes one", async (period, financialYear) => {
    for (const [path, c] of withPeriods) {
      const valid = c.input(fixture) as Record<string, unknown>;
      const input = Object.fromEntries(Object.entries(valid).map(([k, v]) => [k, k === "financialYear" && typeof v === "string" ? financialYear : periodKeys.includes(k as never) && typeof v === "string" ? period : v]));
      const before = await snapshot(t.db);
      const result = await call(world, c.allowed === "anonymous" ? null : c.allowed, path, input);
      expect(result.ok, path).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${path}: ${result.error.message}`).toBe("BAD_REQUEST");
      expect(result.error.message, path).toMatch(/from April 2000 to March 2100/);
      expect(await snapshot(t.db)).toBe(before);
    }
  }, 60_000);

  it("returns.save at the current version: hostile figures, notes and explanations are refused or saved, never a server error", async () => {
    const fields = [...templateFields(currentTemplate, [{ code: "licences", label: "Licences" }]).map((f) => f.id), "__proto__", "constructor", "received_by_service_area.unknown"];
    const record = fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(record, fc.option(record), fc.option(record), async (values, notes, explanations) => {
        const current = await world.caller("a1Submitter").returns.get({ returnId: fixture.aReturn });
        const before = await snapshot(t.db);
        const input = { returnId: fixture.aReturn, expectedVersion: current.version, values, ...(notes ? { notes } : {}), ...(explanations ? { explanations } : {}) };
        const result = await call(world, "a1Submitter", "returns.save", input);
        if (result.ok) return;
        expect(result.error.code, result.error.message).toBe("BAD_REQUEST");
        expect(await snapshot(t.db)).toBe(before);
      }),
      {
        numRuns: 150,
        seed: 20261202,
        // PostgreSQL refuses NUL in text, and a lone surrogate is not text at all: both are the caller's mistake.
        examples: [
          [{ key_themes: "Delay\u0000" }, null, null],
          [{ received: 3 }, { received: "why\ud800" }, null],
          [{ received: 3 }, null, { themes_cover_received: "\u0000" }],
          // 1e309 in JSON arrives as Infinity.
          [{ received: JSON.parse("1e309") as number, withdrawn: Number.NaN }, null, null],
        ],
      },
    );
  }, 120_000);

  it("returns.saveChanges: hostile { from, to } figures, notes and explanations are refused, clash or are saved, never a server error", async () => {
    const fields = [...templateFields(currentTemplate, [{ code: "licences", label: "Licences" }]).map((f) => f.id), "__proto__", "constructor", "received_by_service_area.unknown"];
    const change = fc.oneof(fc.record({ from: fc.oneof(fc.constant(null), hostile), to: hostile }), hostile);
    const record = fc.dictionary(fc.constantFrom(...fields), change, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(record, fc.option(record), fc.option(record), async (values, notes, explanations) => {
        const current = await world.caller("a1Submitter").returns.get({ returnId: fixture.aReturn });
        const before = await snapshot(t.db);
        const input = { returnId: fixture.aReturn, baseVersion: current.version, values, ...(notes ? { notes } : {}), ...(explanations ? { explanations } : {}) };
        const result = await call(world, "a1Submitter", "returns.saveChanges", input);
        if (result.ok) return;
        expect(["BAD_REQUEST", "CONFLICT"], result.error.message).toContain(result.error.code);
        expect(await snapshot(t.db)).toBe(before);
      }),
      {
        numRuns: 150,
        seed: 20261203,
        examples: [
          [{ key_themes: { from: null, to: "Delay\u0000" } }, null, null],
          [{ received: { from: null, to: 3 } }, { received: { from: null, to: "why\ud800" } }, null],
          [{ received: { from: null, to: JSON.parse("1e309") as number } }, null, { themes_cover_received: { from: null, to: "\u0000" } }],
        ],
      },
    );
  }, 120_000);
});
