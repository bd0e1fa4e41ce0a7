import { listOrganisations, listUserOrganisations, type Database, type Kysely } from "@complaints/db";
import { DomainError, departmentOf, organisationKindForRole, subtreeCodes, type Organisation } from "@complaints/domain";
import type { SessionUser } from "./context.ts";

/**
 * What a caller may see: a body's users their body (and any other bodies they act for) only; a department's users the department and
 * every organisation below it; nobody another department's data (DESIGN.md section 5).
 */
export interface Scope {
  readonly organisations: readonly Organisation[];
  readonly codes: ReadonlySet<string>;
  /** The department the caller's organisation belongs to. */
  readonly departmentCode: string | null;
  /**
   * Whether the caller acts for a body or for a department. A department's users see a return
   * only once the body has sent it (DESIGN.md section 2): never a draft or one awaiting sign-off.
   */
  readonly actsFor: "body" | "department";
  has(code: string): boolean;
  /**
   * The organisation with this code, if the caller may see it and it is of this kind: FORBIDDEN
   * outside the caller's scope, NOT_FOUND when there is none, INVALID_INPUT when it is of the wrong kind.
   */
  organisation(code: string, kind?: Organisation["kind"]): Organisation;
}

export async function loadScope(db: Kysely<Database>, user: SessionUser): Promise<Scope> {
  const all = await listOrganisations(db);
  const actsFor = organisationKindForRole(user.role);
  // A body's user acts for their own body and any other bodies they have been given (never a department).
  const others = actsFor === "body" ? await listUserOrganisations(db, user.id) : [];
  const bodies = new Set(all.filter((o) => o.kind === "body").map((o) => o.code));
  const codes = new Set(actsFor === "body" ? [user.organisationCode, ...others.filter((c) => bodies.has(c))] : subtreeCodes(all, user.organisationCode));
  return scopeOver(
    all.filter((o) => codes.has(o.code)),
    departmentOf(all, user.organisationCode),
    actsFor,
    false,
  );
}

/**
 * The scope of the command line, which has no signed-in user: every organisation, as each department's
 * administrator sees their own, or (`actsFor` "body", for the case import, which writes drafts) as
 * each body's complaints team sees its own. Only the CLI may use it (see `systemServiceContext`).
 */
export async function systemScope(db: Kysely<Database>, actsFor: Scope["actsFor"] = "department"): Promise<Scope> {
  return scopeOver(await listOrganisations(db), null, actsFor, true);
}

/**
 * A scope over these organisations. With `everything`, no organisation is hidden, so a code outside
 * it does not exist: NOT_FOUND instead of FORBIDDEN (a user's scope never says which codes exist
 * beyond it).
 */
function scopeOver(organisations: Organisation[], departmentCode: string | null, actsFor: Scope["actsFor"], everything: boolean): Scope {
  const codes = new Set(organisations.map((o) => o.code));
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const scope: Scope = {
    organisations,
    codes,
    departmentCode,
    actsFor,
    has: (code) => codes.has(code),
    organisation(code, kind) {
      if (!everything) assertInScope(scope, code);
      const org = byCode.get(code);
      if (!org) throw new DomainError("NOT_FOUND", `There is no organisation with code ${code}.`);
      if (kind && org.kind !== kind) {
        throw new DomainError("INVALID_INPUT", kind === "department" ? `${code} is not a department.` : `${code} is a department; returns are made by its bodies.`);
      }
      return org;
    },
  };
  return scope;
}

export function assertInScope(scope: Pick<Scope, "has">, organisationCode: string): void {
  if (!scope.has(organisationCode)) {
    throw new DomainError("FORBIDDEN", "You do not have access to that organisation.");
  }
}
