import { appendAudit, findReturnId, notificationRecipients, type Recipient } from "@complaints/db";
import { departmentOf, DomainError, formatDate, periodLabelOf, periodToAddress, requirePeriod, ukDateOf } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { dueDateFor } from "../windows.ts";

/** The most an analyst may add to a chasing email. */
export const chaseMessageMaxLength = 1000;

/** A late body's return, and who a chase would email: its submitters and approvers. */
export async function chasePreview(ctx: ServiceContext, input: { organisationCode: string; period: string }): Promise<{ bodyName: string; periodLabel: string; dueDate: string; recipients: Recipient[] }> {
  const body = ctx.scope.organisation(input.organisationCode, "body");
  requirePeriod(input.period);
  const dueDate = await dueDateFor(ctx, body, input.period);
  const periodLabel = periodLabelOf(input.period);
  const sent = await ctx.db.selectFrom("returns").select("received_at").where("organisation_code", "=", body.code).where("period", "=", input.period).executeTakeFirst();
  if (sent?.received_at) throw new DomainError("INVALID_TRANSITION", `${body.name} has already sent its return for ${periodLabel}: there is nothing to chase.`);
  if (ukDateOf(ctx.now) <= dueDate) throw new DomainError("INVALID_TRANSITION", `${body.name}'s return for ${periodLabel} is not late: it is due on ${formatDate(dueDate)}.`);
  // A chase is the department writing to a body: nobody can turn it off.
  const recipients = await notificationRecipients(ctx.db, { organisationCode: body.code, roles: ["submitter", "approver"], kind: null });
  return { bodyName: body.name, periodLabel, dueDate, recipients };
}

/**
 * Emails a late body's team, with the analyst's own line, and records the chase in the audit log
 * (on the return's history when the body has started it). Each chase is its own email.
 */
export async function chaseReturn(ctx: ServiceContext, input: { organisationCode: string; period: string; message: string }): Promise<{ sentTo: string[] }> {
  const preview = await chasePreview(ctx, input);
  const message = input.message.trim();
  if (message.length > chaseMessageMaxLength) throw new DomainError("INVALID_INPUT", `Your message must be ${chaseMessageMaxLength} characters or fewer.`);
  if (preview.recipients.length === 0) throw new DomainError("INVALID_INPUT", `${preview.bodyName} has nobody with an account to email. Contact the body another way.`);
  const departmentCode = departmentOf(ctx.scope.organisations, input.organisationCode) ?? ctx.scope.departmentCode;
  const departmentName = ctx.scope.organisations.find((o) => o.code === departmentCode)?.name ?? "The department";
  const returnId = await findReturnId(ctx.db, input.organisationCode, input.period);
  const now = new Date(ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    for (const person of preview.recipients) {
      await enqueueEmail(trx, {
        kind: "return-chase",
        to: person.email,
        idempotencyKey: `${person.id}:${input.organisationCode}:${input.period}:${ctx.now}`,
        now,
        data: {
          name: person.name,
          bodyName: preview.bodyName,
          periodLabel: preview.periodLabel,
          dueDate: formatDate(preview.dueDate),
          departmentName,
          from: ctx.actor.displayName,
          message,
          path: `/agency/${input.organisationCode}/returns/${periodToAddress(input.period)}/`,
        },
      });
    }
    await appendAudit(trx, {
      at: ctx.now,
      actorUserId: ctx.actor.id,
      actor: ctx.actor.email,
      action: "return.chase",
      entityType: returnId ? "return" : "organisation",
      entityId: returnId ?? input.organisationCode,
      organisationCode: input.organisationCode,
      changes: [
        { field: "period", old: null, new: input.period },
        { field: "emailed", old: null, new: preview.recipients.map((r) => r.email) },
      ],
      reason: message || null,
    });
  });
  return { sentTo: preview.recipients.map((r) => r.email) };
}
