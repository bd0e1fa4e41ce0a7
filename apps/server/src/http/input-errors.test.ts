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
});
