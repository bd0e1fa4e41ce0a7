import { randomUUID } from "node:crypto";
import { insertUser, upsertOrganisations, upsertWindow, type Database, type Kysely } from "@complaints/db";
import type { Organisation, Role } from "@complaints/domain";
import { defaultApiConfig, type Context, type SessionUser } from "../context.ts";
import { hashPassword } from "../auth/passwords.ts";
import { createCaller } from "../root.ts";
import { TRPCError } from "@trpc/server";

/**
 * A small world for API tests: two departments with bodies, a user for every role, and an open
 * reporting window for Apr to Jun 2025 in each.
 */
export const worldOrganisations: Organisation[] = [
  { code: "DEPT-A", name: "Department A", kind: "department", bodyType: "ministerial department", parentCode: null, region: "england-and-wales", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [] },
  { code: "A1", name: "Agency A1", kind: "body", bodyType: "executive agency", parentCode: "DEPT-A", region: "england-and-wales", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [{ code: "licences", label: "Licences" }] },
  { code: "A2", name: "Agency A2", kind: "body", bodyType: "executive non-departmental public body", parentCode: "DEPT-A", region: "scotland", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [] },
  { code: "A-OLD", name: "Closed body", kind: "body", bodyType: "advisory non-departmental public body", parentCode: "DEPT-A", region: "england-and-wales", activeFrom: "2015-04-01", activeTo: "2024-03-31", serviceAreas: [] },
  { code: "DEPT-B", name: "Department B", kind: "department", bodyType: "ministerial department", parentCode: null, region: "england-and-wales", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [] },
  { code: "B1", name: "Agency B1", kind: "body", bodyType: "executive agency", parentCode: "DEPT-B", region: "northern-ireland", activeFrom: "2015-04-01", activeTo: null, serviceAreas: [] },
];

export const worldUsers = {
  a1Submitter: { role: "submitter", organisationCode: "A1" },
  a1Submitter2: { role: "submitter", organisationCode: "A1" },
  a1Approver: { role: "approver", organisationCode: "A1" },
  a2Submitter: { role: "submitter", organisationCode: "A2" },
  a2Approver: { role: "approver", organisationCode: "A2" },
  aOversight: { role: "oversight", organisationCode: "DEPT-A" },
  aSecretariat: { role: "secretariat", organisationCode: "DEPT-A" },
  aAdmin: { role: "admin", organisationCode: "DEPT-A" },
  b1Submitter: { role: "submitter", organisationCode: "B1" },
  b1Approver: { role: "approver", organisationCode: "B1" },
  bOversight: { role: "oversight", organisationCode: "DEPT-B" },
  bSecretariat: { role: "secretariat", organisationCode: "DEPT-B" },
  bAdmin: { role: "admin", organisationCode: "DEPT-B" },
} as const satisfies Record<string, { role: Role; organisationCode: string }>;
export type WorldUserKey = keyof typeof worldUsers;

export const worldPassword = "correct horse battery staple";

export interface World {
  db: Kysely<Database>;
  users: Record<WorldUserKey, SessionUser>;
  now: Date;
  /** A tRPC caller acting as a world user (or anonymously), at `now`. */
  caller(user: WorldUserKey | null, overrides?: Partial<Context>): ReturnType<typeof createCaller>;
}

export async function createWorld(db: Kysely<Database>, now = new Date("2025-07-10T10:00:00Z")): Promise<World> {
  const stamp = now.toISOString();
  await upsertOrganisations(db, worldOrganisations, stamp);
  const passwordHash = await hashPassword(worldPassword);
  const users = {} as Record<WorldUserKey, SessionUser>;
  for (const [key, u] of Object.entries(worldUsers) as [WorldUserKey, (typeof worldUsers)[WorldUserKey]][]) {
    const user: SessionUser = { id: randomUUID(), email: `${key.toLowerCase()}@example.gov.uk`, displayName: key, role: u.role, organisationCode: u.organisationCode };
    await insertUser(db, { id: user.id, email: user.email, displayName: user.displayName, passwordHash, role: user.role, organisationCode: user.organisationCode }, stamp);
    users[key] = user;
  }
  for (const dept of ["DEPT-A", "DEPT-B"]) {
    await upsertWindow(db, { departmentCode: dept, period: "2025-26 Q1", dueDate: null, openedBy: "test" }, stamp);
  }
  return {
    db,
    users,
    now,
    caller: (key, overrides = {}) =>
      createCaller({
        db,
        clock: () => now,
        user: key ? users[key] : null,
        sessionId: null,
        cookies: { set: () => {}, clear: () => {} },
        config: defaultApiConfig,
        ...overrides,
      }),
  };
}

/** The TRPCError a call fails with; fails the test if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
