import { createServer, type Socket } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTimeoutMs, isDatabaseUnavailable, openDatabase, type Connection } from "./connection.ts";
import { privateClusterTestsRun, startPrivateCluster, type PrivateCluster } from "./testing/index.ts";

/** Errors a query meets, caught as they come. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );
}

describe.skipIf(!privateClusterTestsRun())("a PostgreSQL connection while the database restarts", () => {
  let cluster: PrivateCluster;
  let connection: Connection;
  const lost: Error[] = [];

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    connection = openDatabase(cluster.url, { onConnectionLost: (error) => lost.push(error) });
  }, 60_000);
  afterAll(async () => {
    await connection?.close();
    cluster?.remove();
  });

  it("tells a wrong query apart from a database that is away", async () => {
    expect(isDatabaseUnavailable(await failureOf(sql`select no_such_column`.execute(connection.db)))).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it("survives losing idle and in-use connections, fails fast while the database is away and reconnects when it is back", async () => {
    // One connection held by a transaction and one idle in the pool when the database stops.
    let stopped!: () => void;
    const databaseStopped = new Promise<void>((resolve) => (stopped = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const transaction = failureOf(
      connection.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        holding();
        await databaseStopped;
        await sql`select 1`.execute(trx);
      }),
    );
    await held;
    await sql`select 1`.execute(connection.db);

    cluster.stop();
    stopped();
    expect(isDatabaseUnavailable(await transaction)).toBe(true);
    await expect.poll(() => lost.map((e) => (e as Error & { code?: string }).code)).toContain("57P01");

    const started = performance.now();
    const away = await failureOf(sql`select 1`.execute(connection.db));
    expect(isDatabaseUnavailable(away), String(away)).toBe(true);
    expect(performance.now() - started).toBeLessThan(connectTimeoutMs + 1_000);

    cluster.start();
    const { rows } = await sql<{ answer: number }>`select 42 as answer`.execute(connection.db);
    expect(rows).toEqual([{ answer: 42 }]);
  }, 30_000);
});

describe("a PostgreSQL server that accepts connections but never answers", () => {
  it("fails a query after the connection timeout rather than hanging", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const connection = openDatabase(`postgres://nobody@127.0.0.1:${port}/none`);
    try {
      const started = performance.now();
      const error = await failureOf(sql`select 1`.execute(connection.db));
      const ms = performance.now() - started;
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(connectTimeoutMs - 100);
      expect(ms).toBeLessThan(connectTimeoutMs + 1_000);
    } finally {
      await connection.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 15_000);
});
