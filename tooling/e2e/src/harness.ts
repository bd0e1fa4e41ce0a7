import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { chromiumPath, inheritedEnv } from "./env.ts";

/**
 * Browser tests run the real server as built (the `complaints` command's `start --demo`, as
 * `npm start` does) in its own process on a free port with a database of its own, and drive
 * Debian's Chromium through playwright-core: never a downloaded browser.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const serverDir = join(root, "apps", "server");
/** Runs the server built into apps/server/dist; turbo builds it before the apps' tests (and says so if it is not). */
const serverBin = join(serverDir, "bin", "complaints.mjs");
/** The browser apps as Vite builds them; turbo builds an app before its own browser tests. */
export const appDist = { agency: join(root, "apps", "agency", "dist"), portal: join(root, "apps", "portal", "dist") } as const;
export type AppName = keyof typeof appDist;

export const demoPassword = "complaints-demo-2026";

export interface RunningApp {
  url: string;
  databaseUrl: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database (a restart mid-edit). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The `complaints` command as the tests run it (the server's source through tsx), with its environment. */
function spawnCli(args: readonly string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [serverBin, ...args], { cwd: serverDir, env: { ...inheritedEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs a `complaints` command to its end (`migrate`, `seed --demo`), failing with its output if it fails. */
export function runCli(args: readonly string[], env: Record<string, string | undefined>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let output = "";
    child.stdout?.on("data", (d: Buffer) => void (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => void (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`complaints ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}

/** Whether both browser apps are built, naming the command that builds them if not. */
export function checkAppsBuilt(names: readonly AppName[] = ["agency", "portal"]): void {
  for (const name of names) {
    if (!existsSync(join(appDist[name], "index.html"))) throw new Error(`Build the ${name} app first (pnpm --filter @complaints/${name} build); turbo does before the browser tests.`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer /healthz within 180 s:\n${log()}`);
}

/**
 * Starts the server with the demo data, serving both browser apps. `databaseUrl` defaults to a new
 * SQLite file, a copy of `template` when given (an SQLite file already migrated and seeded, so the
 * server only has to start); a PostgreSQL URL must point at an empty or seeded database or schema.
 * `needs` names the apps the tests open, which must have been built (the other is served when it has been).
 */
export async function startApp(options: { databaseUrl?: string; template?: string; env?: Record<string, string> | ((url: string) => Record<string, string>); needs?: readonly AppName[] } = {}): Promise<RunningApp> {
  checkAppsBuilt(options.needs ?? ["agency"]);
  const dir = mkdtempSync(join(tmpdir(), "complaints-e2e-"));
  const file = join(dir, "e2e.sqlite");
  if (options.template && !options.databaseUrl) copyFileSync(options.template, file);
  const databaseUrl = options.databaseUrl ?? `sqlite:${file}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let output = "";
  let stopping = false;
  const launch = async (command: "start" | "serve") => {
    output = "";
    stopping = false;
    child = spawnCli(command === "start" ? ["start", "--demo"] : ["serve"], {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      AGENCY_DIR: appDist.agency,
      PORTAL_DIR: appDist.portal,
      // Settings that name the server's own address (PUBLIC_URL) are worked out once it is known.
      ...(typeof options.env === "function" ? options.env(url) : options.env),
    });
    child.stdout?.on("data", (d: Buffer) => void (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => void (output += d.toString()));
    // A server that dies under a test says why, instead of leaving only "connection refused" behind.
    child.once("exit", (code, signal) => {
      if (!stopping) console.error(`The test server exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
    });
    await waitForHealth(url, child, () => output);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  await launch("start");
  return {
    url,
    databaseUrl,
    stop,
    restart: () => launch("serve"),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser context (its own cookies and storage), like another person's browser. */
export async function newPage(browser: Browser, options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: "en-GB", timezoneId: "Europe/London" });
  const page = await context.newPage();
  return { context, page };
}

/** A fresh browser context signed in as `email` through the app that `path` belongs to, at `path`; the caller closes it. */
export async function openSignedIn(browser: Browser, app: RunningApp, email: string, path = "/agency/", options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser, options);
  try {
    await signIn(opened.page, app, email, path);
  } catch (error) {
    await opened.context.close().catch(() => {});
    throw error;
  }
  return opened;
}

/** Signs in through the app that `path` belongs to (`/agency/…` or `/portal/…`), starting at `path`. */
export async function signIn(page: Page, app: RunningApp, email: string, path = "/agency/"): Promise<void> {
  await page.goto(`${app.url}${path}`);
  await page.waitForURL((u) => u.pathname.endsWith("/sign-in"));
  await page.getByLabel("Email address").fill(email);
  // With single sign-on set up, the email comes first on its own ("Continue"), then the password.
  const password = page.getByLabel("Password", { exact: true });
  const next = page.getByRole("button", { name: "Continue" });
  await password.or(next).waitFor();
  if (await next.isVisible()) await next.click();
  await password.fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/sign-in"));
}

/** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** A unique suffix for things a test creates. */
export function unique(): string {
  return randomBytes(3).toString("hex");
}
