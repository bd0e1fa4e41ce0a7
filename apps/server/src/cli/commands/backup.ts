import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { backupKindOf, backupSqlite, dialectOf, inspectSqliteDatabase, postgresTarget, sqliteFileOf } from "@complaints/db";
import { UsageError, type Command } from "../command.ts";
import { childProcessEnv } from "../../env.ts";
import { progressReporter } from "../progress.ts";
import { describeSize, onPath, pgCommandLine, postgresSummary } from "../database-files.ts";

/**
 * `backup --out FILE`: a copy of the whole database, taken while the server runs. SQLite through its
 * online backup API, checked afterwards; PostgreSQL through `pg_dump --format=custom`, or, when
 * pg_dump is not installed here, the command to run elsewhere. The file appears only when complete.
 */
export const backup: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  const out = values.out;
  if (!out) throw new UsageError("backup needs --out FILE: where to write the backup");
  if (existsSync(out)) {
    console.error(`${out} already exists: give a new file name (a backup never overwrites one).`);
    return 1;
  }
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });

  if (dialectOf(env.DATABASE_URL) === "sqlite") {
    const source = sqliteFileOf(env.DATABASE_URL);
    if (!existsSync(source)) {
      console.error(`There is no database to back up: ${source} does not exist.`);
      return 1;
    }
    console.log(`Backing up SQLite ${source} to ${out}…`);
    const progress = progressReporter(process.stdout);
    try {
      await backupSqlite(env.DATABASE_URL, partial, (copied, total) => progress("Pages copied", copied, total));
      const summary = inspectSqliteDatabase(partial);
      renameSync(partial, out);
      console.log(`Backup written: ${out}, ${describeSize(summary.bytes)}, ${summary.tables} tables, ${summary.returns.toLocaleString("en-GB")} returns (last migration ${summary.lastMigration ?? "none"}); checked with SQLite's integrity check.`);
      return 0;
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
  }

  const target = postgresTarget(env.DATABASE_URL);
  const dumpArgs = ["--format=custom", ...target.flags, `--file=${out}`];
  if (!onPath("pg_dump")) {
    console.error("pg_dump is not installed here (Debian: apt-get install postgresql-client, of the server's major version or later). Run this where it is:");
    console.error(`  ${pgCommandLine("pg_dump", dumpArgs)}`);
    console.error("It asks for the password, or reads it from PGPASSWORD or ~/.pgpass.");
    return 1;
  }
  const before = await postgresSummary(env.DATABASE_URL);
  console.log(`Backing up PostgreSQL ${target.database} on ${target.host}:${target.port} (${before.tables} tables, ${before.returns.toLocaleString("en-GB")} returns) with pg_dump to ${out}…`);
  const run = spawnSync("pg_dump", [...dumpArgs.slice(0, -1), `--file=${partial}`], {
    env: childProcessEnv(target.password ? { PGPASSWORD: target.password } : {}),
    stdio: ["ignore", "inherit", "pipe"],
    encoding: "utf8",
  });
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    console.error(`pg_dump failed, and no backup was written:\n${run.stderr.trim()}`);
    return 1;
  }
  if (backupKindOf(partial) !== "pg_dump") {
    rmSync(partial, { force: true });
    console.error("pg_dump finished but did not write a custom-format archive; no backup was written.");
    return 1;
  }
  renameSync(partial, out);
  console.log(`Backup written: ${out}, ${describeSize(statSync(out).size)}, ${before.tables} tables, ${before.returns.toLocaleString("en-GB")} returns (counted as the dump began; pg_dump copies one consistent snapshot).`);
  return 0;
};
