import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface NewInvitation {
  tokenHash: string;
  email: string;
  role: string;
  organisationCode: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertInvitation(db: Kysely<Database>, i: NewInvitation): Promise<void> {
  await db
    .insertInto("invitations")
    .values({ token_hash: i.tokenHash, email: i.email.trim().toLowerCase(), role: i.role, organisation_code: i.organisationCode, invited_by: i.invitedBy, created_at: i.createdAt, expires_at: i.expiresAt, accepted_at: null, user_id: null })
    .execute();
}

export async function findInvitation(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Marks an invitation accepted if it still was open; false if another request took it first. */
export async function acceptInvitationRow(db: Kysely<Database>, tokenHash: string, userId: string, now: string): Promise<boolean> {
  const result = await db.updateTable("invitations").set({ accepted_at: now, user_id: userId }).where("token_hash", "=", tokenHash).where("accepted_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Invitations not yet accepted nor expired, for these organisations. */
export async function listOpenInvitations(db: Kysely<Database>, organisationCodes: readonly string[], now: string) {
  if (organisationCodes.length === 0) return [];
  return db
    .selectFrom("invitations")
    .select(["email", "role", "organisation_code", "invited_by", "created_at", "expires_at"])
    .where("organisation_code", "in", organisationCodes)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}
