import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { appRouter, createContext, databaseUnavailableMessage, internalErrorMessage, resumeSession, toTRPCError, type ApiConfig } from "@complaints/api";
import { isDatabaseUnavailable, sql, type Database, type Kysely } from "@complaints/db";
import { publishedLearningStylesheetPath } from "@complaints/reports";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { generateCookie, getCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Logger } from "pino";
import { isAllowedHost } from "./allowed-hosts.ts";
import { clientAddressOf } from "./client-address.ts";
import { compressAboveBytes, compressAnswers, etagFor, etagMatches, isCompressible, preferredEncoding, StaticFileCache } from "./compression.ts";
import { publishedRoutes } from "./published.ts";
import { singleSignOnRoutes } from "./single-sign-on.ts";
import type { SingleSignOnConfig } from "../env.ts";

/**
 * The `__Host-` prefix makes browsers refuse the cookie unless it is Secure, Path=/ and has no
 * Domain, so a sibling subdomain cannot plant or overwrite it (RFC 6265bis, "Cookie Name Prefixes").
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-complaints_session" : "complaints_session";
}

export interface BrowserApp {
  mount: string;
  dir: string;
}

export interface AppOptions {
  db: Kysely<Database>;
  logger: Logger;
  api: ApiConfig;
  cookieSecure: boolean;
  allowedOrigins: readonly string[];
  /** Host names answered for besides localhost, 127.0.0.1 and [::1] (see allowed-hosts.ts). */
  allowedHosts: readonly string[];
  /** Take the client address from X-Forwarded-For as set by one load balancer (see client-address.ts). */
  trustProxy: boolean;
  staticDir?: string | undefined;
  /** Built browser apps, each served under `/<mount>/` (agency, portal). */
  apps?: readonly BrowserApp[];
  clock?: () => Date;
  /** Largest request body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** Departments' OpenID Connect providers, and where people reach the service (their callback's origin). */
  singleSignOn?: { config: SingleSignOnConfig; publicUrl: string } | undefined;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
};

/**
 * Requests that change data must come from our own pages: the browser's Fetch Metadata and Origin
 * headers say where a request comes from, and tRPC mutations must be JSON, which a cross-site form
 * cannot send without a CORS preflight we never grant (OWASP CSRF Prevention Cheat Sheet).
 */
export function crossSiteProblem(request: Request, allowedOrigins: readonly string[]): string | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return "cross-site request refused";
  const origin = request.headers.get("origin");
  if (origin) {
    const own = new URL(request.url).origin;
    if (origin !== own && !allowedOrigins.includes(origin)) return "request from another origin refused";
  }
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return "requests that change data must be sent as JSON";
  return null;
}

export function createApp(options: AppOptions): Hono {
  const { db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const app = new Hono();
  const files = new StaticFileCache();

  // Anything unexpected is logged and answered plainly; a database that is away (restarting,
  // failing over) is a "try again", not a fault, and the pool reconnects by itself when it is back.
  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error, path: c.req.path }, "database unavailable");
      return c.json({ error: { message: databaseUnavailableMessage } }, 503);
    }
    logger.error({ err: error, path: c.req.path }, "request failed");
    return c.json({ error: { message: internalErrorMessage } }, 500);
  });

  // A load balancer's health check may use the instance's own address, and the answer says nothing.
  app.use(async (c, next) => {
    if (c.req.path !== "/healthz" && !isAllowedHost(c.req.header("host"), options.allowedHosts)) {
      return c.text("Unknown host name: this server does not answer for it.", 421);
    }
    return next();
  });

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // API answers are personal and current: never stored by a browser or a proxy.
    if (c.req.path.startsWith("/trpc")) c.header("Cache-Control", "no-store");
    if (options.cookieSecure) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'");
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  });

  app.get("/healthz", async (c) => {
    try {
      await sql`select 1`.execute(db);
      return c.json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      return c.json({ status: "unavailable", problem: "database not reachable" }, 503);
    }
  });

  // A request body larger than any real return is refused before it is read.
  app.use("/trpc/*", bodyLimit({ maxSize: options.maxBodyBytes ?? 1_048_576, onError: (c) => c.json({ error: { message: "That request is too large." } }, 413) }));

  app.use("/trpc/*", compressAnswers());
  app.all("/trpc/*", trpcHandler(options, clock));

  // Single sign-on with a department's identity provider: plain HTTP, as the provider redirects here.
  if (options.singleSignOn && options.singleSignOn.config.departments.length > 0) {
    app.route("/auth/sso", singleSignOnRoutes({ db, logger, api: options.api, ...options.singleSignOn, cookieSecure: options.cookieSecure, sessionCookieName: sessionCookieName(options.cookieSecure), clock }));
  }

  // Published learning: pages anyone may read and link to, with no session.
  app.route("/published", publishedRoutes({ db, clock, notFoundPage }));

  // The browser apps, each under its own address with its own client-side routes.
  const apps = (options.apps ?? []).filter((a) => existsSync(join(a.dir, "index.html")));
  for (const a of apps) {
    app.get(`/${a.mount}`, (c) => c.redirect(`/${a.mount}/`, 301));
    app.get(`/${a.mount}/*`, (c) => serveFile(c, files, a.dir, c.req.path.slice(a.mount.length + 1)));
  }

  app.get("/", (c) => c.html(landingPage(apps)));

  // Browsers ask for /favicon.ico whatever a page declares: GOV.UK Frontend's, from a built app.
  app.get("/favicon.ico", async (c) => {
    const app = apps.find((a) => existsSync(join(a.dir, faviconPath)));
    return app ? serveFile(c, files, app.dir, `/${faviconPath}`) : c.body(null, 204);
  });

  app.get("*", async (c) => {
    if (!options.staticDir || !existsSync(options.staticDir)) return c.html(notFoundPage(), 404);
    return serveFile(c, files, options.staticDir, c.req.path);
  });

  return app;
}

/**
 * The API: each call resumes the caller's session from its cookie, refuses requests from other
 * sites, and sends back the session cookie when a procedure or a renewal changes it.
 */
function trpcHandler(options: AppOptions, clock: () => Date): (c: Context) => Promise<Response> {
  const { db, logger } = options;
  return async (c) => {
    const problem = crossSiteProblem(c.req.raw, options.allowedOrigins);
    if (problem) return c.json({ error: { message: `Refused: ${problem}.` } }, 403);
    const now = clock();
    const cookieName = sessionCookieName(options.cookieSecure);
    const token = getCookie(c, cookieName);
    // A session that cannot be looked up (the database away) fails the call inside tRPC, so the
    // answer has the shape and status (503, "try again") that the apps read.
    let sessionFailure: unknown = null;
    const session = token
      ? await resumeSession(db, token, now, options.api).catch((error: unknown) => {
          sessionFailure = toTRPCError(error);
          return null;
        })
      : null;
    const cookieOptions = { httpOnly: true, secure: options.cookieSecure, sameSite: "Lax", path: "/" } as const;
    // The cookie is sent again whenever the session's idle lifetime is extended, or its Expires
    // would still be the first one; a procedure's own cookie (sign in, sign out) replaces it.
    let setCookie = session?.renewedUntil ? generateCookie(cookieName, token!, { ...cookieOptions, expires: session.renewedUntil }) : null;
    const clientAddress = clientAddressOf(c.req.header("x-forwarded-for"), getConnInfo(c).remote.address, options.trustProxy);
    return fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      // A batch is capped to keep one request's work bounded.
      maxBatchSize: 20,
      createContext: () => {
        if (sessionFailure) throw sessionFailure;
        return createContext({
          db,
          clock,
          user: session?.user ?? null,
          sessionId: session?.sessionId ?? null,
          clientAddress,
          config: options.api,
          cookies: {
            set: (value, expiresAt) => void (setCookie = generateCookie(cookieName, value, { ...cookieOptions, expires: expiresAt })),
            clear: () => void (setCookie = generateCookie(cookieName, "", { ...cookieOptions, maxAge: 0 })),
          },
        });
      },
      responseMeta: () => ({ headers: new Headers(setCookie ? [["set-cookie", setCookie]] : []) }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "procedure failed");
        if (error.code === "SERVICE_UNAVAILABLE") logger.warn({ err: error.cause, path }, "database unavailable");
      },
    });
  };
}

/**
 * A file of a built app, or the app's index.html for its own routes (a path without an extension).
 * A missing file with an extension is a 404, never the page. Nothing outside the folder is served.
 * Vite's hashed assets never change, so browsers may keep them; index.html is checked every time
 * (its ETag makes the check a 304). Text files are sent compressed when the browser takes it.
 */
async function serveFile(c: Context, files: StaticFileCache, dir: string, rawPath: string): Promise<Response> {
  const root = resolve(dir);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return c.text("Not found", 404);
  }
  const requested = resolve(root, `.${path}`);
  const inside = relative(root, requested);
  if (inside.startsWith("..") || isAbsolute(inside)) return c.text("Not found", 404);
  const stat = extname(requested) !== "" && existsSync(requested) ? statSync(requested) : null;
  const found = !!stat?.isFile();
  if (extname(requested) !== "" && !found) return c.text("Not found", 404);
  const file = found ? requested : join(root, "index.html");
  const cached = await files.get(file, found ? stat! : statSync(file), (f) => readFile(f));
  const immutable = found && inside.startsWith(`assets${sep}`) && /-[\w-]{8,}\.(js|css)$/.test(file);
  const contentType = contentTypes[extname(file)] ?? "application/octet-stream";
  const compressible = isCompressible(contentType) && cached.body.byteLength > compressAboveBytes;
  const encoding = compressible ? preferredEncoding(c.req.header("accept-encoding")) : null;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    ETag: etagFor(cached.etag, encoding),
  };
  if (compressible) headers["Vary"] = "Accept-Encoding";
  if (etagMatches(c.req.header("if-none-match"), headers.ETag!)) return c.body(null, 304, headers);
  if (!encoding) return c.body(cached.body, 200, headers);
  return c.body(await files.encoded(cached, encoding), 200, { ...headers, "Content-Encoding": encoding });
}

const appTitles: Record<string, { title: string; description: string }> = {
  agency: { title: "Complaints returns", description: "For a body's complaints team and senior accountable officer: fill in, check, sign off and send the quarterly complaints return; keep learning action plans." },
  portal: { title: "Department portal", description: "For a parent department: see who has sent their return, review returns, compare bodies, follow themes and learning actions." },
};

/** GOV.UK Frontend's icon, copied into each built app's public assets. */
const faviconPath = "assets/images/favicon.ico";

/**
 * The start page: a GOV.UK page (the published pages' small stylesheet, no script) naming the two
 * apps and who each is for.
 */
function landingPage(apps: readonly BrowserApp[]): string {
  const items = apps
    .map((a) => {
      const t = appTitles[a.mount] ?? { title: a.mount, description: "" };
      return `<li><h2 class="govuk-heading-m"><a class="govuk-link" href="/${a.mount}/">${t.title}</a></h2><p class="govuk-body">${t.description}</p></li>`;
    })
    .join("");
  return [
    `<!doctype html>`,
    `<html lang="en-GB" class="govuk-template">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Complaints oversight</title>`,
    `<link rel="icon" sizes="48x48" href="/favicon.ico"><link rel="stylesheet" href="${publishedLearningStylesheetPath}"></head>`,
    `<body class="govuk-template__body">`,
    `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>`,
    `<header class="app-published-header"><div class="govuk-width-container"><p class="app-published-header__name">Complaints oversight</p></div></header>`,
    `<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">`,
    `<h1 class="govuk-heading-xl">Complaints oversight</h1>`,
    `<p class="govuk-body-l">Quarterly complaints returns from arm's-length bodies, and oversight of what they learn for their parent departments.</p>`,
    items
      ? `<ul class="govuk-list app-landing-apps">${items}</ul>`
      : `<p class="govuk-body">The service is running. The API is at <code>/trpc</code> and the health check at <a class="govuk-link" href="/healthz">/healthz</a>. No browser app has been built: run <code>npm start</code>.</p>`,
    `</main></div>`,
    `</body></html>`,
  ].join("\n");
}

function notFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found – Complaints oversight</title></head><body><main><h1>Page not found</h1><p>If you typed the web address, check it is correct. <a href="/">Go to the start page</a>.</p></main></body></html>`;
}

