import type { Database, Kysely } from "@complaints/db";
import type { Role } from "@complaints/domain";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationCode: string;
}

/** What the HTTP host does with the session cookie; tests pass a recorder. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Kysely<Database>;
  clock: () => Date;
  user: SessionUser | null;
  /** Hash of the session token the request came with, if any. */
  sessionId: string | null;
  cookies: SessionCookies;
  /** Settings from the host's env.ts. */
  config: ApiConfig;
}

export interface ApiConfig {
  /** Idle session lifetime. */
  sessionHours: number;
  /** Failed sign-ins allowed per email address within `signInWindowMinutes` before refusing more. */
  maxSignInFailures: number;
  signInWindowMinutes: number;
}

export const defaultApiConfig: ApiConfig = { sessionHours: 8, maxSignInFailures: 5, signInWindowMinutes: 15 };

/** Builds a context from injected parts, so tests call procedures directly against a real database. */
export function createContext(parts: Partial<Context> & Pick<Context, "db">): Context {
  return {
    clock: () => new Date(),
    user: null,
    sessionId: null,
    cookies: { set: () => {}, clear: () => {} },
    config: defaultApiConfig,
    ...parts,
  };
}
