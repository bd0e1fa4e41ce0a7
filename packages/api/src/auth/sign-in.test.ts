import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultApiConfig } from "../context.ts";
import { createWorld, worldPassword, type World } from "../testing/world.ts";

describe.each(testDialects())("sign-in throttling on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  const t0 = new Date("2026-12-01T09:00:00Z").getTime();
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await createWorld(t.db, new Date(t0));
  });
  afterAll(() => t.close());

  /** 401, 429 with its message, or "signed in". */
  async function attempt(email: string, password: string, when: Date, clientAddress = "192.0.2.1"): Promise<string> {
    try {
      await world.caller(null, { clock: () => when, clientAddress }).auth.signIn({ email, password });
      return "signed in";
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      return error.code === "TOO_MANY_REQUESTS" ? error.message : error.code;
    }
  }

  it("doubles the delay with each failure beyond the allowance, and refused attempts do not extend it", async () => {
    const email = "a1approver@example.gov.uk";
    for (let i = 0; i < defaultApiConfig.maxSignInFailures; i += 1) expect(await attempt(email, "wrong password!", at(0))).toBe("UNAUTHORIZED");
    expect(await attempt(email, worldPassword, at(0))).toBe("Too many failed attempts to sign in. Wait 1 minute and try again.");
    expect(await attempt(email, "wrong password!", at(1))).toBe("UNAUTHORIZED");
    expect(await attempt(email, "wrong password!", at(1))).toBe("Too many failed attempts to sign in. Wait 2 minutes and try again.");
    // Refused attempts while waiting change nothing: the wait still ends two minutes after the last failure.
    for (let i = 0; i < 5; i += 1) expect(await attempt(email, "wrong password!", at(2.5))).toBe("Too many failed attempts to sign in. Wait 1 minute and try again.");
    expect(await attempt(email, "wrong password!", at(3))).toBe("UNAUTHORIZED");
    expect(await attempt(email, "wrong password!", at(3))).toBe("Too many failed attempts to sign in. Wait 4 minutes and try again.");
    expect(await attempt(email, worldPassword, at(7))).toBe("signed in");
    // A successful sign-in clears the account's failures from that address.
    expect(await attempt(email, "wrong password!", at(7))).toBe("UNAUTHORIZED");
  });

  it("removes failures older than the window when anyone signs in", async () => {
    await attempt("nobody@example.gov.uk", "wrong password!", at(100), "192.0.2.98");
    await attempt("nobody@example.gov.uk", "wrong password!", at(100), "192.0.2.99");
    // (The first of these already removed the failures of the tests above, more than 15 minutes earlier.)
    expect(await t.db.selectFrom("sign_in_failures").select("at").execute()).toEqual([{ at: at(100).toISOString() }, { at: at(100).toISOString() }]);
    await attempt("a1submitter@example.gov.uk", worldPassword, at(100 + defaultApiConfig.signInWindowMinutes), "192.0.2.100");
    const left = await t.db.selectFrom("sign_in_failures").select("at").execute();
    expect(left).toEqual([]);
  });
});
