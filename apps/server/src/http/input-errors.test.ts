import { createWorld, worldPassword } from "@complaints/api/testing";
import { createTestDatabase, testDialects, type TestDatabase } from "@complaints/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../env.ts";
import { startServer, type RunningServer } from "./serve.ts";

interface ErrorBody {
  error: { message: string; data: { code: string; httpStatus: number; issues: { field: string; message: string }[] | null } };
}

describe.each(testDialects())("refused input over HTTP on %s", (dialect) => {
  let t: TestDatabase;
  let server: RunningServer;
  let session = "";
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: session }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await createWorld(t.db, new Date("2025-07-10T10:00:00Z"));
    server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, pino({ level: "silent" }));
    const signedIn = await post("auth.signIn", { email: "a1submitter@example.gov.uk", password: worldPassword });
    session = signedIn.headers.get("set-cookie")!.split(";")[0]!;
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it("reads as plain English in the message, with each field's problem in data", async () => {
    const opened = (await (await post("returns.openDraft", { organisationCode: "A1", period: "2025-26 Q1" })).json()) as { result: { data: { returnId: string; version: number } } };
    const { returnId, version } = opened.result.data;
    const response = await post("returns.save", { returnId, expectedVersion: version, values: { received: -1, withdrawn: "lots" }, notes: { received: "" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toBe(
      "‘Complaints received’ cannot be negative. ‘Complaints withdrawn’: enter a whole number, [x] if not available or [z] if not applicable. The note on ‘Complaints received’ is blank: write it, or leave it out.",
    );
    expect(body.error.data.issues).toEqual([
      { field: "values.received", message: "‘Complaints received’ cannot be negative" },
      { field: "values.withdrawn", message: "‘Complaints withdrawn’: enter a whole number, [x] if not available or [z] if not applicable" },
      { field: "notes.received", message: "The note on ‘Complaints received’ is blank: write it, or leave it out" },
    ]);
  });

  it("names the field of an input that is not a return's, such as a wrong type of version", async () => {
    const response = await post("returns.submit", { returnId: "00000000-0000-4000-8000-000000000000", expectedVersion: "one" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toMatch(/^expectedVersion: /);
    expect(body.error.message).not.toContain("[{");
  });

  it("answers a clash between autosaves with 409, both values in data.details, and stores nothing", async () => {
    const opened = (await (await post("returns.openDraft", { organisationCode: "A1", period: "2025-26 Q1" })).json()) as { result: { data: { returnId: string; version: number } } };
    const { returnId, version } = opened.result.data;
    const first = await post("returns.saveChanges", { returnId, baseVersion: version, values: { withdrawn: { from: null, to: 2 } } });
    expect(first.status).toBe(200);
    const saved = ((await first.json()) as { result: { data: { merged: boolean; return: { version: number; values: Record<string, unknown> } } } }).result.data;
    expect(saved).toMatchObject({ merged: false, return: { values: { withdrawn: 2 } } });

    const response = await post("returns.saveChanges", { returnId, baseVersion: version, values: { withdrawn: { from: null, to: 3 }, compliments: { from: null, to: 9 } } });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { message: string; data: { code: string; details: unknown } } };
    expect(body.error.message).toMatch(/^Someone else changed 1 answer on this return since you opened it \(‘Complaints withdrawn’\)\. Nothing you sent was saved\./);
    expect(body.error.data.code).toBe("CONFLICT");
    expect(body.error.data.details).toEqual({ currentVersion: saved.return.version, conflicts: [{ kind: "value", key: "withdrawn", label: "Complaints withdrawn", yours: 3, theirs: 2 }] });
    const now = (await (await fetch(`${server.url}/trpc/returns.get?input=${encodeURIComponent(JSON.stringify({ returnId }))}`, { headers: { cookie: session } })).json()) as { result: { data: { version: number; values: Record<string, unknown> } } };
    expect(now.result.data.version).toBe(saved.return.version);
    expect(now.result.data.values.compliments).toBeUndefined();
  });
});
