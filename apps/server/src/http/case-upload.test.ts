import { worldPassword, createWorld } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { startServer, type RunningServer } from "./serve.ts";

/**
 * A case file uploaded over real HTTP as the agency app sends it: full-size chunks (512 KiB, about
 * 700 KB as base64 in JSON) fit under the server's 1 MiB request limit, and the file comes back
 * together, in order, when the upload is finished.
 */
describe.each(testDialects())("a chunked case file upload over HTTP on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, new Date());
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, pino({ level: "silent" }));
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  /** Signs in as A1's complaints team; answers a procedure's data, expecting 200. */
  async function signedIn() {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a1submitter@example.gov.uk", password: worldPassword }) });
    const headers = { "content-type": "application/json", cookie: response.headers.get("set-cookie")!.split(";")[0]! };
    return async (path: string, input: unknown) => {
      const answer = await fetch(`${server.url}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input) });
      const body = (await answer.json()) as { result?: { data: unknown }; error?: { message: string } };
      expect(answer.status, body.error?.message).toBe(200);
      return body.result!.data;
    };
  }

  /** A case file of `rows` cases received in Apr to Jun 2025, sent in chunks. */
  async function send(call: Awaited<ReturnType<typeof signedIn>>, rows: number) {
    const lines = ["case_ref,received_date,stage,closed_date,outcome,channel"];
    for (let i = 0; i < rows; i += 1) lines.push(`CMP-2025-${String(i).padStart(5, "0")},2025-04-${String(1 + (i % 28)).padStart(2, "0")},early_resolution,,,online`);
    const bytes = Buffer.from(`${lines.join("\r\n")}\r\n`);
    const { uploadId, chunkBytes } = (await call("cases.startUpload", { organisationCode: "A1", fileName: "cases.csv", size: bytes.byteLength })) as { uploadId: string; chunkBytes: number };
    for (let i = 0; i * chunkBytes < bytes.byteLength; i += 1) {
      await call("cases.uploadChunk", { uploadId, index: i, data: bytes.subarray(i * chunkBytes, (i + 1) * chunkBytes).toString("base64") });
    }
    return { uploadId, bytes };
  }

  it("sends the file in chunks and computes it", async () => {
    const call = await signedIn();
    const { uploadId, bytes } = await send(call, 14_000);
    expect(bytes.byteLength).toBeGreaterThan(524_288);
    const result = (await call("cases.finishUpload", { uploadId, dryRun: true })) as { ok: boolean; rows: number; quarters: { period: string; values: Record<string, number> }[] };
    expect(result).toMatchObject({ ok: true, rows: 14_000 });
    expect(result.quarters[0]).toMatchObject({ period: "2025-26 Q1", values: { received: 14_000, "received_by_channel.online": 14_000 } });
  });

  it("answers a double-clicked finish (two requests at once) with one import's result", async () => {
    const call = await signedIn();
    const { uploadId } = await send(call, 14_000);
    const [first, second] = await Promise.all([call("cases.finishUpload", { uploadId, dryRun: false }), call("cases.finishUpload", { uploadId, dryRun: false })]);
    expect(first).toMatchObject({ ok: true, rows: 14_000 });
    expect(second).toEqual(first);
    const imports = await t.db.selectFrom("case_imports").select("id").where("organisation_code", "=", "A1").execute();
    expect(imports.map((i) => i.id)).toEqual([(first as { importId: string }).importId]);
  });
});
