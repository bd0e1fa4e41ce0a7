import { createWorld, worldPassword } from "@complaints/api/testing";
import { migrateToLatest, openDatabase } from "@complaints/db";
import { privateClusterTestsRun, startPrivateCluster, type PrivateCluster } from "@complaints/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCommand, type ServeCommand } from "../../test/serve-command.ts";

/**
 * The real `complaints serve` in a child process, against a PostgreSQL server of the test's own,
 * which the test stops and starts as a failover or maintenance would.
 */
const runs = privateClusterTestsRun();

describe.skipIf(!runs)("the server while its PostgreSQL database restarts", () => {
  let cluster: PrivateCluster;
  let server: ServeCommand;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    const connection = openDatabase(cluster.url);
    await migrateToLatest(connection);
    await createWorld(connection.db, new Date());
    await connection.close();
    server = await serveCommand(cluster.url);
  }, 60_000);

  afterAll(() => {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    cluster?.remove();
  });

  const json = { "content-type": "application/json" };
  const signIn = () => fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: json, body: JSON.stringify({ email: "aoversight@example.gov.uk", password: worldPassword }) });
  const me = (cookie: string) => fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } });
  /** A request's answer and how long it took; a server that is gone fails the test with its last words. */
  const answered = async (run: () => Promise<Response>) => {
    const started = performance.now();
    const result = await run().catch((error: unknown) => Promise.reject(new Error(`the server did not answer (${String(error)}):\n${server.output()}`)));
    return { result, ms: performance.now() - started };
  };

  it("answers “try again” while the database is away and carries on by itself when it is back", async () => {
    const signedIn = await signIn();
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    expect((await me(cookie)).status).toBe(200);

    // A fast shutdown terminates the server's idle pooled connections (57P01).
    cluster.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode, `the server exited: ${server.output()}`).toBeNull();

    const tryAgain = "The service cannot reach its database just now. Try again in a minute.";
    // A session is looked up before any procedure runs, and a procedure reads the database itself:
    // both answer as tRPC errors (which the apps read) with status 503 and the same plain message,
    // quickly, and give nothing of the cause away.
    for (const request of [() => me(cookie), () => signIn()]) {
      const { result, ms } = await answered(request);
      const text = await result.text();
      expect(result.status, text).toBe(503);
      expect(JSON.parse(text)).toMatchObject({ error: { message: tryAgain, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } } });
      expect(text).not.toMatch(/ECONN|57P|stack|postgres/i);
      expect(ms).toBeLessThan(5_000);
    }

    // A published page, outside tRPC, says the same.
    const page = await answered(() => fetch(`${server.url}/published/A1/learning`));
    expect(page.result.status).toBe(503);
    expect(await page.result.json()).toEqual({ error: { message: tryAgain } });
    expect(page.ms).toBeLessThan(5_000);

    const health = await answered(() => fetch(`${server.url}/healthz`));
    expect(health.result.status).toBe(503);
    expect(await health.result.json()).toEqual({ status: "unavailable", problem: "database not reachable" });
    expect(health.ms).toBeLessThan(5_000);

    cluster.start();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const back = await me(cookie);
    expect(back.status).toBe(200);
    expect(((await back.json()) as { result: { data: { email: string } } }).result.data.email).toBe("aoversight@example.gov.uk");
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).toContain("terminating connection due to administrator command");
  }, 30_000);
});
