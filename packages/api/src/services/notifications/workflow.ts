import { notificationRecipients, type Database, type Kysely } from "@complaints/db";
import { periodLabelOf, periodToAddress, type NotificationKind, type Role } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { enqueueEmail } from "../email/outbox.ts";
import type { EmailKind } from "../email/templates.ts";

/** A return as the workflow's emails need it. */
interface ReturnRef {
  returnId: string;
  organisationCode: string;
  period: string;
  /**
   * The version the action moved the return on from. It names the action exactly: a resubmission of
   * the same revision (after the approver sent it back) is told again, and a retried request, refused
   * because the version moved on, is not.
   */
  version: number;
}

/** Workflow actions people are told about, whom, and under which kind they may turn off. */
const workflowEmails = {
  submit: { kind: "return-submitted", roles: ["approver"], page: "check" },
  sendBack: { kind: "return-sent-back", roles: ["submitter"], page: "return" },
  return: { kind: "return-sent-back", roles: ["submitter"], page: "return" },
  accept: { kind: "return-accepted", roles: ["submitter"], page: "return" },
} as const satisfies Record<string, { kind: NotificationKind & EmailKind; roles: readonly Role[]; page: "check" | "return" }>;

export type NotifiedAction = keyof typeof workflowEmails;

export function isNotifiedAction(action: string): action is NotifiedAction {
  return action in workflowEmails;
}

/**
 * Queues the emails a workflow action sends: to the approvers when a return is submitted, to the
 * complaints team when it is sent back (with the reasons) or accepted. Called inside the action's
 * transaction, so an action that fails sends nothing; the key names the revision, so a retried
 * request does not send twice.
 */
export async function notifyWorkflowAction(trx: Kysely<Database>, ctx: ServiceContext, action: NotifiedAction, ref: ReturnRef, reason: string | null): Promise<void> {
  const rule = workflowEmails[action];
  const org = ctx.scope.organisation(ref.organisationCode, "body");
  const recipients = await notificationRecipients(trx, { organisationCode: ref.organisationCode, roles: rule.roles, kind: rule.kind });
  const returnPath = `/agency/${ref.organisationCode}/returns/${periodToAddress(ref.period)}/`;
  const path = rule.page === "check" ? `${returnPath}check` : returnPath;
  const periodLabel = periodLabelOf(ref.period);
  const now = new Date(ctx.now);
  for (const person of recipients) {
    // Nobody is told about what they did themselves.
    if (person.id === ctx.actor.id) continue;
    const base = { name: person.name, bodyName: org.name, periodLabel, path };
    const idempotencyKey = `${person.id}:${ref.returnId}:${ref.version}:${action}`;
    if (rule.kind === "return-sent-back") {
      await enqueueEmail(trx, { kind: rule.kind, to: person.email, idempotencyKey, now, data: { ...base, by: action === "return" ? "department" : "approver", reason: reason ?? "" } });
    } else {
      await enqueueEmail(trx, { kind: rule.kind, to: person.email, idempotencyKey, now, data: base });
    }
  }
}
