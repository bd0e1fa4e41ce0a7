import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from "kysely";
import pg from "pg";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";

export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where it points, with any password removed, for logs. */
  readonly description: string;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** PostgreSQL only: use this schema (tests give each run its own). */
  readonly schema?: string;
  /** PostgreSQL only: pool size. */
  readonly poolSize?: number;
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `sqlite:data/x.db`, `file:data/x.db`, a plain path, or `:memory:`. */
function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/, "");
}

/**
 * Opens the database a URL names: PostgreSQL for `postgres://…` and `postgresql://…`, otherwise an
 * SQLite file (created, with its folder, on first use).
 */
export function openDatabase(url: string, options: ConnectionOptions = {}): Connection {
  if (dialectOf(url) === "postgres") {
    // PostgreSQL returns bigint (int8) as text by default; our counts fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    return { db, dialect: "postgres", description: safe, close: () => db.destroy() };
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", description: `SQLite ${path}`, close: () => db.destroy() };
}

/** Brings the schema up to date. Returns the names of the migrations it ran. */
export async function migrateToLatest(connection: Pick<Connection, "db" | "dialect">): Promise<string[]> {
  // On PostgreSQL the migration tables live in the schema in use (several schemas may share a database).
  const schema =
    connection.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(connection.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: connection.db,
    provider: migrationProvider(connection.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
