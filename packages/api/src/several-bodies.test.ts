import { grantUserOrganisation } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, type World } from "./testing/world.ts";

/** A shared complaints team acting for two bodies (the organisation switcher). */
describe.each(testDialects())("a user acting for several bodies on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    await grantUserOrganisation(t.db, world.users.a1Submitter.id, "A2", world.now.toISOString());
    // A department given to a body's user is ignored: body users never act for a department.
    await grantUserOrganisation(t.db, world.users.a1Submitter.id, "DEPT-B", world.now.toISOString());
  });
  afterAll(() => t.close());

  it("sees each of its bodies, its own first, and no others", async () => {
    const me = await world.caller("a1Submitter").auth.me();
    expect(me.organisations.map((o) => o.code)).toEqual(["A1", "A2"]);
    expect((await world.caller("a1Submitter").organisations.list()).map((o) => o.code).sort()).toEqual(["A1", "A2"]);
    expect((await rejection(world.caller("a1Submitter").organisations.get({ code: "B1" }))).code).toBe("FORBIDDEN");
    expect((await rejection(world.caller("a1Submitter").organisations.get({ code: "DEPT-B" }))).code).toBe("FORBIDDEN");
  });

  it("opens and saves a return for the other body", async () => {
    const draft = await world.caller("a1Submitter").returns.openDraft({ organisationCode: "A2", period: "2025-26 Q1" });
    expect(draft.organisationCode).toBe("A2");
    const saved = await world.caller("a1Submitter").returns.save({ returnId: draft.returnId, expectedVersion: draft.version, values: { received: 12 } });
    expect(saved.values).toMatchObject({ received: 12 });
    // A2's own team sees it; B1's does not.
    expect((await world.caller("a2Submitter").returns.get({ returnId: draft.returnId })).values).toMatchObject({ received: 12 });
    expect((await rejection(world.caller("b1Submitter").returns.get({ returnId: draft.returnId }))).code).toBe("FORBIDDEN");
  });

  it("leaves everyone else as they were", async () => {
    expect((await world.caller("a1Submitter2").auth.me()).organisations.map((o) => o.code)).toEqual(["A1"]);
    expect((await world.caller("aOversight").auth.me()).organisations.map((o) => o.code)).toEqual(["DEPT-A"]);
  });
});
