import type { Database, Kysely } from "@complaints/db";
import type { SessionUser } from "./context.ts";
import { systemScope, type Scope } from "./scope.ts";
import type { ServiceContext } from "./services/actor.ts";

/** Who the command line acts as: no account, so its id matches no user. */
export const systemActor: SessionUser = { id: "cli", email: "cli", displayName: "Command line", role: "admin", organisationCode: "" };

/**
 * Who the audit log records as having acted: the actor's account and email, or for the command line
 * no account (it has none) and "cli".
 */
export function auditActor(actor: SessionUser): { actorUserId: string | null; actor: string } {
  return { actorUserId: actor === systemActor ? null : actor.id, actor: actor.email };
}

/**
 * The service context of the command line (`pnpm cli annual-report`, `pnpm cli pack`), which has no
 * signed-in user: it reads as a department administrator of every department (scope over all
 * organisations; an unknown code is NOT_FOUND), actor "cli".
 *
 * ONLY THE CLI (apps/server/src/cli) MAY USE IT. Whoever runs the CLI already holds the database's
 * credentials, so it grants nothing they could not read directly; anything serving a request must
 * build its context from the session (router/service-context.ts) so scope is enforced. Read only,
 * with these exceptions: `users add` and `users grant` (services/users.ts), the department
 * administration commands (`organisations add|rename|close`, `service-areas …`, `windows …`:
 * services/organisations.ts and windows.ts), all of which record the actor with `auditActor`, and `import cases` (with `actsFor: "body"`, so it sees and writes the body's
 * drafts as its complaints team would), whose changes the audit log records as the command line's
 * ("cli"). Its actor is no account, so pass it to no other service that records who changed
 * something.
 */
export async function systemServiceContext(db: Kysely<Database>, now: Date, options: { actsFor?: Scope["actsFor"] } = {}): Promise<ServiceContext> {
  return { db, actor: systemActor, now: now.toISOString(), scope: await systemScope(db, options.actsFor) };
}
