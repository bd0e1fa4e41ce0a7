import { findUserByEmail, listAudit, listUserOrganisations } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { DomainError } from "@complaints/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "./auth/passwords.ts";
import { loadScope } from "./scope.ts";
import type { ServiceContext } from "./services/actor.ts";
import { addUser, grantOrganisation } from "./services/users.ts";
import { systemServiceContext } from "./system-context.ts";
import { createWorld, type World } from "./testing/world.ts";

/** The DomainError a service call fails with. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe.each(testDialects())("the users service on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let cli: ServiceContext;
  const password = "a long enough password";
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db);
    cli = await systemServiceContext(t.db, world.now);
  });
  afterAll(() => t.close());

  it("adds an account that can sign in, and records who added it in the audit log", async () => {
    const { id, organisation } = await addUser(cli, { email: "New.Person@Example.gov.uk", role: "submitter", organisationCode: "A2", displayName: "New Person", password });
    expect(organisation.name).toBe("Agency A2");
    const user = (await findUserByEmail(t.db, "new.person@example.gov.uk"))!;
    expect(user).toMatchObject({ id, display_name: "New Person", role: "submitter", organisation_code: "A2" });
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    expect(await listAudit(t.db, "user", id)).toMatchObject([
      {
        actorUserId: null,
        actor: "cli",
        action: "user.added",
        organisationCode: "A2",
        changes: [
          { field: "email", old: null, new: "new.person@example.gov.uk" },
          { field: "role", old: null, new: "submitter" },
        ],
      },
    ]);
  });

  it("records a signed-in administrator as the one who added an account, within their department only", async () => {
    const admin: ServiceContext = { db: t.db, actor: world.users.aAdmin, now: world.now.toISOString(), scope: await loadScope(t.db, world.users.aAdmin) };
    const { id } = await addUser(admin, { email: "second@example.gov.uk", role: "approver", organisationCode: "A1", password });
    expect((await listAudit(t.db, "user", id))[0]).toMatchObject({ actorUserId: world.users.aAdmin.id, actor: world.users.aAdmin.email });
    expect((await refusal(addUser(admin, { email: "third@example.gov.uk", role: "approver", organisationCode: "B1", password }))).code).toBe("FORBIDDEN");
  });

  it("refuses an account it cannot add, saying why", async () => {
    const add = (account: Partial<Parameters<typeof addUser>[1]>) => refusal(addUser(cli, { email: "x@example.gov.uk", role: "submitter", organisationCode: "A1", password, ...account }));
    expect(await add({ email: "not an address" })).toMatchObject({ code: "INVALID_INPUT", message: "“not an address” is not an email address." });
    expect(await add({ password: "short" })).toMatchObject({ code: "INVALID_INPUT", message: "Use a password of at least 12 characters" });
    expect(await add({ organisationCode: "NONE" })).toMatchObject({ code: "NOT_FOUND", message: "There is no organisation with code NONE." });
    expect(await add({ organisationCode: "DEPT-A" })).toMatchObject({ code: "INVALID_INPUT", message: "A submitter belongs to a body, but DEPT-A is a department." });
    expect(await add({ email: "A1Submitter@example.gov.uk" })).toMatchObject({ code: "CONFLICT", message: "There is already an account for A1Submitter@example.gov.uk." });
    expect(await findUserByEmail(t.db, "x@example.gov.uk")).toBeUndefined();
  });

  it("lets a body's user act for another body, recorded in the audit log, and refuses what does not fit", async () => {
    const email = world.users.a1Submitter.email;
    const { organisation } = await grantOrganisation(cli, { email, organisationCode: "B1" });
    expect(organisation.code).toBe("B1");
    expect(await listUserOrganisations(t.db, world.users.a1Submitter.id)).toEqual(["B1"]);
    expect((await listAudit(t.db, "user", world.users.a1Submitter.id)).at(-1)).toMatchObject({ actorUserId: null, actor: "cli", action: "user.granted", organisationCode: "B1", changes: [{ field: "acts for", old: null, new: "B1" }] });
    const grant = (who: string, organisationCode: string) => refusal(grantOrganisation(cli, { email: who, organisationCode }));
    expect(await grant("nobody@example.gov.uk", "B1")).toMatchObject({ code: "NOT_FOUND", message: "There is no account for nobody@example.gov.uk." });
    expect((await grant(world.users.aOversight.email, "B1")).message).toContain("acts for a department");
    expect(await grant(email, "DEPT-B")).toMatchObject({ code: "INVALID_INPUT", message: "DEPT-B is a department; a body's user can act only for bodies." });
    expect(await grant(email, "A1")).toMatchObject({ code: "CONFLICT", message: `${email} already acts for A1: it is their own organisation.` });
  });
});
