import { appendAudit, listOptOuts, replaceOptOuts } from "@complaints/db";
import { DomainError, notificationKindInfo, notificationKindsFor, type NotificationKind } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";

export interface NotificationPreference {
  kind: NotificationKind;
  label: string;
  hint: string;
  /** Whether the person gets this kind of email. */
  on: boolean;
}

/** The kinds of email offered to the signed-in person (by their role), and which they get. */
export async function notificationPreferences(ctx: ServiceContext): Promise<NotificationPreference[]> {
  const off = new Set(await listOptOuts(ctx.db, ctx.actor.id));
  return notificationKindsFor(ctx.actor.role).map((kind) => ({ kind, label: notificationKindInfo[kind].label, hint: notificationKindInfo[kind].hint, on: !off.has(kind) }));
}

/**
 * Sets which kinds the signed-in person gets: `on` lists every kind they want, the rest of those
 * offered to their role are turned off. Kept in the audit log, so a missed email can be explained.
 */
export async function setNotificationPreferences(ctx: ServiceContext, input: { on: readonly NotificationKind[] }): Promise<NotificationPreference[]> {
  const offered = notificationKindsFor(ctx.actor.role);
  const notOffered = input.on.filter((kind) => !offered.includes(kind));
  if (notOffered.length > 0) {
    throw new DomainError("INVALID_INPUT", `People with your role do not get ${notOffered.map((k) => `“${notificationKindInfo[k].label}”`).join(" or ")}: choose from the emails listed.`);
  }
  const before = await listOptOuts(ctx.db, ctx.actor.id);
  const off = offered.filter((kind) => !input.on.includes(kind));
  await ctx.db.transaction().execute(async (trx) => {
    await replaceOptOuts(trx, ctx.actor.id, off, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      actorUserId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "user.notifications",
      entityType: "user",
      entityId: ctx.actor.id,
      organisationCode: ctx.actor.organisationCode,
      changes: [{ field: "turned off", old: before, new: off }],
      reason: null,
    });
  });
  return notificationPreferences(ctx);
}
