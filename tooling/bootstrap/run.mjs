#!/usr/bin/env node
// Makes the README's two commands work on a fresh clone that has only Node and npm:
// `npm start` and `npm test` fetch the pinned pnpm through npx, install the workspace,
// then hand over to the workspace's own scripts. No globally installed tool is assumed.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.9

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Complaints oversight needs Node.js 20.19 or later; this is ${process.version}.`);
  process.exit(1);
}

function pnpm(args) {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(npx, ["-y", pnpmSpec, ...args], { cwd: root, stdio: "inherit", env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env } });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tasks = {
  // Installs, builds what the server serves, migrates, loads demo data if the database is empty, serves.
  start: () => {
    pnpm(["install", "--frozen-lockfile"]);
    pnpm(["--filter", "@complaints/server...", "--filter", "@complaints/agency...", "--filter", "@complaints/portal...", "run", "build"]);
    pnpm(["--filter", "@complaints/server", "run", "start:demo"]);
  },
  // The whole suite: lint, type checks and every package's tests (PostgreSQL too when TEST_DATABASE_URL is set).
  test: () => {
    pnpm(["install", "--frozen-lockfile"]);
    pnpm(["exec", "turbo", "run", "lint", "typecheck", "test", "--concurrency=1", "--output-logs=new-only"]);
  },
};

const task = tasks[process.argv[2]];
if (!task) {
  console.error(`usage: node tooling/bootstrap/run.mjs ${Object.keys(tasks).join("|")}`);
  process.exit(2);
}
task();
