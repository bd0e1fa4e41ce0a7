import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inCi } from "./env.ts";

/**
 * A PostgreSQL server of a test's own, in a temporary folder on a free port, so a test can stop and
 * start the database under a running service without disturbing the shared test database other
 * tests use. Debian's `postgresql` package puts the programs in /usr/lib/postgresql/<version>/bin.
 */

function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    const found = versions.map((v) => join(root, v, "bin")).find((bin) => existsSync(join(bin, "initdb")));
    if (found) return found;
  }
  try {
    const bin = execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return existsSync(join(bin, "initdb")) ? bin : null;
  } catch {
    return null;
  }
}

export const postgresBin: string | null = findPostgresBin();

/**
 * Whether the tests that run a PostgreSQL server of their own run: when PostgreSQL's programs are
 * installed. In CI their absence is an error, so those tests can never pass by being skipped.
 */
export function privateClusterTestsRun(): boolean {
  if (postgresBin) return true;
  if (inCi) throw new Error("CI is set but PostgreSQL's programs (initdb, pg_ctl) are not installed: install them (apt-get install -y postgresql) so the tests that restart a database of their own can run.");
  return false;
}

export interface PrivateCluster {
  /** A superuser URL (trust authentication) to the cluster's `postgres` database. */
  readonly url: string;
  /** Stops the server as an administrator would (fast shutdown: sessions are terminated with 57P01). */
  stop(): void;
  start(): void;
  /** Stops the server and removes its files. */
  remove(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Creates and starts a cluster (about 2 s). initdb refuses to run as root, so as root the programs
 * run as the `postgres` user, which owns the folder.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBin;
  if (!bin) throw new Error("PostgreSQL's programs are not installed");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "pg-cluster-"));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const data = join(dir, "data");
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : join(bin, program);
    const all = asRoot ? ["-u", "postgres", "--", join(bin, program), ...args] : args;
    const result = spawnSync(command, all, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  // Durability is of no use to a throw-away cluster; speed is.
  appendFileSync(join(data, "postgresql.conf"), [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, "fsync = off", "synchronous_commit = off", "full_page_writes = off", ""].join("\n"));
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "30", ...args]);
  pgCtl("start");
  let removed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => pgCtl("stop", "-m", "fast"),
    start: () => pgCtl("start"),
    remove: () => {
      if (removed) return;
      removed = true;
      try {
        pgCtl("stop", "-m", "immediate");
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
