import { randomUUID } from "node:crypto";
import { serve, type ServerType } from "@hono/node-server";
import { defaultApiConfig, hashPassword, type ApiConfig } from "@complaints/api";
import { createWorld, worldPassword } from "@complaints/api/testing";
import { insertUser } from "@complaints/db";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { startIdentityProvider, type TestIdentityProvider } from "@complaints/api/testing/identity-provider";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SingleSignOnConfig } from "../env.ts";
import { createApp } from "./app.ts";
import { singleSignOnCallbackPath } from "./single-sign-on.ts";

/**
 * Single sign-on over real HTTP against a real OpenID Connect provider (oidc-provider) on loopback:
 * the browser's part (following redirects, keeping each site's cookies) is played by fetch.
 */
describe.each(testDialects())("single sign-on on %s", (dialect) => {
  let t: TestDatabase;
  let idp: TestIdentityProvider;
  let server: ServerType;
  let url = "";
  const now = new Date();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, now);
    const passwordHash = await hashPassword(worldPassword);
    for (const [email, role, organisationCode] of [
      ["ann@a.example.gov.uk", "submitter", "A1"],
      ["alex@a.example.gov.uk", "oversight", "DEPT-A"],
      ["bob@b.example.gov.uk", "oversight", "DEPT-B"],
    ] as const) {
      await insertUser(t.db, { id: randomUUID(), email, displayName: email, passwordHash, role, organisationCode }, now.toISOString());
    }
    idp = await startIdentityProvider();
    const config: SingleSignOnConfig = {
      departments: [
        { department: "DEPT-A", issuer: idp.issuer, clientId: "complaints-a", clientSecret: "secret-a-0123456789", emailDomains: ["a.example.gov.uk"], passwordSignIn: true, verifiedEmailClaim: "email_verified" },
        { department: "DEPT-B", issuer: idp.issuer, clientId: "complaints-b", clientSecret: "secret-b-0123456789", emailDomains: ["b.example.gov.uk"], passwordSignIn: false, verifiedEmailClaim: "email_verified" },
      ],
    };
    const api: ApiConfig = { ...defaultApiConfig, singleSignOn: config.departments.map((d) => ({ departmentCode: d.department, emailDomains: d.emailDomains, passwordSignIn: d.passwordSignIn })) };
    // The server listens first, so the provider can be told where to send people back.
    let fetchApp: (request: Request, env: unknown) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: (request, env) => fetchApp(request, env), hostname: "127.0.0.1", port: 0 }, () => resolve(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const app = createApp({ db: t.db, logger: pino({ level: "silent" }), api, cookieSecure: false, allowedOrigins: [], allowedHosts: [], trustProxy: false, singleSignOn: { config, publicUrl: url } });
    fetchApp = app.fetch;
    idp.serve({ clients: config.departments.map((d) => ({ clientId: d.clientId, clientSecret: d.clientSecret })), redirectUri: `${url}${singleSignOnCallbackPath}` });
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await idp?.close();
    await t.close();
  });

  const sessionCount = async () => Number((await t.db.selectFrom("sessions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  /**
   * Starts at `/auth/sso/start` with `email` and follows every redirect, keeping each origin's cookies,
   * until our callback answers; `changeCallback` may alter the address the provider sent the browser back to.
   */
  async function signInThroughProvider(email: string, changeCallback: (u: URL) => void = () => {}) {
    const jars = new Map<string, Map<string, string>>();
    let next = new URL(`${url}/auth/sso/start?email=${encodeURIComponent(email)}&returnTo=${encodeURIComponent("/portal/DEPT-A/tracker")}`);
    for (let hop = 0; hop < 20; hop += 1) {
      const atCallback = next.origin === url && next.pathname === singleSignOnCallbackPath;
      if (atCallback) changeCallback(next);
      const jar = jars.get(next.origin) ?? new Map<string, string>();
      jars.set(next.origin, jar);
      const response = await fetch(next, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
      const setCookies = response.headers.getSetCookie();
      for (const c of setCookies) {
        const [pair] = c.split(";");
        const [name, ...value] = pair!.split("=");
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value.join("=") === "") jar.delete(name!.trim());
        else jar.set(name!.trim(), value.join("="));
      }
      if (atCallback || response.status < 300 || response.status >= 400) {
        return { status: response.status, location: response.headers.get("location"), body: await response.text(), sessionCookie: setCookies.find((c) => c.startsWith("complaints_session=")) ?? null };
      }
      next = new URL(response.headers.get("location")!, next);
    }
    throw new Error("too many redirects");
  }

  async function expectRefused(answer: Awaited<ReturnType<typeof signInThroughProvider>>, message: string, sessionsBefore: number) {
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body).toContain("<h1 class=\"govuk-heading-l\">You have not been signed in</h1>");
    expect(answer.body).toContain(message);
    expect(answer.body).toContain(`href="/portal/sign-in"`);
    expect(answer.body).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
    expect(answer.sessionCookie).toBeNull();
    expect(await sessionCount()).toBe(sessionsBefore);
  }

  it("signs an invited person in through their department's provider, with a session like a password's and an audit entry", async () => {
    idp.tamper(null);
    idp.signInAs({ email: "ann@a.example.gov.uk" });
    const before = await sessionCount();
    const answer = await signInThroughProvider("Ann@A.example.gov.uk");
    expect(answer.status).toBe(303);
    expect(answer.location).toBe("/portal/DEPT-A/tracker");
    expect(answer.sessionCookie).toMatch(/^complaints_session=[\w-]{43}; /);
    expect(answer.sessionCookie).toContain("HttpOnly");
    expect(await sessionCount()).toBe(before + 1);
    const me = await fetch(`${url}/trpc/auth.me`, { headers: { cookie: answer.sessionCookie!.split(";")[0]! } });
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe("ann@a.example.gov.uk");
    const audit = await t.db.selectFrom("audit_log").select(["actor", "action", "reason"]).where("action", "=", "user.signed-in-with-organisation-account").execute();
    expect(audit).toEqual([{ actor: "ann@a.example.gov.uk", action: "user.signed-in-with-organisation-account", reason: `${idp.issuer} subject ann@a.example.gov.uk` }]);
  });

  it("refuses an answer whose state was changed on the way back", async () => {
    idp.signInAs({ email: "ann@a.example.gov.uk" });
    const before = await sessionCount();
    const answer = await signInThroughProvider("ann@a.example.gov.uk", (u) => u.searchParams.set("state", "tampered-state"));
    await expectRefused(answer, "This sign-in did not come back from the request this browser made", before);
  });

  it("refuses an ID token issued for another service (wrong audience)", async () => {
    idp.signInAs({ email: "ann@a.example.gov.uk" });
    idp.tamper("wrong-audience");
    const before = await sessionCount();
    try {
      await expectRefused(await signInThroughProvider("ann@a.example.gov.uk"), "We could not confirm who you are from your organisation&#39;s account", before);
    } finally {
      idp.tamper(null);
    }
  });

  it("refuses an expired ID token", async () => {
    idp.signInAs({ email: "ann@a.example.gov.uk" });
    idp.tamper("expired");
    const before = await sessionCount();
    try {
      await expectRefused(await signInThroughProvider("ann@a.example.gov.uk"), "We could not confirm who you are from your organisation&#39;s account", before);
    } finally {
      idp.tamper(null);
    }
  });

  it("creates no account for an email nobody invited", async () => {
    idp.signInAs({ email: "newcomer@a.example.gov.uk" });
    const before = await sessionCount();
    await expectRefused(await signInThroughProvider("newcomer@a.example.gov.uk"), "There is no account for newcomer@a.example.gov.uk in this service. Ask your department&#39;s administrator to invite you.", before);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "newcomer@a.example.gov.uk").execute()).toEqual([]);
  });

  it("refuses an email in another department's domain, vouched for by this department's provider", async () => {
    // Bob has an account, in Department B; Department A's provider is not the one to vouch for him.
    idp.signInAs({ email: "bob@b.example.gov.uk" });
    const before = await sessionCount();
    await expectRefused(await signInThroughProvider("ann@a.example.gov.uk"), "bob@b.example.gov.uk is not an email address your department&#39;s sign-in covers.", before);
  });

  it("refuses an email the provider has not verified", async () => {
    idp.signInAs({ email: "alex@a.example.gov.uk", emailVerified: false });
    const before = await sessionCount();
    await expectRefused(await signInThroughProvider("alex@a.example.gov.uk"), "has not confirmed that alex@a.example.gov.uk is your email address", before);
  });

  it("refuses a callback this browser did not start", async () => {
    const before = await sessionCount();
    const response = await fetch(`${url}${singleSignOnCallbackPath}?code=abc&state=def`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This sign-in was not started in this browser");
    expect(await sessionCount()).toBe(before);
  });

  it("refuses passwords for a department that switched them off, and keeps them for others", async () => {
    const signIn = (email: string) => fetch(`${url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: worldPassword }) });
    const refused = await signIn("bob@b.example.gov.uk");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "Your department has switched off signing in with a password. Sign in with your organisation's account: enter your email address and choose Continue.",
    );
    expect(refused.headers.get("set-cookie")).toBeNull();
    // Department B's people under another domain are refused once their password is checked.
    expect((await signIn("boversight@example.gov.uk")).status).toBe(403);
    expect((await signIn("ann@a.example.gov.uk")).status).toBe(200);
    expect((await signIn("a1submitter@example.gov.uk")).status).toBe(200);
  });

  it("tells the sign-in page which emails go to a provider", async () => {
    const method = async (email?: string) => {
      const input = encodeURIComponent(JSON.stringify(email === undefined ? {} : { email }));
      return ((await (await fetch(`${url}/trpc/auth.signInMethod?input=${input}`)).json()) as { result: { data: unknown } }).result.data;
    };
    expect(await method()).toEqual({ emailFirst: true, singleSignOn: false });
    expect(await method("someone@B.example.gov.uk")).toEqual({ emailFirst: true, singleSignOn: true });
    expect(await method("someone@example.gov.uk")).toEqual({ emailFirst: true, singleSignOn: false });
  });
});
