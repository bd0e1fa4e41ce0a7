import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { sessionIdOf, signInWithOrganisationAccount, singleSignOnFor, type ApiConfig } from "@complaints/api";
import { isDatabaseUnavailable, type Database, type Kysely } from "@complaints/db";
import { DomainError } from "@complaints/domain";
import { publishedLearningStylesheetPath } from "@complaints/reports";
import { Hono, type Context } from "hono";
import { deleteCookie, generateCookie, getCookie } from "hono/cookie";
import * as oidc from "openid-client";
import type { Logger } from "pino";
import type { SingleSignOnConfig } from "../env.ts";

/** Where each provider sends people back, under the service's public address. */
export const singleSignOnCallbackPath = "/auth/sso/callback";

/** How long someone has to sign in at their provider before the flow's cookie lapses. */
const flowMinutes = 10;

export interface SingleSignOnOptions {
  db: Kysely<Database>;
  logger: Logger;
  api: ApiConfig;
  config: SingleSignOnConfig;
  /** Where people reach the service (PUBLIC_URL): the callback's address is built on it, never on a request's Host. */
  publicUrl: string;
  cookieSecure: boolean;
  sessionCookieName: string;
  clock: () => Date;
}

type Department = SingleSignOnConfig["departments"][number];

/** What the flow's cookie holds between the start and the callback: enough to check the answer belongs to this browser's request. */
interface Flow {
  department: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 503,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Single sign-on with a department's OpenID Connect provider (openid-client): the authorization code
 * flow with PKCE, `state` and `nonce`, and the ID token's signature, issuer, audience and expiry
 * checked. `/auth/sso/start?email=&returnTo=` sends a covered email to its department's provider;
 * the provider sends the person back to `/auth/sso/callback`, where the verified email is matched to
 * an account (the API's `signInWithOrganisationAccount`) and a session opened as a password sign-in
 * opens one. Every refusal is a page saying why, and opens no session.
 */
export function singleSignOnRoutes(options: SingleSignOnOptions): Hono {
  const { logger, config } = options;
  const routes = new Hono();
  const flowCookieName = options.cookieSecure ? "__Host-complaints_sso" : "complaints_sso";
  const redirectUri = new URL(singleSignOnCallbackPath, options.publicUrl).href;
  const providerOf = providerDiscovery();

  routes.get("/start", async (c) => {
    const email = c.req.query("email")?.trim() ?? "";
    const returnTo = safeAppPath(c.req.query("returnTo"));
    const covered = singleSignOnFor(options.api, email);
    const department = covered && config.departments.find((d) => d.department === covered.departmentCode);
    if (!department) return refusalPage(c, 400, "Your email address is not one your department signs in with its own account. Go back and sign in with your password.", returnTo);
    let provider: oidc.Configuration;
    try {
      provider = await providerOf(department);
    } catch (error) {
      logger.error({ err: error, department: department.department }, "identity provider discovery failed");
      return refusalPage(c, 503, "Your organisation's sign-in service is not answering just now. Try again in a few minutes.", returnTo);
    }
    const flow = newFlow(department, returnTo, options.clock());
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: redirectUri,
      scope: "openid email profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
      login_hint: email,
    });
    // Lax: the provider brings the person back with a top-level GET from its own site.
    c.header("Set-Cookie", generateCookie(flowCookieName, sealFlow(flow, department), { httpOnly: true, secure: options.cookieSecure, sameSite: "Lax", path: "/", maxAge: flowMinutes * 60 }));
    c.header("Cache-Control", "no-store");
    return c.redirect(url.href, 302);
  });

  routes.get("/callback", async (c) => {
    c.header("Cache-Control", "no-store");
    const sealed = getCookie(c, flowCookieName);
    // The flow is used once, whatever happens next.
    deleteCookie(c, flowCookieName, { path: "/", secure: options.cookieSecure });
    const flow = sealed ? openFlow(sealed, config.departments, options.clock()) : null;
    if (!flow) {
      return refusalPage(c, 400, "This sign-in was not started in this browser, or took longer than 10 minutes. Go back to sign in and try again.", "/");
    }
    const department = config.departments.find((d) => d.department === flow.department)!;
    try {
      const provider = await providerOf(department);
      const currentUrl = new URL(`${singleSignOnCallbackPath}${new URL(c.req.url).search}`, options.publicUrl);
      const claims = await providerClaims(provider, currentUrl, flow, logger);
      const previous = getCookie(c, options.sessionCookieName);
      const result = await signInWithOrganisationAccount(
        options.db,
        {
          departmentCode: department.department,
          email: typeof claims["email"] === "string" ? claims["email"] : undefined,
          emailVerified: claims[department.verifiedEmailClaim],
          issuer: claims.iss,
          subject: claims.sub,
          previousSessionId: previous ? sessionIdOf(previous) : null,
        },
        options.clock(),
        options.api,
      );
      c.header("Set-Cookie", generateCookie(options.sessionCookieName, result.token, { httpOnly: true, secure: options.cookieSecure, sameSite: "Lax", path: "/", expires: result.expiresAt }), { append: true });
      logger.info({ department: department.department, user: result.user.id }, "signed in with organisation account");
      return c.redirect(flow.returnTo, 303);
    } catch (error) {
      if (error instanceof Refusal) return refusalPage(c, error.status, error.message, flow.returnTo);
      if (error instanceof DomainError) {
        logger.warn({ department: department.department, reason: error.message }, "single sign-on refused");
        return refusalPage(c, error.code === "UNAUTHENTICATED" ? 400 : 403, error.message, flow.returnTo);
      }
      if (isDatabaseUnavailable(error)) throw error;
      logger.error({ err: error, department: department.department }, "single sign-on failed");
      return refusalPage(c, 503, "Something went wrong while signing you in with your organisation's account. Try again in a few minutes.", flow.returnTo);
    }
  });

  return routes;
}

/** Each provider's discovery document, fetched once; a failed fetch is tried again on the next sign-in. */
function providerDiscovery(): (department: Department) => Promise<oidc.Configuration> {
  const discovered = new Map<string, Promise<oidc.Configuration>>();
  return (department) => {
    let found = discovered.get(department.department);
    if (!found) {
      const issuer = new URL(department.issuer);
      // Plain http is accepted by env.ts only for a provider on this machine (a test's or a developer's).
      const execute = [oidc.enableNonRepudiationChecks, ...(issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [])];
      found = oidc.discovery(issuer, department.clientId, department.clientSecret, undefined, { execute, timeout: 10 });
      found.catch(() => discovered.delete(department.department));
      discovered.set(department.department, found);
    }
    return found;
  };
}

/** A new sign-in's secrets, and where to go back to, good for `flowMinutes`. */
function newFlow(department: Department, returnTo: string, now: Date): Flow {
  return {
    department: department.department,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    returnTo,
    expiresAt: now.getTime() + flowMinutes * 60_000,
  };
}

/** The provider's answer at the callback, checked against this browser's flow: the verified ID token's claims, or a refusal. */
async function providerClaims(provider: oidc.Configuration, currentUrl: URL, flow: Flow, logger: Logger): Promise<oidc.IDToken> {
  // openid-client checks the state too; checked first here so the person is told what happened.
  if (!sameText(currentUrl.searchParams.get("state") ?? "", flow.state) && !currentUrl.searchParams.has("error")) {
    logger.warn({ department: flow.department }, "single sign-on answer with another state refused");
    throw new Refusal(400, "This sign-in did not come back from the request this browser made, so it was refused. Go back to sign in and try again.");
  }
  const tokens = await oidc
    .authorizationCodeGrant(provider, currentUrl, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true })
    .catch((error: unknown) => {
      throw providerRefusal(error, logger, flow.department);
    });
  const claims = tokens.claims();
  if (!claims) throw new Refusal(403, "Your organisation's account did not say who you are. Go back to sign in and try again.");
  return claims;
}

/** What openid-client's checks found, as a refusal the person can act on; the detail goes to the log. */
function providerRefusal(error: unknown, logger: Logger, department: string): Refusal {
  const code = (error as { code?: string }).code;
  const detail = error instanceof Error ? error.message : String(error);
  logger.warn({ department, code, detail }, "identity provider's answer refused");
  if (error instanceof oidc.AuthorizationResponseError) {
    return new Refusal(403, "You did not finish signing in with your organisation's account, or it refused this service. Go back to sign in and try again.");
  }
  if (error instanceof oidc.ResponseBodyError || (error instanceof TypeError && code === undefined)) {
    return new Refusal(503, "Your organisation's sign-in service did not answer as expected. Try again in a few minutes.");
  }
  return new Refusal(403, "We could not confirm who you are from your organisation's account, so you have not been signed in. Go back to sign in and try again.");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The flow's cookie: its fields, signed with a key drawn from the department's client secret, so every instance can check it. */
function flowKey(department: Department): Buffer {
  return Buffer.from(hkdfSync("sha256", department.clientSecret, "", "complaints single sign-on flow", 32));
}

function sealFlow(flow: Flow, department: Department): string {
  const body = Buffer.from(JSON.stringify(flow)).toString("base64url");
  const mac = createHmac("sha256", flowKey(department)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

function openFlow(sealed: string, departments: readonly Department[], now: Date): Flow | null {
  const [body, mac] = sealed.split(".");
  if (!body || !mac) return null;
  let flow: Flow;
  try {
    flow = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Flow;
  } catch {
    return null;
  }
  const department = departments.find((d) => d.department === flow.department);
  if (!department) return null;
  const expected = Buffer.from(createHmac("sha256", flowKey(department)).update(body).digest("base64url"));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (typeof flow.expiresAt !== "number" || flow.expiresAt < now.getTime()) return null;
  return { ...flow, returnTo: safeAppPath(flow.returnTo) };
}

/** A page of one of our apps to go back to (`/portal/DES/tracker`); anything else is the start page. */
function safeAppPath(value: string | undefined): string {
  if (!value || !/^\/(agency|portal)(\/|$)/.test(value) || value.includes("\\") || value.includes("//")) return "/";
  return value;
}

/** The sign-in page of the app a person came from. */
function signInPathOf(returnTo: string): string {
  const app = /^\/(agency|portal)(\/|$)/.exec(returnTo)?.[1];
  return app ? `/${app}/sign-in` : "/";
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A GOV.UK page saying why sign-in was refused and how to go back to it; never a stack trace. */
function refusalPage(c: Context, status: 400 | 403 | 503, message: string, returnTo: string): Response {
  const back = signInPathOf(returnTo);
  return c.html(
    [
      `<!doctype html>`,
      `<html lang="en-GB" class="govuk-template">`,
      `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>You have not been signed in – Complaints oversight</title>`,
      `<link rel="icon" sizes="48x48" href="/favicon.ico"><link rel="stylesheet" href="${publishedLearningStylesheetPath}"></head>`,
      `<body class="govuk-template__body">`,
      `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>`,
      `<header class="app-published-header"><div class="govuk-width-container"><p class="app-published-header__name">Complaints oversight</p></div></header>`,
      `<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">`,
      `<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">`,
      `<h1 class="govuk-heading-l">You have not been signed in</h1>`,
      `<p class="govuk-body" id="sign-in-refused">${escapeHtml(message)}</p>`,
      `<p class="govuk-body"><a class="govuk-link" href="${back}">Go back to sign in</a></p>`,
      `</div></div>`,
      `</main></div>`,
      `</body></html>`,
    ].join("\n"),
    status,
  );
}
