import { worldPassword, createWorld } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import { listingWorkbook as workbook } from "@complaints/office/testing";
import { request } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { startServer, type RunningServer } from "./serve.ts";

/**
 * Hostile return spreadsheets uploaded over real HTTP while other requests go on: each is refused
 * within 5 seconds, and no other request waits more than 2 seconds meanwhile. Such files once held
 * the server's one thread for a minute (one 1 MB sheet listed 300 times) or took it down.
 */

/**
 * A request on a connection of its own: a kept-alive connection that the server closes as it idles
 * while the machine is busy can be reset under the next request, which is not a wait.
 */
function send(url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body === undefined ? "GET" : "POST", headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Rows of two cells, about 1 MB per 12,000. */
const rows = (count: number) => Array.from({ length: count }, (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>x</t></is></c><c><v>${i}</v></c></row>`).join("");

describe.each(testDialects())("hostile spreadsheets uploaded over HTTP on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  let headers: Record<string, string>;
  let returnId = "";
  let version = 0;

  const answer = (response: { status: number; body: string }) => {
    const body = JSON.parse(response.body) as { result?: { data: unknown }; error?: { message: string } };
    expect(response.status, body.error?.message).toBe(200);
    return body.result!.data;
  };
  const call = async (path: string, input: unknown) => answer(await send(`${server.url}/trpc/${path}`, headers, JSON.stringify(input)));
  const query = async (path: string, input: unknown) => answer(await send(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, headers));
  const currentVersion = async () => ((await query("returns.get", { returnId })) as { version: number }).version;
  const upload = (fileName: string, bytes: Uint8Array) =>
    call("returns.uploadSpreadsheet", { returnId, expectedVersion: version, fileName, contentBase64: Buffer.from(bytes).toString("base64") }) as Promise<{ ok: boolean; problems?: { message: string }[] }>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, new Date());
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, pino({ level: "silent" }));
    const signedIn = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a1submitter@example.gov.uk", password: worldPassword }) });
    await signedIn.arrayBuffer();
    headers = { "content-type": "application/json", cookie: signedIn.headers.get("set-cookie")!.split(";")[0]! };
    const draft = (await call("returns.openDraft", { organisationCode: "A1", period: "2025-26 Q1" })) as { returnId: string; version: number };
    [returnId, version] = [draft.returnId, draft.version];
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it("refuses each within 5 seconds while the health check and auth.me are answered within 2", async () => {
    // The template as downloaded uploads (and starts the reader's thread, which is not what is timed).
    const template = (await query("returns.downloadTemplate", { returnId, format: "xlsx" })) as { contentBase64: string };
    expect(await upload("return.xlsx", Buffer.from(template.contentBase64, "base64"))).toMatchObject({ ok: true });
    version = await currentVersion();

    const hostile: [string, Uint8Array, string | RegExp][] = [
      ["one 1 MB sheet listed 300 times", workbook(300, [rows(12_000)]), "This spreadsheet has 300 sheets; a return spreadsheet has at most 20. Upload the template you downloaded."],
      ["three distinct 16 MB sheets", workbook(3, Array.from({ length: 3 }, () => "<row><c><v>1</v></c></row>".repeat(640_000))), "The file cannot be read: its part xl/worksheets/sheet0.xml unpacks to more than 4 MB"],
      // Within the byte limits, but slower to read than any return: stopped at the time limit on a
      // busy machine, or read in time on a quiet one and refused for what it holds; either way off
      // the request thread, which is what is measured.
      ["two 2.8 MB sheets of 700,000 empty elements each", workbook(2, Array.from({ length: 2 }, () => `<row>${"<x/>".repeat(700_000)}</row>`)), /^(The file cannot be read: it takes more than 3 seconds to read|The file has no header row)/],
    ];
    for (const [, bytes] of hostile) expect(bytes.length).toBeLessThan(150_000);

    const waits: number[] = [];
    const uploading = { done: false };
    const others = (async () => {
      for (let i = 0; !uploading.done && i < 600; i += 1) {
        const started = performance.now();
        const response = await send(`${server.url}${i % 2 === 0 ? "/healthz" : "/trpc/auth.me"}`, headers);
        expect(response.status).toBe(200);
        waits.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      for (const [name, bytes, message] of hostile) {
        const started = performance.now();
        const result = await upload(`${name}.xlsx`, bytes);
        expect(performance.now() - started, name).toBeLessThan(5000);
        expect(result.ok, name).toBe(false);
        const said = result.problems![0]!.message;
        expect(typeof message === "string" ? said.startsWith(message) : message.test(said), `${name}: ${said}`).toBe(true);
      }
    } finally {
      uploading.done = true;
      await others;
    }
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(2000);
    // Nothing was stored.
    expect(await currentVersion()).toBe(version);
  });
});
