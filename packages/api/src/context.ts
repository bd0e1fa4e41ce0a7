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
  /** The client's network address as the HTTP host sees it (after any trusted proxy); unknown if undefined. */
  clientAddress?: string | undefined;
  cookies: SessionCookies;
  /** Settings from the host's env.ts. */
  config: ApiConfig;
}

export interface ApiConfig {
  /** Idle session lifetime. */
  sessionHours: number;
  /** Absolute session lifetime from sign-in, however often the session is used. */
  sessionAbsoluteHours: number;
  /** Failed sign-ins to one account from one address within `signInWindowMinutes` before attempts are delayed. */
  maxSignInFailures: number;
  /** Failed sign-ins from one address, to any accounts, within `signInWindowMinutes` before attempts are delayed. */
  maxSignInFailuresPerAddress: number;
  /** How long a failure counts; also the longest delay. */
  signInWindowMinutes: number;
  /** Who to contact about a board pack: printed on its cover (an email address or a team's name). */
  reportContact: string;
  /** What the standard pages (help, feedback, phase banner) show, as the department configured them. */
  servicePages: ServicePagesConfig;
  /** Departments that sign their people in with their organisation's identity provider (no secrets here). */
  singleSignOn?: readonly SingleSignOnDepartment[] | undefined;
}

/** A department's single sign-on, as far as the API needs it: which emails it covers, and whether passwords still work. */
export interface SingleSignOnDepartment {
  departmentCode: string;
  /** Lower-case email domains (the part after @) whose people sign in with the department's provider. */
  emailDomains: readonly string[];
  /** False: the department's people may not sign in with a password. */
  passwordSignIn: boolean;
}

/** The department's settings for the pages every GOV.UK service has. */
export interface ServicePagesConfig {
  /** The phase banner's tag, or none. */
  phase: "alpha" | "beta" | "none";
  /** Where people write for help, and the feedback link's address when `feedbackUrl` is not set. */
  supportEmail: string;
  /** When the support team answers, in words ("Monday to Friday, 9am to 5pm"). */
  supportHours: string;
  /** A telephone number for help, if the department offers one. */
  supportPhone: string | null;
  /** A survey for feedback; a mailto of `supportEmail` when null. */
  feedbackUrl: string | null;
}

/** The standard pages' settings when none are given (the demo on one machine). */
export const defaultServicePages: ServicePagesConfig = { phase: "beta", supportEmail: "support@demo.example", supportHours: "Monday to Friday, 9am to 5pm (except bank holidays)", supportPhone: null, feedbackUrl: null };

/** The cover's contact when REPORT_CONTACT is not set. */
export const defaultReportContact = "The department's complaints oversight team";

export const defaultApiConfig: ApiConfig = { sessionHours: 8, sessionAbsoluteHours: 12, maxSignInFailures: 5, maxSignInFailuresPerAddress: 30, signInWindowMinutes: 15, reportContact: defaultReportContact, servicePages: defaultServicePages };

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
