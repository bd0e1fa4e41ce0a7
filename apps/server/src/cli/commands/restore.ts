import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { backupKindOf, dialectOf, inspectSqliteDatabase, migrationTable, postgresTarget, sqliteFileOf, sqliteTableCount } from "@complaints/db";
import { UsageError, type Command } from "../command.ts";
import { childProcessEnv } from "../../env.ts";
import { describeSize, onPath, pgCommandLine, postgresSummary } from "../database-files.ts";

/**
 * `restore --from FILE`: puts a backup made by `backup` into DATABASE_URL, which must be empty, so a
 * restore can never mix with or overwrite live data. Everything is checked before anything changes.
 */
export const restore: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { from: { type: "string" } } });
  const from = values.from;
  if (!from) throw new UsageError("restore needs --from FILE: the backup to restore");
  if (!existsSync(from) || !statSync(from).isFile()) {
    console.error(`${from} does not exist (or is not a file): nothing was restored.`);
    return 1;
  }
  const kind = backupKindOf(from);
  const dialect = dialectOf(env.DATABASE_URL);
  if (kind === "other") {
    console.error(`${from} is not a backup: it is neither an SQLite database nor a pg_dump custom-format archive. Nothing was restored.`);
    return 1;
  }
  if (dialect === "sqlite" && kind === "pg_dump") {
    console.error(`${from} is a PostgreSQL backup (pg_dump) but DATABASE_URL is an SQLite database: restore it into PostgreSQL. Nothing was restored.`);
    return 1;
  }
  if (dialect === "postgres" && kind === "sqlite") {
    console.error(`${from} is an SQLite backup but DATABASE_URL is a PostgreSQL database: restore it into SQLite (DATABASE_URL=sqlite:FILE). Nothing was restored.`);
    return 1;
  }
  return dialect === "sqlite" ? restoreSqlite(env.DATABASE_URL, from) : restorePostgres(env.DATABASE_URL, from);
};

function restoreSqlite(url: string, from: string): number {
  const target = sqliteFileOf(url);
  console.log(`Checking ${from}…`);
  let summary;
  try {
    summary = inspectSqliteDatabase(from);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}. Nothing was restored.`);
    return 1;
  }
  if (existsSync(target)) {
    let tables: number;
    try {
      tables = sqliteTableCount(target);
    } catch (error) {
      console.error(`${target} exists and is not an empty SQLite database (${error instanceof Error ? error.message : String(error)}): restore only into an absent or empty database. Nothing was restored.`);
      return 1;
    }
    if (tables > 0) {
      console.error(`${target} already holds ${tables} tables: restore only into a new, empty database (point DATABASE_URL at a file that does not exist). Nothing was restored.`);
      return 1;
    }
  }
  console.log(`Copying into ${target}…`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  copyFileSync(from, partial);
  // An empty database's leftover journal files would be read as part of the restored one.
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
  console.log(`Restored ${from} into ${target}: ${describeSize(summary.bytes)}, ${summary.tables} tables, ${summary.returns.toLocaleString("en-GB")} returns (last migration ${summary.lastMigration ?? "none"}). The server brings the schema up to date when it starts (or run migrate).`);
  return 0;
}

async function restorePostgres(url: string, from: string): Promise<number> {
  const target = postgresTarget(url);
  const restoreArgs = ["--no-owner", "--exit-on-error", "--single-transaction", ...target.flags, from];
  if (!onPath("pg_restore")) {
    console.error("pg_restore is not installed here (Debian: apt-get install postgresql-client). Nothing was restored. Into the empty database, run where it is:");
    console.error(`  ${pgCommandLine("pg_restore", restoreArgs)}`);
    console.error("It asks for the password, or reads it from PGPASSWORD or ~/.pgpass.");
    return 1;
  }
  const pgEnv = childProcessEnv(target.password ? { PGPASSWORD: target.password } : {});
  console.log(`Checking ${from}…`);
  const list = spawnSync("pg_restore", ["--list", from], { env: pgEnv, encoding: "utf8" });
  if (list.status !== 0) {
    console.error(`${from} cannot be read as a pg_dump archive: ${list.stderr.trim()}. Nothing was restored.`);
    return 1;
  }
  if (!new RegExp(`\\bTABLE \\S+ ${migrationTable}\\b`).test(list.stdout)) {
    console.error(`${from} is a pg_dump archive but not of this service's database: it has no ${migrationTable} table. Nothing was restored.`);
    return 1;
  }
  const existing = await postgresSummary(url);
  if (existing.tables > 0) {
    console.error(`The database ${target.database} on ${target.host}:${target.port} already holds ${existing.tables} tables: restore only into a new, empty database (createdb, then point DATABASE_URL at it). Nothing was restored.`);
    return 1;
  }
  console.log(`Restoring into ${target.database} on ${target.host}:${target.port} with pg_restore (one transaction)…`);
  const run = spawnSync("pg_restore", restoreArgs, { env: pgEnv, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (run.status !== 0) {
    console.error(`pg_restore failed and rolled back, so the database is as it was:\n${run.stderr.trim()}`);
    return 1;
  }
  const restored = await postgresSummary(url);
  console.log(`Restored ${from} into ${target.database}: ${describeSize(statSync(from).size)} archive, ${restored.tables} tables, ${restored.returns.toLocaleString("en-GB")} returns (last migration ${restored.lastMigration ?? "none"}).`);
  return 0;
}
