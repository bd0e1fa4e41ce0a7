import { spawnSync } from "node:child_process";
import { migrationTable, openDatabase, sql, type DatabaseSummary } from "@complaints/db";

/** Helpers of the `backup` and `restore` commands. */

/** Whether a program can be run by name. */
export function onPath(program: string): boolean {
  return spawnSync(program, ["--version"], { stdio: "ignore" }).status === 0;
}

/** A command line to print, each argument quoted for a POSIX shell where it needs it. */
export function pgCommandLine(program: string, args: string[]): string {
  return [program, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`)).join(" ");
}

export function describeSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Tables (outside PostgreSQL's own schemas) and returns in a PostgreSQL database; returns 0 when it has no returns table. */
export async function postgresSummary(url: string): Promise<Omit<DatabaseSummary, "bytes">> {
  const c = openDatabase(url, { poolSize: 1 });
  try {
    const tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`.execute(c.db)
    ).rows.map((r) => r.name);
    const returns = tables.includes("returns") ? Number((await sql<{ n: number }>`select count(*) as n from returns`.execute(c.db)).rows[0]!.n) : 0;
    const lastMigration = tables.includes(migrationTable)
      ? ((await sql<{ name: string }>`select name from ${sql.table(migrationTable)} order by name desc limit 1`.execute(c.db)).rows[0]?.name ?? null)
      : null;
    return { tables: tables.length, returns, lastMigration };
  } finally {
    await c.close();
  }
}
