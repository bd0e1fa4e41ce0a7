import { grantUserOrganisation } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, rejection, type World, type WorldUserKey } from "../testing/world.ts";

describe.each(testDialects())("working days left to a window's due date on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
  });
  afterAll(() => t.close());

  async function window(user: WorldUserKey, at: string) {
    const [w] = await world.caller(user, { clock: () => new Date(at) }).windows.list({ openOnly: true });
    return { dueDate: w!.dueDate, workingDaysLeft: w!.workingDaysLeft, overdue: w!.overdue };
  }

  // Apr to Jun 2025, default due date: 20 working days after 30 June in the body's nation.
  it.each([
    // A1, England and Wales: due Mon 28 July; from Thu 10 July that is 11, 14–18, 21–25, 28.
    ["a1Submitter", "2025-07-10T10:00:00Z", { dueDate: "2025-07-28", workingDaysLeft: 12, overdue: false }],
    // B1, Northern Ireland: 14 July (Battle of the Boyne) is a bank holiday, so the due date moves to 29 July and the count skips it.
    ["b1Submitter", "2025-07-10T10:00:00Z", { dueDate: "2025-07-29", workingDaysLeft: 12, overdue: false }],
    // On the due date itself (23:30 UTC on the 27th is already the 28th in London): none left, not yet overdue.
    ["a1Approver", "2025-07-27T23:30:00Z", { dueDate: "2025-07-28", workingDaysLeft: 0, overdue: false }],
    // Two working days after it: overdue.
    ["a1Submitter", "2025-07-30T09:00:00Z", { dueDate: "2025-07-28", workingDaysLeft: -2, overdue: true }],
  ] as const)("%s at %s", async (user, at, expected) => {
    expect(await window(user, at)).toEqual(expected);
  });

  it("leaves them out for a department's users, whose bodies are in different nations", async () => {
    expect(await window("aOversight", "2025-07-10T10:00:00Z")).toEqual({ dueDate: "2025-07-28", workingDaysLeft: null, overdue: null });
  });

  it("counts them for the body named, for a user acting for several bodies", async () => {
    await grantUserOrganisation(t.db, world.users.a1Submitter2.id, "A2", world.now.toISOString());
    const caller = world.caller("a1Submitter2");
    const [unnamed] = await caller.windows.list({ openOnly: true });
    expect(unnamed).toMatchObject({ workingDaysLeft: null, overdue: null });
    const [a2] = await caller.windows.list({ openOnly: true, organisationCode: "A2" });
    // A2 is in Scotland: no July bank holiday, so due on 28 July as in England.
    expect(a2).toMatchObject({ departmentCode: "DEPT-A", dueDate: "2025-07-28", workingDaysLeft: 12, overdue: false });
    expect((await rejection(caller.windows.list({ openOnly: true, organisationCode: "B1" }))).code).toBe("FORBIDDEN");
  });
});
