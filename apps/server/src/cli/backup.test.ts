import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWorld, worldPassword } from "@complaints/api/testing";
import { inspectSqliteDatabase, migrateToLatest, openDatabase, sql, sqliteTableCount, type Dialect } from "@complaints/db";
import { inCi, testDatabaseUrl, testDialects } from "@complaints/db/testing";
import { currentTemplate, templateFields } from "@complaints/domain";
import { afterAll, describe, expect, it } from "vitest";
import { complaintsBin, serveCommand, type ServeCommand } from "../../test/serve-command.ts";
import { childProcessEnv } from "../env.ts";

/**
 * `backup` taken from the real server while submitters keep saving, then `restore` into a new empty
 * database: every save the server acknowledged before the backup began is in the restored copy,
 * and the server opens it.
 */

/** The `complaints` command in a child process without blocking this one, so the saves go on meanwhile. */
function cli(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [complaintsBin, ...args], { env: { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", PATH: childProcessEnv().PATH ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const pgToolsPresent = spawnSync("pg_dump", ["--version"]).status === 0 && spawnSync("pg_restore", ["--version"]).status === 0;
const dialects = testDialects().filter((d) => d === "sqlite" || pgToolsPresent || inCi);

/** New empty databases of the dialect, removed after the tests. */
function databases(dialect: Dialect) {
  const dir = mkdtempSync(join(tmpdir(), "backup-test-"));
  const created: string[] = [];
  let n = 0;
  const admin = async (statement: string) => {
    const c = openDatabase(testDatabaseUrl!, { poolSize: 1 });
    try {
      await sql.raw(statement).execute(c.db);
    } finally {
      await c.close();
    }
  };
  return {
    dir,
    async create(): Promise<string> {
      n += 1;
      if (dialect === "sqlite") return `sqlite:${join(dir, `db${n}.sqlite`)}`;
      const name = `backup_test_${Date.now().toString(36)}_${n}`;
      await admin(`create database ${name}`);
      created.push(name);
      const url = new URL(testDatabaseUrl!);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async removeAll() {
      for (const name of created) await admin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function tableCount(dialect: Dialect, url: string): Promise<number> {
  if (dialect === "sqlite") {
    const file = url.replace(/^sqlite:/, "");
    return existsSync(file) ? sqliteTableCount(file) : 0;
  }
  const c = openDatabase(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(c.db);
    return Number(rows[0]!.n);
  } finally {
    await c.close();
  }
}

describe.each(dialects)("backup and restore on %s", (dialect) => {
  const dbs = databases(dialect);
  const servers: ServeCommand[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
    await dbs.removeAll();
  });

  const json = { "content-type": "application/json" };
  async function signIn(server: ServeCommand, email: string): Promise<string> {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, { method: "POST", headers: json, body: JSON.stringify({ email, password: worldPassword }) });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.headers.get("set-cookie")!.split(";")[0]!;
  }
  async function call<T>(server: ServeCommand, cookie: string, path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<{ status: number; data?: T; text: string }> {
    const response =
      method === "GET"
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
        : await fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { ...json, cookie }, body: JSON.stringify(input) });
    const text = await response.text();
    const body = JSON.parse(text) as { result?: { data: T } };
    return { status: response.status, data: body.result?.data, text };
  }

  const field = templateFields(currentTemplate).find((f) => f.section === "stages")!.id;
  const submitters = ["a1submitter", "a2submitter", "b1submitter"] as const;
  const bodyOf = { a1submitter: "A1", a2submitter: "A2", b1submitter: "B1" } as const;

  it("backs up while saves go on, and the restored copy holds every save acknowledged before the backup began", async () => {
    const sourceUrl = await dbs.create();
    const source = openDatabase(sourceUrl);
    await migrateToLatest(source);
    await createWorld(source.db, new Date());
    await source.close();
    const server = await serveCommand(sourceUrl);
    servers.push(server);

    type Ack = { returnId: string; value: number; at: number };
    const acks: Ack[] = [];
    const failures: string[] = [];
    // Read by the save loops, set when the backup is done.
    const saving = { stop: false };
    const loops = submitters.map(async (key) => {
      const cookie = await signIn(server, `${key}@example.gov.uk`);
      const opened = await call<{ returnId: string; version: number }>(server, cookie, "returns.openDraft", { organisationCode: bodyOf[key], period: "2025-26 Q1" });
      expect(opened.status, opened.text).toBe(200);
      const returnId = opened.data!.returnId;
      let version = opened.data!.version;
      let value: number | null = null;
      for (let next = 1; !saving.stop; next += 1) {
        const saved = await call<{ return: { version: number } }>(server, cookie, "returns.saveChanges", { returnId, baseVersion: version, values: { [field]: { from: value, to: next } } });
        if (saved.status !== 200) {
          failures.push(`${key}: ${saved.status} ${saved.text}`);
          return;
        }
        version = saved.data!.return.version;
        value = next;
        acks.push({ returnId, value: next, at: performance.now() });
      }
    });
    await expect.poll(() => acks.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(30);

    const out = join(dbs.dir, dialect === "sqlite" ? "backup.sqlite" : "backup.dump");
    const backupStarted = performance.now();
    const acksBefore = acks.length;
    const backup = await cli(sourceUrl, ["backup", "--out", out]);
    const acksDuring = acks.length - acksBefore;
    saving.stop = true;
    await Promise.all(loops);
    expect(failures).toEqual([]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written: .+, [\d.]+ (KB|MB), \d+ tables, \d+ returns/m);
    // The saves went on while the backup ran (it did not stop the server's writes).
    expect(acksDuring, `saves acknowledged while the backup ran; backup output:\n${backup.stdout}`).toBeGreaterThan(0);

    const restoredUrl = await dbs.create();
    const restore = await cli(restoredUrl, ["restore", "--from", out]);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .+: [\d.]+ (KB|MB)( archive)?, \d+ tables, 3 returns/m);
    if (dialect === "sqlite") expect(inspectSqliteDatabase(restoredUrl.replace(/^sqlite:/, "")).returns).toBe(3);

    // Every acknowledged save before the backup began is in the audit log of the copy.
    const restored = openDatabase(restoredUrl);
    const saved = new Set<string>();
    try {
      const rows = await restored.db.selectFrom("audit_log").select(["entity_id", "changes"]).where("action", "=", "return.saved").execute();
      for (const row of rows) for (const change of JSON.parse(row.changes) as { new: unknown }[]) saved.add(`${row.entity_id} ${String(change.new)}`);
    } finally {
      await restored.close();
    }
    const mustHave = acks.filter((a) => a.at < backupStarted);
    expect(mustHave.length).toBeGreaterThanOrEqual(30);
    expect(mustHave.filter((a) => !saved.has(`${a.returnId} ${a.value}`))).toEqual([]);

    // The server opens the copy and shows each return at least as far as its last save before the backup.
    const again = await serveCommand(restoredUrl);
    servers.push(again);
    for (const key of submitters) {
      const cookie = await signIn(again, `${key}@example.gov.uk`);
      const opened = await call<{ returnId: string; values: Record<string, number> }>(again, cookie, "returns.openDraft", { organisationCode: bodyOf[key], period: "2025-26 Q1" });
      expect(opened.status, opened.text).toBe(200);
      const last = Math.max(...mustHave.filter((a) => a.returnId === opened.data!.returnId).map((a) => a.value));
      expect(opened.data!.values[field]).toBeGreaterThanOrEqual(last);
    }
    again.child.kill("SIGKILL");

    // A restore never goes into a database that holds data: the copy is left as it was.
    const tablesBefore = await tableCount(dialect, restoredUrl);
    const refused = await cli(restoredUrl, ["restore", "--from", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds \d+ tables: restore only into a new, empty database .*Nothing was restored\./);
    expect(await tableCount(dialect, restoredUrl)).toBe(tablesBefore);

    // A file that is not a backup is refused, and the empty target stays empty.
    const empty = await dbs.create();
    const notBackup = join(dbs.dir, "notes.txt");
    writeFileSync(notBackup, "organisation_code,period\nA1,2025-26 Q1\n");
    const wrong = await cli(empty, ["restore", "--from", notBackup]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${notBackup} is not a backup: it is neither an SQLite database nor a pg_dump custom-format archive. Nothing was restored.`);
    const missing = await cli(empty, ["restore", "--from", join(dbs.dir, "nowhere.sqlite")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nowhere.sqlite does not exist (or is not a file): nothing was restored.");
    expect(await tableCount(dialect, empty)).toBe(0);
    if (dialect === "sqlite") expect(existsSync(empty.replace(/^sqlite:/, ""))).toBe(false);
  }, 240_000);

  it.runIf(dialect === "sqlite")("refuses an SQLite file that is not this service's, and a PostgreSQL backup", async () => {
    const target = await dbs.create();
    const foreign = join(dbs.dir, "foreign.sqlite");
    const other = openDatabase(`sqlite:${foreign}`);
    await sql`create table things (id integer primary key)`.execute(other.db);
    await other.close();
    const notOurs = await cli(target, ["restore", "--from", foreign]);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toContain(`${foreign} is an SQLite database but not one of this service: it has no kysely_migration table. Nothing was restored.`);
    const dump = join(dbs.dir, "fake.dump");
    writeFileSync(dump, "PGDMP\u0001\u000e\u0000");
    const pgDump = await cli(target, ["restore", "--from", dump]);
    expect(pgDump.code).toBe(1);
    expect(pgDump.stderr).toContain("is a PostgreSQL backup (pg_dump) but DATABASE_URL is an SQLite database: restore it into PostgreSQL. Nothing was restored.");
    expect(existsSync(target.replace(/^sqlite:/, ""))).toBe(false);
  }, 60_000);
});
