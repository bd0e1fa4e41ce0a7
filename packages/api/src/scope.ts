import { listOrganisations, type Database, type Kysely } from "@complaints/db";
import { DomainError, departmentOf, organisationKindForRole, subtreeCodes, type Organisation } from "@complaints/domain";
import type { SessionUser } from "./context.ts";

/**
 * What a caller may see: a body's users their body only; a department's users the department and
 * every organisation below it; nobody another department's data (DESIGN.md section 5).
 */
export interface Scope {
  readonly organisations: readonly Organisation[];
  readonly codes: ReadonlySet<string>;
  /** The department the caller's organisation belongs to. */
  readonly departmentCode: string | null;
  has(code: string): boolean;
}

export async function loadScope(db: Kysely<Database>, user: SessionUser): Promise<Scope> {
  const all = await listOrganisations(db);
  const codes = new Set(organisationKindForRole(user.role) === "body" ? [user.organisationCode] : subtreeCodes(all, user.organisationCode));
  return {
    organisations: all.filter((o) => codes.has(o.code)),
    codes,
    departmentCode: departmentOf(all, user.organisationCode),
    has: (code) => codes.has(code),
  };
}

export function assertInScope(scope: Scope, organisationCode: string): void {
  if (!scope.has(organisationCode)) {
    throw new DomainError("FORBIDDEN", "You do not have access to that organisation.");
  }
}
