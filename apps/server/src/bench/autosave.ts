import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { hashPassword } from "@complaints/api";
import { insertUser, upsertWindow, type Dialect } from "@complaints/db";
import type { TestDatabase } from "@complaints/db/testing";
import { currentTemplate, templateFields, type FieldValue } from "@complaints/domain";
import pino from "pino";
import { loadEnv } from "../env.ts";
import { startServer } from "../http/serve.ts";
import { f, samples, time } from "./timing.ts";

/**
 * The browser's autosave as it will run: the real HTTP server, a signed-in submitter, and
 * `returns.saveChanges` changing every answer of the "Early resolution and closer look" section,
 * each save based on the one before (as the browser does), beside `returns.get` of the same return.
 */
interface Draft {
  returnId: string;
  version: number;
  values: Record<string, FieldValue>;
}

export async function autosaveBenchmark(t: TestDatabase, dialect: Dialect, bodyCode: string, departmentCode: string, period: string): Promise<void> {
  const email = `bench.autosave.${randomUUID().slice(0, 8)}@example.gov.uk`;
  const password = "bench autosave password 2026";
  const now = new Date().toISOString();
  await insertUser(t.db, { id: randomUUID(), email, displayName: "Bench submitter", passwordHash: await hashPassword(password), role: "submitter", organisationCode: bodyCode }, now);
  await upsertWindow(t.db, { departmentCode, period, dueDate: null, openedBy: "bench" }, now);

  const server = await startServer(loadEnv({ PORT: "0", DATABASE_URL: t.url }), t, pino({ level: "silent" }));
  try {
    const signIn = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const call = async <T>(path: string, input: unknown, method: "GET" | "POST"): Promise<T> => {
      const response =
        method === "GET"
          ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
          : await fetch(`${server.url}/trpc/${path}`, { method, headers: { "content-type": "application/json", cookie }, body: JSON.stringify(input) });
      const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
      if (!body.result) throw new Error(`${path} failed: ${response.status} ${body.error?.message}`);
      return body.result.data;
    };

    let draft = await call<Draft>("returns.openDraft", { organisationCode: bodyCode, period }, "POST");
    const fields = templateFields(currentTemplate).filter((x) => x.section === "stages").map((x) => x.id);
    let merged = 0;
    const save = await time(async (i) => {
      // Every answer of the section changes on every save: alternately two sets of figures.
      const to = Object.fromEntries(fields.map((id, k) => [id, 10 + k + (i % 2)]));
      const values = Object.fromEntries(fields.map((id) => [id, { from: draft.values[id] ?? null, to: to[id]! }]));
      const result = await call<{ return: Draft; merged: boolean }>("returns.saveChanges", { returnId: draft.returnId, baseVersion: draft.version, values }, "POST");
      if (result.merged) merged += 1;
      draft = result.return;
    });
    const get = await time(() => call<Draft>("returns.get", { returnId: draft.returnId }, "GET"));
    if (merged > 0) throw new Error(`${merged} of the bench's own saves reported a merge: each should be based on the one before`);

    console.log(`${dialect}: saving one section through HTTP (${fields.length} answers, ${samples} saves)   p50 ms   p95 ms   (target: p95 ≤ 100 ms)`);
    console.log(`  returns.saveChanges, each save based on the one before         ${f(save.p50)} ${f(save.p95)}`);
    console.log(`    baseline: returns.get of the same return                     ${f(get.p50)} ${f(get.p95)}   ratio p95 ${(save.p95 / get.p95).toFixed(1)}×`);
    // Other work on the machine stretches every figure: say how busy it was.
    console.log(`    (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n`);
  } finally {
    await server.close();
  }
}
