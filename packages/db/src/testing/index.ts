import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrateToLatest, openDatabase, type Connection, type Dialect } from "../connection.ts";
import { inCi, testDatabaseUrl } from "./env.ts";

/**
 * The dialects the suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set
 * (Kysely's own test set-up does the same). Use with `describe.each(testDialects())`. In CI a
 * missing TEST_DATABASE_URL is an error, so the suite cannot pass on SQLite alone without a word.
 */
export function testDialects(options: { ci?: boolean; url?: string | undefined } = {}): Dialect[] {
  const url = "url" in options ? options.url : testDatabaseUrl;
  if (!url && (options.ci ?? inCi)) {
    throw new Error("CI is set but TEST_DATABASE_URL is not: the database tests must run on PostgreSQL as well as SQLite in CI. Set TEST_DATABASE_URL to a PostgreSQL database (.ci/run does).");
  }
  return url ? ["sqlite", "postgres"] : ["sqlite"];
}

export interface TestDatabase extends Connection {
  /** A URL that reaches this same database (PostgreSQL URLs carry the schema in `options`). */
  readonly url: string;
}

/**
 * A fresh, migrated database: an SQLite file in a temporary folder, or a new schema in the
 * PostgreSQL test database. Closing it removes it.
 */
export async function createTestDatabase(dialect: Dialect, options: { postgresUrl?: string | undefined } = {}): Promise<TestDatabase> {
  if (dialect === "postgres") {
    const postgresUrl = options.postgresUrl ?? testDatabaseUrl;
    if (!postgresUrl) throw new Error("TEST_DATABASE_URL is not set");
    const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const connection = openDatabase(postgresUrl, { schema });
    await migrateToLatest(connection);
    const url = `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      ...connection,
      url,
      close: async () => {
        await connection.close();
        const cleanup = new pg.Client({ connectionString: postgresUrl });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "complaints-test-"));
  const url = `sqlite:${join(dir, "test.sqlite")}`;
  const connection = openDatabase(url);
  await migrateToLatest(connection);
  return {
    ...connection,
    url,
    close: async () => {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { postgresBin, privateClusterTestsRun, startPrivateCluster, type PrivateCluster } from "./postgres-cluster.ts";
export { inCi, testDatabaseUrl } from "./env.ts";
