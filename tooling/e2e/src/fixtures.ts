/* oxlint-disable no-empty-pattern -- vitest reads what a fixture depends on from its first parameter, which must be a destructuring pattern, empty for none */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject, test as base } from "vitest";
import { copyPostgresTemplate } from "./databases.ts";
import { testDatabaseUrl } from "./env.ts";
import { launchBrowser, openSignedIn, startApp, type RunningApp } from "./harness.ts";
import "./global-setup.ts";

/** The server on a copy of the run's seeded SQLite demo; without one (a file run outside the browser-test config), it loads the demo itself. */
function startDemoApp(): Promise<RunningApp> {
  return startApp({ template: inject("demoSqliteTemplate") ?? undefined, needs: [] });
}

/** A browser context of its own (another person's browser), signed in, at the page asked for. */
export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/** Signs `email` in starting at `path` (`/agency/…` or `/portal/…`; the agency home by default), in a new context `width` px wide. */
export type SignInAs = (email: string, path?: string, options?: { width?: number }) => Promise<SignedIn>;

/**
 * What browser tests are written with: `test` (and `it`) from here rather than vitest, asking for
 * - `app`: the real server on a copy of the seeded demo (SQLite), one per test file;
 * - `browser`: Chromium, one per test file;
 * - `signedIn(email, path, { width })`: a new context signed in at `path`, closed after the test;
 * - `freshApp`: another server on its own copy of the demo, for this test alone;
 * - `postgresApp`: a server on a copy of the seeded demo in PostgreSQL, for this test alone (TEST_DATABASE_URL).
 * The server and browser are started only for files whose tests ask for them; `test.beforeAll` receives them too.
 */
export const test = base
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend("app", { scope: "file" }, async ({}, { onCleanup }): Promise<RunningApp> => {
    const app = await startDemoApp();
    onCleanup(() => app.close());
    return app;
  })
  .extend("freshApp", async ({}, { onCleanup }): Promise<RunningApp> => {
    const app = await startDemoApp();
    onCleanup(() => app.close());
    return app;
  })
  .extend("postgresApp", async ({}, { onCleanup }): Promise<RunningApp> => {
    const template = inject("demoPostgresTemplate");
    if (!testDatabaseUrl || !template) throw new Error("TEST_DATABASE_URL is not set (or the browser-test set-up did not seed PostgreSQL): this test runs on PostgreSQL.");
    const database = copyPostgresTemplate(template, testDatabaseUrl);
    const app = await startApp({ databaseUrl: database.databaseUrl, needs: [] }).catch((error: unknown) => {
      database.drop();
      throw error;
    });
    // The server first: the database is dropped once nothing is connected to it.
    onCleanup(async () => {
      await app.close();
      database.drop();
    });
    return app;
  })
  .extend("signedIn", async ({ app, browser }, { onCleanup }): Promise<SignInAs> => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      for (const context of contexts) await context.close().catch(() => {});
    });
    return async (email, path, options) => {
      const opened = await openSignedIn(browser, app, email, path, options);
      contexts.push(opened.context);
      return opened;
    };
  });

export const it = test;

/** The file's server and browser, for helpers declared beside the tests rather than inside one. */
export interface FileFixtures {
  app: RunningApp;
  browser: Browser;
  /** A new context signed in at `path`, as `signedIn` gives a test, but for the whole file: the caller closes it. */
  signIn: SignInAs;
}

/**
 * Called at the top of a `describe`: the file's `app` and `browser` fixtures, filled in by a hook
 * that runs before the describe's own `beforeAll` and its tests (read them from there, not when
 * the describe is collected).
 */
export function fileFixtures(): FileFixtures {
  const fixtures = { signIn: (email, path, options) => openSignedIn(fixtures.browser, fixtures.app, email, path, options) } as FileFixtures;
  test.beforeAll(({ app, browser }) => {
    fixtures.app = app;
    fixtures.browser = browser;
  });
  return fixtures;
}
