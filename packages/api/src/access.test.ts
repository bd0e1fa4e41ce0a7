import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import { createWorld, worldPassword, type World, type WorldUserKey } from "./testing/world.ts";

/**
 * Every procedure, for an allowed caller, a caller of the right role outside the organisation's
 * scope (FORBIDDEN), a caller with the wrong role (FORBIDDEN) and an anonymous caller (UNAUTHORIZED).
 * A test below fails if a procedure is added without a row here.
 */
interface Fixture {
  aReturn: string;
}

interface AccessCase {
  /** Allowed: the call succeeds, or fails with `allowedOutcome`, a reason of state checked after access. */
  allowed: WorldUserKey | "anonymous";
  allowedOutcome?: "CONFLICT" | "PRECONDITION_FAILED";
  /** Null where every signed-in role may call it. */
  wrongRole: WorldUserKey | null;
  /** Callers whose role may call it but who cannot see Department A's organisation in the input. */
  outOfScope: WorldUserKey[];
  /** Procedures that return only what is in scope instead of refusing (checked at the end of this file). */
  filtered?: true;
  input: (f: Fixture) => unknown;
}

const Q1 = "2025-26 Q1";
const cases: Record<string, AccessCase> = {
  "auth.signIn": { allowed: "anonymous", wrongRole: null, outOfScope: [], input: () => ({ email: "a1submitter@example.gov.uk", password: worldPassword }) },
  "auth.signOut": { allowed: "a1Submitter", wrongRole: null, outOfScope: [], input: () => undefined },
  "auth.me": { allowed: "aSecretariat", wrongRole: null, outOfScope: [], input: () => undefined },
  "organisations.list": { allowed: "a1Approver", wrongRole: null, outOfScope: [], filtered: true, input: () => undefined },
  "organisations.get": { allowed: "a1Submitter", wrongRole: null, outOfScope: ["a2Submitter", "b1Submitter", "bOversight"], input: () => ({ code: "A1" }) },
  "windows.list": { allowed: "aAdmin", wrongRole: null, outOfScope: [], filtered: true, input: () => ({ openOnly: true }) },
  "windows.open": { allowed: "aAdmin", wrongRole: "aOversight", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: "2025-26 Q2", dueDate: null }) },
  "windows.close": { allowed: "aAdmin", wrongRole: "a1Submitter", outOfScope: ["bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: "2025-26 Q2" }) },
  "returns.list": { allowed: "a1Submitter", wrongRole: null, outOfScope: ["a2Submitter", "b1Approver", "bSecretariat"], input: () => ({ organisationCode: "A1" }) },
  "returns.get": { allowed: "aSecretariat", wrongRole: null, outOfScope: ["a2Submitter", "b1Submitter", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.find": { allowed: "a1Approver", wrongRole: null, outOfScope: ["a2Submitter", "bOversight"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "returns.openDraft": { allowed: "a1Submitter", wrongRole: "aOversight", outOfScope: ["a2Submitter", "b1Submitter"], input: () => ({ organisationCode: "A1", period: Q1 }) },
  "returns.save": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", wrongRole: "a1Approver", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, values: {} }) },
  "returns.validate": { allowed: "a1Submitter", wrongRole: null, outOfScope: ["a2Submitter", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.submit": { allowed: "a1Submitter", allowedOutcome: "CONFLICT", wrongRole: "aSecretariat", outOfScope: ["a2Submitter", "b1Submitter"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.approve": { allowed: "a1Approver", allowedOutcome: "PRECONDITION_FAILED", wrongRole: "a1Submitter", outOfScope: ["b1Approver"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.sendBack": { allowed: "a1Approver", allowedOutcome: "PRECONDITION_FAILED", wrongRole: "aOversight", outOfScope: ["b1Approver"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Check the themes" }) },
  "returns.accept": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", wrongRole: "aSecretariat", outOfScope: ["bOversight"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99 }) },
  "returns.returnToBody": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", wrongRole: "a1Approver", outOfScope: ["bOversight"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Figures do not add up" }) },
  "returns.reopen": { allowed: "aOversight", allowedOutcome: "PRECONDITION_FAILED", wrongRole: "aAdmin", outOfScope: ["bOversight"], input: (f) => ({ returnId: f.aReturn, expectedVersion: 99, reason: "Correction" }) },
  "returns.history": { allowed: "aOversight", wrongRole: null, outOfScope: ["a2Submitter", "bOversight"], input: (f) => ({ returnId: f.aReturn }) },
  "returns.diff": { allowed: "a1Submitter", wrongRole: null, outOfScope: ["a2Submitter", "bSecretariat"], input: (f) => ({ returnId: f.aReturn, from: 1, to: 1 }) },
  "tracker.forPeriod": { allowed: "aSecretariat", wrongRole: "a1Approver", outOfScope: ["bOversight", "bAdmin"], input: () => ({ departmentCode: "DEPT-A", period: Q1 }) },
  "metrics.comparison": { allowed: "aOversight", wrongRole: "a1Submitter", outOfScope: ["bOversight", "bSecretariat"], input: () => ({ departmentCode: "DEPT-A", period: Q1 }) },
  "metrics.trend": { allowed: "aSecretariat", wrongRole: "a1Approver", outOfScope: ["bOversight", "bAdmin"], input: () => ({ organisationCode: "A1", measure: "within_timescale" }) },
  "metrics.funnel": { allowed: "aAdmin", wrongRole: "a2Submitter", outOfScope: ["bOversight"], input: () => ({ departmentCode: "DEPT-A", period: Q1, measure: "within_timescale" }) },
  "metrics.themes": { allowed: "aOversight", wrongRole: "b1Approver", outOfScope: ["bSecretariat", "bAdmin"], input: () => ({ departmentCode: "DEPT-A" }) },
};

async function call(world: World, user: WorldUserKey | null, path: string, input: unknown): Promise<{ ok: true } | { ok: false; error: TRPCError }> {
  const [group, name] = path.split(".") as [string, string];
  const caller = world.caller(user) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  try {
    await caller[group]![name]!(input);
    return { ok: true };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}

describe("every procedure has an access case", () => {
  it("the table covers the router exactly", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });
});

describe.each(testDialects())("access control on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  const fixture = {} as Fixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    fixture.aReturn = (await world.caller("a1Submitter").returns.openDraft({ organisationCode: "A1", period: Q1 })).returnId;
    await world.caller("b1Submitter").returns.openDraft({ organisationCode: "B1", period: Q1 });
  });
  afterAll(() => t.close());

  describe.each(Object.entries(cases))("%s", (path, c) => {
    it(`is allowed for ${c.allowed}${c.allowedOutcome ? ` (then ${c.allowedOutcome}: the return is a draft at another version)` : ""}`, async () => {
      const result = await call(world, c.allowed === "anonymous" ? null : c.allowed, path, c.input(fixture));
      expect(result.ok ? "ok" : result.error.code).toBe(c.allowedOutcome ?? "ok");
    });

    if (c.allowed !== "anonymous") {
      it("refuses an anonymous caller with UNAUTHORIZED", async () => {
        const result = await call(world, null, path, c.input(fixture));
        expect(result.ok ? "ok" : result.error.code).toBe("UNAUTHORIZED");
      });
    }

    if (c.wrongRole) {
      const wrongRole = c.wrongRole;
      it(`refuses the wrong role (${wrongRole}) with FORBIDDEN`, async () => {
        const result = await call(world, wrongRole, path, c.input(fixture));
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("FORBIDDEN: Your role does not allow this.");
      });
    }

    for (const outsider of c.outOfScope) {
      it(`refuses ${outsider}, outside the organisation's scope, with FORBIDDEN`, async () => {
        const result = await call(world, outsider, path, c.input(fixture));
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
      });
    }

    if (c.allowed !== "anonymous" && !c.wrongRole && c.outOfScope.length === 0 && !c.filtered) {
      it("is open to every signed-in role by design", () => {
        expect(["auth.signOut", "auth.me"]).toContain(path);
      });
    }
  });

  it("lists only the organisations and windows in the caller's scope", async () => {
    const codes = async (user: WorldUserKey) => (await world.caller(user).organisations.list()).map((o) => o.code).sort();
    expect(await codes("a1Submitter")).toEqual(["A1"]);
    expect(await codes("aOversight")).toEqual(["A-OLD", "A1", "A2", "DEPT-A"]);
    expect(await codes("bSecretariat")).toEqual(["B1", "DEPT-B"]);
    const windows = await world.caller("b1Submitter").windows.list({ openOnly: false });
    expect(windows.map((w) => w.departmentCode)).toEqual(["DEPT-B"]);
    // B1 is in Northern Ireland: 20 working days after 30 June 2025, skipping 14 July (Battle of the Boyne).
    expect(windows[0]!.dueDate).toBe("2025-07-29");
  });
});
