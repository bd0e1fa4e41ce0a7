import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { permissions, roles, type Permission, type Role } from "@complaints/domain";
import { exampleReturnValues } from "@complaints/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import type { ProcedureMeta } from "./trpc.ts";
import { accessCases as cases, callProcedure as call, createActionFixture, createUploadFixture, Q1, type Fixture } from "./testing/access-cases.ts";
import { createWorld, type World, type WorldUserKey } from "./testing/world.ts";

/**
 * Every procedure, for an allowed caller, every role the permission table (domain roles.ts) leaves
 * out (FORBIDDEN), callers of a permitted role outside the organisation's scope — another body of
 * the same department as well as another department — (FORBIDDEN) and an anonymous caller
 * (UNAUTHORIZED). A test below fails if a procedure is added without a row here.
 */
/** Procedures any signed-in caller (or anyone) may call: they act on the caller's own session. */
const sessionProcedures = ["auth.signIn", "auth.signInMethod", "auth.signOut", "auth.me", "auth.requestPasswordReset", "auth.passwordResetLink", "auth.resetPassword", "account.changePassword", "account.signOutEverywhere", "service.pages", "auth.invitation", "auth.acceptInvitation", "notifications.preferences", "notifications.setPreferences"];

/** A user of each role who would be in scope for Department A's organisations in the inputs above. */
const inScopeUserOf: Record<Role, WorldUserKey> = { submitter: "a1Submitter", approver: "a1Approver", oversight: "aOversight", secretariat: "aSecretariat", admin: "aAdmin" };

function permissionOf(path: string): Permission | undefined {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>)[path];
  return procedure?._def.meta?.permission;
}

/** Every role the permission table leaves out of a procedure's permission. */
function wrongRolesOf(path: string): Role[] {
  const permission = permissionOf(path);
  return permission ? roles.filter((r) => !(permissions[permission] as readonly Role[]).includes(r)) : [];
}


describe("every procedure has an access case", () => {
  it("the table covers the router exactly", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it("every procedure but the session's own declares the permission it needs", () => {
    expect(Object.keys(cases).filter((path) => !permissionOf(path) && !sessionProcedures.includes(path))).toEqual([]);
  });

  it("procedures open to a body's roles are tried by another body of the same department", () => {
    const bodyScoped = Object.keys(cases).filter((path) => {
      const permission = permissionOf(path);
      return permission && (permissions[permission] as readonly Role[]).some((r) => r === "submitter" || r === "approver") && !cases[path]!.filtered;
    });
    expect(bodyScoped.length).toBeGreaterThan(8);
    expect(bodyScoped.filter((path) => !cases[path]!.outOfScope.some((u) => u.startsWith("a2")))).toEqual([]);
  });
});

describe.each(testDialects())("access control on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  const fixture = {} as Fixture;
  let a2Return = "";

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    fixture.aReturn = (await world.caller("a1Submitter").returns.openDraft({ organisationCode: "A1", period: Q1 })).returnId;
    fixture.anAction = await createActionFixture(world);
    fixture.anUpload = await createUploadFixture(world);
    await world.caller("b1Submitter").returns.openDraft({ organisationCode: "B1", period: Q1 });
    // A2's return is awaiting its senior accountable officer's sign-off.
    const a2 = await world.caller("a2Submitter").returns.openDraft({ organisationCode: "A2", period: Q1 });
    const saved = await world.caller("a2Submitter").returns.save({ returnId: a2.returnId, expectedVersion: a2.version, values: exampleReturnValues() });
    await world.caller("a2Submitter").returns.submit({ returnId: a2.returnId, expectedVersion: saved.version });
    a2Return = a2.returnId;
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

    for (const role of wrongRolesOf(path)) {
      it(`refuses the role ${role}, which the permission table leaves out, with FORBIDDEN`, async () => {
        const result = await call(world, inScopeUserOf[role], path, c.input(fixture));
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("FORBIDDEN: Your role does not allow this.");
      });
    }

    for (const outsider of c.outOfScope) {
      it(`refuses ${outsider}, outside the organisation's scope, with FORBIDDEN`, async () => {
        const result = await call(world, outsider, path, c.input(fixture));
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("FORBIDDEN: You do not have access to that organisation.");
      });
    }

    if (c.allowed !== "anonymous" && wrongRolesOf(path).length === 0 && c.outOfScope.length === 0 && !c.filtered) {
      it("is open to every signed-in role by design", () => {
        expect(sessionProcedures).toContain(path);
      });
    }
  });

  describe.each(["aOversight", "aSecretariat", "aAdmin"] as const)("a department user (%s) and a return the body has not sent", (user) => {
    const readers: [string, (id: string) => unknown][] = [
      ["returns.get", (id) => ({ returnId: id })],
      ["returns.get", (id) => ({ returnId: id, revision: 1 })],
      ["returns.history", (id) => ({ returnId: id })],
      ["returns.diff", (id) => ({ returnId: id, from: 1, to: 1 })],
      ["returns.validate", (id) => ({ returnId: id })],
    ];
    it.each(readers)("%s %j is refused for a draft and for one awaiting sign-off, naming only its status", async (path, input) => {
      for (const [id, status] of [[fixture.aReturn, "in draft"], [a2Return, "waiting for sign-off"]] as const) {
        const result = await call(world, user, path, input(id));
        expect(result.ok ? "ok" : result.error.code).toBe("FORBIDDEN");
        if (!result.ok) expect(result.error.message).toContain(`This one is ${status}, so only its status is shown`);
      }
    });

    it("returns.find is refused too, and returns.list and the tracker give the status without figures", async () => {
      for (const organisationCode of ["A1", "A2"]) {
        const found = await call(world, user, "returns.find", { organisationCode, period: Q1 });
        expect(found.ok ? "ok" : found.error.code).toBe("FORBIDDEN");
      }
      const list = await world.caller(user).returns.list({ organisationCode: "A2" });
      expect(list.map((r) => [r.period, r.status])).toEqual([[Q1, "submitted"]]);
      expect(JSON.stringify(list)).not.toContain("values");
      const tracker = await world.caller(user).tracker.forPeriod({ departmentCode: "DEPT-A", period: Q1 });
      expect(tracker.rows.map((r) => [r.organisationCode, r.statusLabel])).toEqual([["A1", "In draft"], ["A2", "Waiting for sign-off"]]);
    });
  });

  it("a department user reads a return once its senior accountable officer has approved it", async () => {
    const current = await world.caller("a2Approver").returns.get({ returnId: a2Return });
    await world.caller("a2Approver").returns.approve({ returnId: a2Return, expectedVersion: current.version });
    for (const user of ["aOversight", "aSecretariat", "aAdmin"] as const) {
      const seen = await world.caller(user).returns.get({ returnId: a2Return });
      expect(seen).toMatchObject({ status: "approved", values: { received: exampleReturnValues().received, key_themes: exampleReturnValues().key_themes } });
      expect((await world.caller(user).returns.validate({ returnId: a2Return })).errors).toEqual([]);
      expect(await world.caller(user).returns.diff({ returnId: a2Return, from: 1, to: 1 })).toEqual([]);
      expect((await world.caller(user).returns.history({ returnId: a2Return })).events.map((e) => e.action)).toEqual(["return.submit", "return.approve"]);
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
