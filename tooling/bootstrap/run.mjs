#!/usr/bin/env node
// Makes the README's two commands work on a fresh clone that has only Node and npm:
// `npm start` and `npm test` fetch the pinned pnpm through npx, install the workspace,
// then hand over to the workspace's own scripts. No globally installed tool is assumed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
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

/**
 * The suite opens the apps in a real browser, the spreadsheets it writes in LibreOffice and the PDFs
 * with poppler. On Debian or Ubuntu as root the missing ones are installed from the distribution's
 * packages (never a browser a tool downloads for itself); anywhere else the run stops before it
 * starts, naming the one command that installs them, rather than failing tests half an hour in.
 */
const testTools = [
  { command: "chromium", path: process.env.CHROMIUM_PATH || "/usr/bin/chromium", debian: "chromium", fedora: "chromium", brew: "chromium", what: "Chromium, for the browser tests" },
  { command: "soffice", debian: "libreoffice-calc-nogui", fedora: "libreoffice-calc", brew: "libreoffice", what: "LibreOffice Calc, to open the spreadsheets the service writes" },
  { command: "pdftotext", debian: "poppler-utils", fedora: "poppler-utils", brew: "poppler", what: "poppler, to read the board pack PDFs" },
];

function onPath(command) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function ensureTestTools() {
  const missing = testTools.filter((t) => !(t.path ? existsSync(t.path) : onPath(t.command)));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const debian = existsSync("/etc/debian_version") && onPath("apt-get");
  const names = (key) => missing.map((t) => t[key]).join(" ");
  console.error(`The tests need ${missing.map((t) => t.what).join("; ")}.`);
  if (debian && isRoot) {
    console.error(`Installing ${names("debian")} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update", "-q"], ["install", "-y", "-q", ...missing.map((t) => t.debian)]]) {
      const result = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (result.status !== 0) {
        console.error(`apt-get ${args[0]} failed. Install them yourself, then run the tests again:\n  apt-get install -y ${names("debian")}`);
        process.exit(result.status ?? 1);
      }
    }
    return;
  }
  const command = debian
    ? `sudo apt-get install -y ${names("debian")}`
    : onPath("dnf")
      ? `sudo dnf install -y ${names("fedora")}`
      : process.platform === "darwin"
        ? `brew install ${names("brew")}  (then set CHROMIUM_PATH to Chromium's executable)`
        : `the packages that provide ${missing.map((t) => t.command).join(", ")} (on Debian or Ubuntu: apt-get install -y ${names("debian")})`;
  console.error(`Nothing has been run. Install them with this command, then run the tests again:\n  ${command}`);
  process.exit(1);
}

const tasks = {
  // Installs, builds what the server serves, migrates, loads demo data if the database is empty, serves.
  start: () => {
    pnpm(["install", "--frozen-lockfile"]);
    pnpm(["--filter", "@complaints/server...", "--filter", "@complaints/agency...", "--filter", "@complaints/portal...", "run", "build"]);
    pnpm(["--filter", "@complaints/server", "run", "start:demo"]);
  },
  // The whole suite: lint, type checks, every package's tests and the browser tests (PostgreSQL too
  // when TEST_DATABASE_URL is set).
  test: () => {
    ensureTestTools();
    pnpm(["install", "--frozen-lockfile"]);
    // Two tasks at a time, one a core: the unit tests run beside the browser tests, which wait on a
    // server and a browser much of the time. --continue: one package's failure does not hide the others'.
    // Unit tests are cached by turbo; today's date is part of the key, because the demo data and many
    // tests are worked out from it.
    process.env.COMPLAINTS_TEST_DAY = new Date().toISOString().slice(0, 10);
    pnpm(["exec", "turbo", "run", "lint", "typecheck", "test", "test:e2e", "--concurrency=2", "--continue", "--output-logs=new-only"]);
  },
};

const task = tasks[process.argv[2]];
if (!task) {
  console.error(`usage: node tooling/bootstrap/run.mjs ${Object.keys(tasks).join("|")}`);
  process.exit(2);
}
task();
