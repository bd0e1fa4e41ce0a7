import { closeSync, openSync, readSync, statSync } from "node:fs";
import SQLite from "better-sqlite3";
import { sqliteFileOf } from "./connection.ts";

/** Kysely's record of the migrations run: a database of ours has it. */
export const migrationTable = "kysely_migration";

/** What a backup or a database holds, for the summary the commands print. */
export interface DatabaseSummary {
  bytes: number;
  tables: number;
  returns: number;
  /** The last migration recorded, or null when there is none. */
  lastMigration: string | null;
}

/** The kind of a file, from its first bytes: what `restore` checks before touching anything. */
export type BackupKind = "sqlite" | "pg_dump" | "other";

export function backupKindOf(file: string): BackupKind {
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, head, 0, 16, 0);
    const text = head.subarray(0, read).toString("latin1");
    if (text === "SQLite format 3\0") return "sqlite";
    // pg_dump's custom format starts with these five bytes.
    if (text.startsWith("PGDMP")) return "pg_dump";
    return "other";
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies an SQLite database to `outFile` with SQLite's online backup API, which reads a consistent
 * snapshot while the server goes on writing. After a first step the rest is copied in one step: a
 * write by another connection between steps makes SQLite start again, and under steady autosaves
 * small steps might never finish. In WAL mode the reading does not hold writers back.
 */
export async function backupSqlite(url: string, outFile: string, onProgress: (copiedPages: number, totalPages: number) => void): Promise<void> {
  const source = new SQLite(sqliteFileOf(url), { readonly: true, fileMustExist: true });
  try {
    const copied = await source.backup(outFile, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return Math.max(totalPages, 100);
      },
    });
    onProgress(copied.totalPages, copied.totalPages);
  } finally {
    source.close();
  }
}

/**
 * Checks an SQLite file is a sound database of this service (integrity check, the migrations table)
 * and counts what it holds; throws an Error saying what is wrong otherwise. Opens it read-only.
 */
export function inspectSqliteDatabase(file: string): DatabaseSummary {
  let database: SQLite.Database;
  try {
    database = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as an SQLite database (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  try {
    const integrity = database.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} is damaged: SQLite's integrity check says “${String(integrity)}”`);
    const tables = database.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    if (!tables.includes(migrationTable)) throw new Error(`${file} is an SQLite database but not one of this service: it has no ${migrationTable} table`);
    const lastMigration = (database.prepare(`select name from ${migrationTable} order by name desc limit 1`).pluck().get() as string | undefined) ?? null;
    const returns = tables.includes("returns") ? (database.prepare("select count(*) from returns").pluck().get() as number) : 0;
    return { bytes: statSync(file).size, tables: tables.length, returns, lastMigration };
  } finally {
    database.close();
  }
}

/** How many tables an SQLite file holds (0 for an empty file); it is opened read-only. */
export function sqliteTableCount(file: string): number {
  if (statSync(file).size === 0) return 0;
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return database.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get() as number;
  } finally {
    database.close();
  }
}

/** A PostgreSQL URL taken apart for pg_dump and pg_restore, which get the password in the environment, never on the command line. */
export interface PostgresTarget {
  host: string;
  port: string;
  user: string;
  database: string;
  password: string | undefined;
  /** The connection options but the password, as command-line flags. */
  flags: string[];
}

export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const host = decodeURIComponent(parsed.hostname) || "localhost";
  const port = parsed.port || "5432";
  const user = decodeURIComponent(parsed.username) || "postgres";
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || user;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  return { host, port, user, database, password, flags: [`--host=${host}`, `--port=${port}`, `--username=${user}`, `--dbname=${database}`] };
}
