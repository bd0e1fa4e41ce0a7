import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { hostNameOf } from "./http/allowed-hosts.ts";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An https address (plain http only on this machine, for a provider started by a test or a developer). */
const secureUrl = z.string().trim().refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.has(url.hostname));
  },
  { message: "expected an https:// address (http:// only for localhost)" },
);

/** One department's OpenID Connect provider: who the service is to it, and whose people it signs in. */
const singleSignOnDepartmentSchema = z.strictObject({
  /** The department's code, as in the organisations list (DES). */
  department: z.string().trim().min(1, "expected the department's code"),
  /** The provider's issuer: its discovery document is at `{issuer}/.well-known/openid-configuration`. */
  issuer: secureUrl,
  clientId: z.string().trim().min(1, "expected the client id the provider gave this service"),
  clientSecret: z.string().min(1, "expected the client secret the provider gave this service"),
  /** The email domains (after the @) whose people sign in here. */
  emailDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "expected a domain such as department.gov.uk, without @"),
    )
    .min(1, "list at least one email domain"),
  /** false: the department's people may not sign in with a password. */
  passwordSignIn: z.boolean().default(true),
  /**
   * The ID token claim that must be `true` for its email to be trusted. `email_verified` (OpenID
   * Connect's, sent by Google) unless the provider never sends it: Entra ID sends it for no
   * organisational account, but can send `xms_edov` (the tenant owns the email's domain).
   */
  verifiedEmailClaim: z.enum(["email_verified", "xms_edov"]).default("email_verified"),
});

const singleSignOnSchema = z
  .strictObject({ departments: z.array(singleSignOnDepartmentSchema) })
  .superRefine((config, ctx) => {
    const departments = new Set<string>();
    const domains = new Map<string, string>();
    config.departments.forEach((d, i) => {
      if (departments.has(d.department)) ctx.addIssue({ code: "custom", path: ["departments", i, "department"], message: `${d.department} is listed twice` });
      departments.add(d.department);
      for (const domain of d.emailDomains) {
        const other = domains.get(domain);
        if (other !== undefined) ctx.addIssue({ code: "custom", path: ["departments", i, "emailDomains"], message: `${domain} is also listed for ${other}: an email domain belongs to one department` });
        domains.set(domain, d.department);
      }
    });
  });

export type SingleSignOnConfig = z.infer<typeof singleSignOnSchema>;

/**
 * Single sign-on comes from OIDC_CONFIG (the JSON itself, for a platform that injects secrets as
 * variables) or OIDC_CONFIG_FILE (a path to it, for a mounted secrets file); never the database.
 */
function singleSignOnFrom(source: Record<string, string | undefined>): { config: SingleSignOnConfig | null; problems: string[] } {
  const inline = source["OIDC_CONFIG"];
  const file = source["OIDC_CONFIG_FILE"];
  if (inline && file) return { config: null, problems: ["OIDC_CONFIG and OIDC_CONFIG_FILE: set one or the other, not both"] };
  const name = inline ? "OIDC_CONFIG" : "OIDC_CONFIG_FILE";
  let text: string;
  if (inline) text = inline;
  else if (file) {
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      return { config: null, problems: [`OIDC_CONFIG_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
    }
  } else return { config: null, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { config: null, problems: [`${name}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = singleSignOnSchema.safeParse(json);
  if (!parsed.success) return { config: null, problems: parsed.error.issues.map((i) => `${name}: ${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`) };
  return { config: parsed.data, problems: [] };
}

/**
 * Configuration from the environment, validated once at start-up; the only place that reads
 * process.env. Everything has a default that suits the embedded demo on one machine.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("sqlite:data/complaints.sqlite"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public origins allowed to send requests that change data (besides the server's own). */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean)),
  /** Set false only for plain-HTTP set-ups that are not localhost. */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Host names answered for besides localhost, 127.0.0.1 and [::1] (against DNS rebinding). */
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((s, ctx) =>
      s
        .split(",")
        .map((h) => h.trim())
        .filter(Boolean)
        .map((h) => {
          const name = hostNameOf(h);
          if (name === null) ctx.addIssue({ code: "custom", message: `"${h}" is not a host name; expected names like complaints.example.gov.uk, comma-separated` });
          return name ?? h;
        }),
    ),
  /** True behind one load balancer that appends the client's address to X-Forwarded-For. */
  TRUST_PROXY: z
    .enum(["true", "false"], { message: "expected true or false" })
    .default("false")
    .transform((v) => v === "true"),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  MAX_SIGN_IN_FAILURES: z.coerce.number().int().positive().default(5),
  MAX_SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Who to contact about a board pack, printed on its cover: an email address or a team's name. */
  REPORT_CONTACT: z.string().trim().min(1).max(200).default("The department's complaints oversight team"),
  /** The phase banner above every page: "beta" (the default), "alpha", or "none" for a live service. */
  PHASE_BANNER: z.enum(["beta", "alpha", "none"], { message: "expected beta, alpha or none" }).default("beta"),
  /** Where people write for help (the help page, and the feedback link unless FEEDBACK_URL is set). */
  SUPPORT_EMAIL: z.email({ message: "expected an email address, like complaints-oversight@department.gov.uk" }).default("support@demo.example"),
  /** When the support team answers, in words, shown on the help page. */
  SUPPORT_HOURS: z.string().trim().min(1).max(200).default("Monday to Friday, 9am to 5pm (except bank holidays)"),
  /** A telephone number for help, shown on the help page when set. */
  SUPPORT_PHONE: z.string().trim().max(40).optional().transform((v) => v || null),
  /** The feedback link in the phase banner and footer (a survey's https address); a mailto of SUPPORT_EMAIL when not set. */
  FEEDBACK_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^(https:\/\/|mailto:)/.test(v), { message: "expected an https:// or mailto: address" }),
  /** Largest file the CLI import accepts. */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The service's address as people reach it (`https://complaints.example.gov.uk`), for the links
   * in emails, and single sign-on's callback (`{PUBLIC_URL}/auth/sso/callback`, registered with each
   * provider; required with single sign-on). When not set, the address the server listens on (right
   * for one machine only).
   */
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      if (!/^https?:\/\/[^/]+/.test(s)) ctx.addIssue({ code: "custom", message: `"${s}" is not an address; expected one like https://complaints.example.gov.uk` });
      return s.replace(/\/+$/, "");
    }),
  /** Sends email through this SMTP server (`smtp://user:password@host:587`, `smtps://…:465`). */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((s) => !s || /^smtps?:\/\//.test(s), { message: "expected an address starting smtp:// or smtps://" })
    .transform((s) => s || undefined),
  /** Who emails come from, with SMTP (`Complaints oversight <complaints@example.gov.uk>`). */
  EMAIL_FROM: z.string().trim().min(3).default("Complaints oversight <complaints@localhost>"),
  /** Sends email through GOV.UK Notify instead, with this API key (and NOTIFY_EMAIL_TEMPLATE_ID). */
  NOTIFY_API_KEY: z.string().trim().optional().transform((s) => s || undefined),
  /** The Notify email template whose subject is ((subject)) and whose message is ((body)). */
  NOTIFY_EMAIL_TEMPLATE_ID: z.string().trim().optional().transform((s) => s || undefined),
  /** How often the job runner looks for email and other work to do. */
  JOB_INTERVAL_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** Other built files to serve at the root, if any. */
  STATIC_DIR: z.string().optional(),
  /** The agency app as built by Vite (`apps/agency/dist`), served at /agency/. */
  AGENCY_DIR: z.string().default(fileURLToPath(new URL("../../agency/dist", import.meta.url))),
  /** The department portal as built by Vite (`apps/portal/dist`), served at /portal/. */
  PORTAL_DIR: z.string().default(fileURLToPath(new URL("../../portal/dist", import.meta.url))),
})
  .refine((env) => env.SESSION_ABSOLUTE_HOURS >= env.SESSION_HOURS, {
    path: ["SESSION_ABSOLUTE_HOURS"],
    message: "must be at least SESSION_HOURS (a session cannot be idle for longer than it may last)",
  })
  .refine((env) => !(env.SMTP_URL && env.NOTIFY_API_KEY), { path: ["NOTIFY_API_KEY"], message: "set SMTP_URL or NOTIFY_API_KEY, not both" })
  .refine((env) => !env.NOTIFY_API_KEY || env.NOTIFY_EMAIL_TEMPLATE_ID, { path: ["NOTIFY_EMAIL_TEMPLATE_ID"], message: "is needed with NOTIFY_API_KEY: the id of the Notify template whose subject is ((subject)) and message ((body))" });

export type Env = z.infer<typeof envSchema> & {
  /** Single sign-on per department (OIDC_CONFIG or OIDC_CONFIG_FILE); null when not set up. */
  SINGLE_SIGN_ON: SingleSignOnConfig | null;
};

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const singleSignOn = singleSignOnFrom(source);
  problems.push(...singleSignOn.problems);
  if (result.success && singleSignOn.config && singleSignOn.config.departments.length > 0 && !result.data.PUBLIC_URL) {
    problems.push("PUBLIC_URL: required with single sign-on (the provider sends people back to {PUBLIC_URL}/auth/sso/callback)");
  }
  if (!result.success || problems.length > 0) throw new Error(`The configuration is not valid:\n  ${problems.join("\n  ")}`);
  return { ...result.data, SINGLE_SIGN_ON: singleSignOn.config };
}

/**
 * The environment of a program the command line runs (pg_dump, pg_restore): this process's own,
 * which holds its PATH and any PG* settings, plus `extra` (a password, never on its command line).
 */
export function childProcessEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
