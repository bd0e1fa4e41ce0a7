import { z } from "zod";

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
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  MAX_SIGN_IN_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Largest file the CLI import accepts. */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Built browser apps to serve, if any. */
  STATIC_DIR: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ");
    throw new Error(`The configuration is not valid:\n  ${problems}`);
  }
  return result.data;
}
