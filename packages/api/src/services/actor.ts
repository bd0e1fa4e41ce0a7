import type { Database, Kysely } from "@complaints/db";
import type { SessionUser } from "../context.ts";
import type { Scope } from "../scope.ts";

/** What a service function needs to act for someone: the database, who, when, and what they can see. */
export interface ServiceContext {
  db: Kysely<Database>;
  actor: SessionUser;
  now: string;
  scope: Scope;
}
