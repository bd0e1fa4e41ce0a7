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
  /**
   * PostgreSQL only: told when the database ends an idle pooled connection (a restart, a failover,
   * an administrator); the pool has already dropped it and opens a new one when next needed.
   */
  readonly onConnectionLost?: (error: Error) => void;
}

/** How long a query waits for a connection before it fails, so a request never hangs on a database that is away. */
export const connectTimeoutMs = 3_000;

/** SQLSTATEs of a database that is going away or not yet back: admin_shutdown, crash_shutdown, cannot_connect_now. */
const unavailableStates = new Set(["57P01", "57P02", "57P03"]);
/** Socket errors of a database that cannot be reached. */
const unreachableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
/** pg's own words for a lost connection and for a pool that timed out waiting for one. */
const lostConnection = /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error/;

/**
 * Whether an error means the database is away for now (restarting, failing over, unreachable)
 * rather than that a query is wrong: the caller may try again in a minute. Class 08 is SQL's
 * "connection exception".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (unavailableStates.has(code) || unreachableCodes.has(code) || code.startsWith("08"))) return true;
    if (lostConnection.test(e.message)) return true;
    // Node tries each address of a name (::1, then 127.0.0.1) and reports all the failures together.
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `sqlite:data/x.db`, `file:data/x.db`, a plain path, or `:memory:`: the file's path. */
export function sqliteFileOf(url: string): string {
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
      connectionTimeoutMillis: connectTimeoutMs,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An 'error' event nobody listens for ends the process. The pool emits one when the database
    // ends an idle connection; a connection in use emits one too, after failing its query (which
    // the caller sees), so each connection gets a listener of its own.
    const onConnectionLost = options.onConnectionLost ?? ((error: Error) => console.warn(`The database closed a connection (${error.message}); a new one opens when next needed.`));
    pool.on("error", (error) => onConnectionLost(error));
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    return { db, dialect: "postgres", description: safe, close: () => db.destroy() };
  }
  const path = sqliteFileOf(url);
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
