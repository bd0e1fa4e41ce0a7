import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./harness.ts";

/**
 * The demo database each browser test file starts from, migrated and seeded once per run: an SQLite
 * file the server copies, and, when there is a PostgreSQL server, a database that
 * `CREATE DATABASE … TEMPLATE` copies. Loading the demo is the slowest part of starting the server,
 * and every test file would otherwise do it again on a fresh database.
 */
export interface DemoTemplates {
  /** The seeded SQLite file (`startApp({ template })` copies it). */
  sqlite: string;
  /** The seeded PostgreSQL database's URL (`copyPostgresTemplate` copies it), when TEST_DATABASE_URL is set. */
  postgres: string | undefined;
  remove(): void;
}

/** The URL of another database on the same PostgreSQL server. */
function databaseUrlNamed(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

function psql(serverUrl: string, sql: string): void {
  execFileSync("psql", [serverUrl, "-v", "ON_ERROR_STOP=1", "-qc", sql], { stdio: ["ignore", "ignore", "pipe"] });
}

/** Seeds both templates at once; `testDatabaseUrl` is where new PostgreSQL databases are created from. */
export async function seedDemoTemplates(testDatabaseUrl: string | undefined): Promise<DemoTemplates> {
  const dir = mkdtempSync(join(tmpdir(), "complaints-e2e-template-"));
  const sqlite = join(dir, "demo.sqlite");
  let postgres: string | undefined;
  if (testDatabaseUrl) {
    const name = `complaints_e2e_template_${randomBytes(4).toString("hex")}`;
    psql(testDatabaseUrl, `create database ${name}`);
    postgres = databaseUrlNamed(testDatabaseUrl, name);
  }
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    if (testDatabaseUrl && postgres) psql(testDatabaseUrl, `drop database if exists ${databaseName(postgres)} with (force)`);
  };
  try {
    await Promise.all([runCli(["seed", "--demo"], { DATABASE_URL: `sqlite:${sqlite}` }), postgres ? runCli(["seed", "--demo"], { DATABASE_URL: postgres }) : undefined]);
  } catch (error) {
    remove();
    throw error;
  }
  return { sqlite, postgres, remove };
}

/** A new PostgreSQL database with the seeded demo in it, and how to drop it once its server has stopped. */
export function copyPostgresTemplate(template: string, testDatabaseUrl: string): { databaseUrl: string; drop(): void } {
  const name = `complaints_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  psql(testDatabaseUrl, `create database ${name} template ${databaseName(template)}`);
  return { databaseUrl: databaseUrlNamed(testDatabaseUrl, name), drop: () => psql(testDatabaseUrl, `drop database if exists ${name} with (force)`) };
}
