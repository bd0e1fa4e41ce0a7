import { serve, type ServerType } from "@hono/node-server";
import { defaultApiConfig } from "@complaints/api";
import { createWorld, worldPassword } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";

/** The session cookie over real HTTP, with the server's clock moved by the test. */
describe.each(testDialects())("the session cookie on %s", (dialect) => {
  let t: TestDatabase;
  let server: ServerType;
  let url: string;
  const t0 = new Date("2026-12-01T09:00:00Z").getTime();
  let now = t0;
  const minutes = (m: number) => t0 + m * 60_000;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, new Date(t0));
    const app = createApp({
      db: t.db,
      logger: pino({ level: "silent" }),
      api: defaultApiConfig,
      cookieSecure: false,
      allowedOrigins: [],
      allowedHosts: [],
      trustProxy: false,
      clock: () => new Date(now),
    });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const signIn = (email: string) =>
    fetch(`${url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: worldPassword }) });
  const me = (cookie: string) => fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
  const expiresOf = (setCookie: string | null) => (setCookie ? new Date(/Expires=([^;]+)/.exec(setCookie)![1]!).getTime() : null);

  it("is sent again with a later expiry whenever the idle lifetime is extended", async () => {
    now = t0;
    const response = await signIn("a1submitter@example.gov.uk");
    const setCookie = response.headers.get("set-cookie")!;
    // Without COOKIE_SECURE the __Host- prefix is not allowed, and HSTS would be wrong.
    expect(setCookie).toMatch(/^complaints_session=/);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(expiresOf(setCookie)).toBe(minutes(8 * 60));
    const cookie = setCookie.split(";")[0]!;

    now = minutes(3);
    const early = await me(cookie);
    expect(early.status).toBe(200);
    expect(early.headers.get("set-cookie")).toBeNull();

    now = minutes(6);
    const renewed = await me(cookie);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get("set-cookie")).toMatch(/^complaints_session=[\w-]{43}; /);
    expect(renewed.headers.get("set-cookie")).toContain(cookie);
    expect(expiresOf(renewed.headers.get("set-cookie"))).toBe(minutes(6 + 8 * 60));

    // Idle for longer than eight hours after the renewal: it has gone.
    now = minutes(6 + 8 * 60 + 1);
    expect((await me(cookie)).status).toBe(401);
  });

  it("ends twelve hours after sign-in however often it is used", async () => {
    now = t0;
    const cookie = (await signIn("aoversight@example.gov.uk")).headers.get("set-cookie")!.split(";")[0]!;
    now = minutes(4 * 60);
    expect(expiresOf((await me(cookie)).headers.get("set-cookie"))).toBe(minutes(12 * 60));
    now = minutes(8 * 60);
    expect(expiresOf((await me(cookie)).headers.get("set-cookie"))).toBe(minutes(12 * 60));
    now = minutes(12 * 60 - 1);
    expect((await me(cookie)).status).toBe(200);
    now = minutes(12 * 60 + 1);
    expect((await me(cookie)).status).toBe(401);
  });
});
