import { createWorld, worldPassword } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { startServer, type RunningServer } from "./serve.ts";
import pino from "pino";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

/** fetch always sends the URL's own Host; a raw request can send any. */
function rawRequest(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET", setHost: false, headers: host ? { host } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe.each(testDialects())("the HTTP server on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  const json = { "content-type": "application/json" };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, new Date());
    server = await startServer(
      loadEnv({ PORT: "0", DATABASE_URL: t.url, MAX_SIGN_IN_FAILURES: "3", MAX_SIGN_IN_FAILURES_PER_ADDRESS: "8", TRUST_PROXY: "true", ALLOWED_HOSTS: "complaints.example.gov.uk" }),
      t,
      pino({ level: "silent" }),
    );
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { ...json, ...headers }, body: JSON.stringify({ email, password }) });
  const me = (cookie?: string) => fetch(`${server.url}/trpc/auth.me`, { headers: cookie ? { cookie } : {} });

  it("answers the health check", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("signs in with a session cookie that scripts cannot read, and signs out", async () => {
    const response = await signIn("aoversight@example.gov.uk", worldPassword);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-complaints_session=[\w-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    const body = (await response.json()) as { result: { data: { role: string; organisation: { code: string } } } };
    expect(body.result.data).toMatchObject({ role: "oversight", organisation: { code: "DEPT-A" } });

    const session = cookie.split(";")[0]!;
    const who = (await (await me(session)).json()) as { result: { data: { email: string } } };
    expect(who.result.data.email).toBe("aoversight@example.gov.uk");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");

    const out = await fetch(`${server.url}/trpc/auth.signOut`, { method: "POST", headers: { ...json, cookie: session }, body: "{}" });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-complaints_session=; Max-Age=0/);
    expect((await me(session)).status).toBe(401);
  });

  it("refuses an anonymous caller with 401 and a plain message", async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Sign in to continue.");
    expect((await me("__Host-complaints_session=forged-token")).status).toBe(401);
  });

  it.each([
    [{ origin: "https://evil.example" }, "Refused: request from another origin refused."],
    [{ "sec-fetch-site": "cross-site" }, "Refused: cross-site request refused."],
    [{ "content-type": "text/plain" }, "Refused: requests that change data must be sent as JSON."],
  ])("refuses cross-site requests that change data (%j)", async (headers, message) => {
    const response = await signIn("aoversight@example.gov.uk", worldPassword, headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("accepts its own origin", async () => {
    const response = await signIn("asecretariat@example.gov.uk", worldPassword, { origin: server.url, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
  });

  it("throttles repeated failed sign-ins, even with the right password afterwards", async () => {
    const from = { "x-forwarded-for": "198.51.100.1" };
    for (let i = 0; i < 3; i += 1) {
      const wrong = await signIn("a1approver@example.gov.uk", "wrong password!", from);
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe("Enter a correct email address and password.");
    }
    const blocked = await signIn("a1approver@example.gov.uk", worldPassword, from);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toBe("Too many failed attempts to sign in. Wait 1 minute and try again.");
    // Another account is not affected.
    expect((await signIn("a1submitter@example.gov.uk", worldPassword, from)).status).toBe(200);
  });

  it("lets the real user at another address sign in while an attacker keeps guessing their password", async () => {
    const attacker = { "x-forwarded-for": "203.0.113.66" };
    // A forged left-hand entry is ignored: only the address the load balancer appended counts.
    const user = { "x-forwarded-for": "203.0.113.66, 192.0.2.10" };
    for (let i = 0; i < 10; i += 1) expect([401, 429]).toContain((await signIn("a1submitter2@example.gov.uk", "wrong password!", attacker)).status);
    expect((await signIn("a1submitter2@example.gov.uk", worldPassword, attacker)).status).toBe(429);
    expect((await signIn("a1submitter2@example.gov.uk", worldPassword, user)).status).toBe(200);
  });

  it("limits failed sign-ins from one address across many accounts", async () => {
    const from = { "x-forwarded-for": "198.51.100.77" };
    const accounts = ["a1submitter", "a2submitter", "b1submitter", "asecretariat", "bsecretariat", "aadmin", "badmin", "boversight"];
    for (const a of accounts) expect((await signIn(`${a}@example.gov.uk`, "wrong password!", from)).status).toBe(401);
    // The ninth failure from this address, to an account it has never tried, must wait.
    const ninth = await signIn("b1approver@example.gov.uk", worldPassword, from);
    expect(ninth.status).toBe(429);
    expect(((await ninth.json()) as { error: { message: string } }).error.message).toBe("Too many failed attempts to sign in. Wait 1 minute and try again.");
    expect((await signIn("b1approver@example.gov.uk", worldPassword, { "x-forwarded-for": "198.51.100.78" })).status).toBe(200);
  });

  it("marks API answers not to be stored, and asks browsers to keep to HTTPS", async () => {
    const response = await me();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it.each(["evil.example", "evil.example:3000", "127.0.0.1.evil.example", "localhost.evil.example:80"])("refuses a Host it does not know (%j), against DNS rebinding", async (host) => {
    const response = await rawRequest(server.url, "/trpc/auth.me", host);
    expect(response.status).toBe(421);
    expect(response.body).toBe("Unknown host name: this server does not answer for it.");
  });

  it.each(["localhost:1234", "127.0.0.1", "[::1]:3000", "complaints.example.gov.uk", "COMPLAINTS.example.gov.uk:443"])("answers for its own host names (%s)", async (host) => {
    expect((await rawRequest(server.url, "/trpc/auth.me", host)).status).toBe(401);
  });

  it("ends the browser's earlier session when it signs in again", async () => {
    const first = (await signIn("boversight@example.gov.uk", worldPassword, { "x-forwarded-for": "192.0.2.50" })).headers.get("set-cookie")!.split(";")[0]!;
    const again = await signIn("boversight@example.gov.uk", worldPassword, { "x-forwarded-for": "192.0.2.50", cookie: first });
    expect(again.status).toBe(200);
    const second = again.headers.get("set-cookie")!.split(";")[0]!;
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it("throttles failed sign-ins sent in parallel", async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () => signIn("b1approver@example.gov.uk", "wrong password!", { "x-forwarded-for": "198.51.100.99" })));
    const statuses = attempts.map((r) => r.status);
    // At most the allowed three have their password checked, however the requests interleave.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  });

  it("serves a styled GOV.UK page at the root, with a skip link and a stylesheet the page's CSP allows", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1 class="govuk-heading-xl">Complaints oversight</h1>');
    expect(html).toContain('<link rel="stylesheet" href="/published/learning.css">');
    expect(html).toContain('<a href="#main-content" class="govuk-skip-link">');
    const css = await fetch(`${server.url}/published/learning.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain(".govuk-heading-xl");
  });
});

describe("when the database is unreachable", () => {
  let t: TestDatabase;
  let server: RunningServer;
  const logged: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    const logger = pino({ level: "error" }, { write: (line: string) => void logged.push(line) });
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, logger);
    await t.db.destroy();
  });
  afterAll(async () => {
    await server.close();
    await t.close().catch(() => {});
  });

  it("says so plainly, without the cause, and logs the cause", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", problem: "database not reachable" });

    const signIn = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@b.example", password: "x" }) });
    expect(signIn.status).toBe(500);
    const body = (await signIn.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toBe("Sorry, something went wrong on our side. Nothing was changed. Try again later.");
    expect(JSON.stringify(body)).not.toMatch(/destroyed|kysely|sqlite|stack/i);

    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: "__Host-complaints_session=abc" } });
    expect(me.status).toBe(500);
    expect(((await me.json()) as { error: { message: string } }).error.message).toBe("Sorry, something went wrong on our side. Nothing was changed. Try again later.");
    expect(logged.join("\n")).toMatch(/destroyed/);
  });
});

/** A script large enough to be worth compressing, as a built app's is. */
const largeScript = Array.from({ length: 400 }, (_, i) => `export const value${i} = "${"text ".repeat(i % 7)}";`).join("\n");

/** Node's fetch decodes bodies by itself; a raw request shows the bytes as sent. */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("serving the built apps", () => {
  let t: TestDatabase;
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), "static-test-"));
  beforeAll(async () => {
    mkdirSync(join(dir, "app"));
    mkdirSync(join(dir, "app-secret"));
    writeFileSync(join(dir, "app", "index.html"), "<!doctype html><title>App</title>");
    writeFileSync(join(dir, "app", "main.js"), "console.log(1)");
    writeFileSync(join(dir, "app-secret", "secret.txt"), "do not serve");
    t = await createTestDatabase("sqlite");
    mkdirSync(join(dir, "agency", "assets"), { recursive: true });
    writeFileSync(join(dir, "agency", "index.html"), "<!doctype html><title>Agency</title>");
    writeFileSync(join(dir, "agency", "assets", "index-AbCdEf12.js"), "console.log(2)");
    writeFileSync(join(dir, "agency", "assets", "main-Zy98Xw76.js"), largeScript);
    mkdirSync(join(dir, "agency", "assets", "images"));
    writeFileSync(join(dir, "agency", "assets", "images", "favicon.ico"), Buffer.from([0, 0, 1, 0, 1, 0]));
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url, STATIC_DIR: join(dir, "app"), AGENCY_DIR: join(dir, "agency") }), t, pino({ level: "silent" }));
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it("serves files, and index.html for the apps' own routes", async () => {
    const js = await fetch(`${server.url}/main.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toBe("console.log(1)");
    expect(await (await fetch(`${server.url}/returns/2025-26-q1`)).text()).toContain("<title>App</title>");
  });

  it("serves the agency app at /agency/ with its own routes, links to it from /, and keeps hashed assets", async () => {
    const page = await fetch(`${server.url}/agency/DES-LIC1/returns/2026-27-q2/flow`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(await page.text()).toContain("<title>Agency</title>");
    const bare = await fetch(`${server.url}/agency`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/agency/");
    const asset = await fetch(`${server.url}/agency/assets/index-AbCdEf12.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe("console.log(2)");
    // A missing file is a 404, not the page (a stale cached page asking for an old asset must fail loudly).
    expect((await fetch(`${server.url}/agency/assets/index-gone1234.js`)).status).toBe(404);
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain('href="/agency/"');
  });

  it("sends a hashed asset compressed with brotli or gzip as asked, kept for a year, and plain when not asked", async () => {
    const path = "/agency/assets/main-Zy98Xw76.js";
    const br = await rawGet(server.url, path, { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["vary"]).toBe("Accept-Encoding");
    expect(br.body.byteLength).toBeLessThan(largeScript.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(largeScript);
    // Asked again, the same bytes come from memory.
    expect((await rawGet(server.url, path, { "accept-encoding": "br" })).body).toEqual(br.body);

    const gz = await rawGet(server.url, path, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(largeScript);
    expect(gz.headers["etag"]).not.toBe(br.headers["etag"]);

    const plain = await rawGet(server.url, path, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toBe("Accept-Encoding");
    expect(plain.body.toString()).toBe(largeScript);
    expect((await rawGet(server.url, path, { "accept-encoding": "br;q=0, gzip;q=0" })).headers["content-encoding"]).toBeUndefined();
  });

  it("makes the browser check index.html every time, and answers 304 while it is unchanged", async () => {
    const page = await rawGet(server.url, "/agency/returns", {});
    expect(page.headers["cache-control"]).toBe("no-cache");
    const etag = page.headers["etag"] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawGet(server.url, "/agency/", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect((await rawGet(server.url, "/agency/", { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("compresses API answers above 1 KB and leaves small ones alone", async () => {
    // A batch of calls refused for want of a session is a JSON answer of several KB.
    const calls = Array.from({ length: 20 }, () => "auth.me").join(",");
    const large = await rawGet(server.url, `/trpc/${calls}?batch=1`, { "accept-encoding": "br" });
    expect(large.headers["content-encoding"]).toBe("br");
    expect(large.headers["vary"]).toContain("Accept-Encoding");
    expect(large.headers["cache-control"]).toBe("no-store");
    const answer = JSON.parse(brotliDecompressSync(large.body).toString()) as unknown[];
    expect(answer).toHaveLength(20);
    const small = await rawGet(server.url, "/trpc/auth.me", { "accept-encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({ error: { message: "Sign in to continue." } });
  });

  it("serves GOV.UK Frontend's icon from a built app at /favicon.ico", async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    expect(Buffer.from(await icon.arrayBuffer())).toEqual(readFileSync(join(dir, "agency", "assets", "images", "favicon.ico")));
  });

  it.each(["/..%2fapp-secret%2fsecret.txt", "/%2e%2e/app-secret/secret.txt", "/..%5capp-secret%5csecret.txt", "/%E0%A4%A"])("never serves a file outside the folder: %s", async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(await response.text()).not.toContain("do not serve");
    expect([200, 404]).toContain(response.status);
  });

  it("refuses a request body over 1 MiB before reading it", async () => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.example", password: "x".repeat(2 * 1_048_576) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { message: "That request is too large." } });
  });
});
