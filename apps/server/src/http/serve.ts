import { serve, type ServerType } from "@hono/node-server";
import type { Connection } from "@complaints/db";
import { caseUploadStaleAfterMs } from "@complaints/api";
import { deleteExpiredSessions, deleteSignInFailuresBefore, deleteStaleCaseUploads } from "@complaints/db";
import pino from "pino";
import type { Env } from "../env.ts";
import { createApp } from "./app.ts";
import { startJobRunner } from "./jobs.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function createLogger(env: Pick<Env, "LOG_LEVEL">) {
  return pino({ level: env.LOG_LEVEL, base: { service: "complaints-oversight" } });
}

/** Starts the HTTP server; resolves once it is listening. */
export async function startServer(env: Env, connection: Connection, logger = createLogger(env)): Promise<RunningServer> {
  const app = createApp({
    db: connection.db,
    logger,
    api: {
      sessionHours: env.SESSION_HOURS,
      sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
      maxSignInFailures: env.MAX_SIGN_IN_FAILURES,
      maxSignInFailuresPerAddress: env.MAX_SIGN_IN_FAILURES_PER_ADDRESS,
      signInWindowMinutes: env.SIGN_IN_WINDOW_MINUTES,
      reportContact: env.REPORT_CONTACT,
      servicePages: { phase: env.PHASE_BANNER, supportEmail: env.SUPPORT_EMAIL, supportHours: env.SUPPORT_HOURS, supportPhone: env.SUPPORT_PHONE, feedbackUrl: env.FEEDBACK_URL },
      singleSignOn: env.SINGLE_SIGN_ON?.departments.map((d) => ({ departmentCode: d.department, emailDomains: d.emailDomains, passwordSignIn: d.passwordSignIn })),
    },
    singleSignOn: env.SINGLE_SIGN_ON && env.PUBLIC_URL ? { config: env.SINGLE_SIGN_ON, publicUrl: env.PUBLIC_URL } : undefined,
    cookieSecure: env.COOKIE_SECURE,
    allowedOrigins: env.ALLOWED_ORIGINS,
    allowedHosts: env.ALLOWED_HOSTS,
    trustProxy: env.TRUST_PROXY,
    staticDir: env.STATIC_DIR,
    apps: [
      { mount: "agency", dir: env.AGENCY_DIR },
      { mount: "portal", dir: env.PORTAL_DIR },
    ],
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;
  // Expired sessions, failed sign-ins too old to count and case file uploads abandoned for a day
  // are removed hourly (sign-ins and new uploads also remove old ones as they go); any instance may do it.
  const sweepOnce = async () => {
    const now = Date.now();
    await deleteExpiredSessions(connection.db, new Date(now).toISOString());
    await deleteSignInFailuresBefore(connection.db, new Date(now - env.SIGN_IN_WINDOW_MINUTES * 60_000).toISOString());
    await deleteStaleCaseUploads(connection.db, new Date(now - caseUploadStaleAfterMs).toISOString());
  };
  const jobs = startJobRunner(env, connection.db, env.PUBLIC_URL ?? url, logger);
  const sweep = setInterval(() => void sweepOnce().catch((err) => logger.warn({ err }, "session sweep failed")), 3_600_000);
  sweep.unref();
  logger.info({ url, database: connection.description }, "listening");
  return {
    url,
    close: () =>
      jobs.stop().then(() => new Promise<void>((resolve, reject) => {
        clearInterval(sweep);
        server.close((err) => (err ? reject(err) : resolve()));
      })),
  };
}
