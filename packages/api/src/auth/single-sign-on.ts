import { appendAudit, findUserByEmail, listOrganisations, type Database, type Kysely } from "@complaints/db";
import { DomainError, departmentOf } from "@complaints/domain";
import type { ApiConfig, SingleSignOnDepartment } from "../context.ts";
import { openSession, type SignInResult } from "./sessions.ts";

/** Why a password was refused for a department that signs its people in only with their organisation's account. */
export const passwordSignInOffMessage =
  "Your department has switched off signing in with a password. Sign in with your organisation's account: enter your email address and choose Continue.";

/** The part of an email address after the last @, lower case; empty if there is none. */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).trim().toLowerCase();
}

/** The department whose identity provider covers this email's domain, if any. */
export function singleSignOnFor(config: ApiConfig, email: string): SingleSignOnDepartment | null {
  const domain = emailDomainOf(email);
  if (!domain) return null;
  return (config.singleSignOn ?? []).find((d) => d.emailDomains.includes(domain)) ?? null;
}

/** What a department's identity provider said about the person, after its ID token was verified. */
export interface OrganisationAccountSignIn {
  /** The department whose provider signed the person in. */
  departmentCode: string;
  /** The ID token's `email` claim; undefined when the provider sent none. */
  email: string | undefined;
  /** The ID token's `email_verified` claim (or the department's equivalent): only `true` counts. */
  emailVerified: unknown;
  /** The provider's issuer and subject, for the audit log. */
  issuer: string;
  subject: string;
  /** The session this browser already had, if any: it ends when the new one starts. */
  previousSessionId?: string | null | undefined;
}

/**
 * Opens a session for a person their department's identity provider has signed in, exactly as a
 * password sign-in does, once the email it vouches for is checked: verified, in a domain the
 * department's provider covers, and the email of an active account of that department (an account
 * an administrator made; none is created here). Every refusal is a DomainError with a message for
 * the person, and opens no session.
 */
export async function signInWithOrganisationAccount(db: Kysely<Database>, attempt: OrganisationAccountSignIn, now: Date, config: ApiConfig): Promise<SignInResult> {
  const department = (config.singleSignOn ?? []).find((d) => d.departmentCode === attempt.departmentCode);
  if (!department) throw new DomainError("UNAUTHENTICATED", "Single sign-on is not set up for this department.");
  const email = attempt.email?.trim().toLowerCase();
  if (!email) throw new DomainError("UNAUTHENTICATED", "Your organisation's account did not give us your email address, so we cannot tell who you are. Ask your IT team to release the email claim to this service.");
  if (attempt.emailVerified !== true) throw new DomainError("UNAUTHENTICATED", `Your organisation's account has not confirmed that ${email} is your email address, so we cannot sign you in with it.`);
  // A provider vouches only for the domains its department listed: another department's people
  // sign in through their own department's provider.
  if (!department.emailDomains.includes(emailDomainOf(email))) {
    throw new DomainError("FORBIDDEN", `${email} is not an email address your department's sign-in covers. Sign in with the account your own department gave you.`);
  }
  const user = await findUserByEmail(db, email);
  const notInvited = `There is no account for ${email} in this service. Ask your department's administrator to invite you.`;
  if (!user || user.disabled_at !== null) throw new DomainError("FORBIDDEN", notInvited);
  if (departmentOf(await listOrganisations(db), user.organisation_code) !== department.departmentCode) throw new DomainError("FORBIDDEN", notInvited);
  const result = await openSession(db, user, attempt.previousSessionId, now, config);
  await appendAudit(db, {
    at: now.toISOString(),
    actorUserId: user.id,
    actor: user.email,
    action: "user.signed-in-with-organisation-account",
    entityType: "user",
    entityId: user.id,
    organisationCode: user.organisation_code,
    changes: [],
    reason: `${attempt.issuer} subject ${attempt.subject}`,
  });
  return result;
}
