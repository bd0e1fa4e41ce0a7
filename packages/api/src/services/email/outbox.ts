import { enqueueJob, type Database, type Kysely } from "@complaints/db";
import type { JobHandler } from "../jobs/runner.ts";
import type { EmailSender } from "./sender.ts";
import { emailTemplates, renderEmail, type EmailContent, type EmailData, type EmailKind } from "./templates.ts";

/** The job kind every email is sent under. */
export const emailJobKind = "email";

export interface EmailToSend<K extends EmailKind> {
  kind: K;
  to: string;
  /**
   * Says which email this is, so it is enqueued once however often or wherever it is asked for:
   * who, what, which return or action, which day (`reminder:${userId}:${returnId}:${day}`).
   */
  idempotencyKey: string;
  data: EmailData<K>;
  now: Date;
  /** Not before this time (now by default). */
  sendAt?: Date;
}

interface EmailPayload {
  template: EmailKind;
  to: string;
  data: unknown;
}

/**
 * Queues an email; the job runner sends it, retrying with back-off if sending fails. Returns false
 * if an email with the same idempotency key was queued before (it is not queued again). Call it
 * inside the transaction that made the change the email is about, so neither happens without the other.
 */
export async function enqueueEmail<K extends EmailKind>(db: Kysely<Database>, email: EmailToSend<K>): Promise<boolean> {
  const payload: EmailPayload = { template: email.kind, to: email.to, data: email.data };
  const now = email.now.toISOString();
  return enqueueJob(db, { kind: emailJobKind, idempotencyKey: `${email.kind}:${email.idempotencyKey}`, payload, runAt: (email.sendAt ?? email.now).toISOString(), now });
}

/** The handler for email jobs: writes the email from its template and sends it. */
export function emailJobHandler(sender: EmailSender, publicUrl: string): JobHandler {
  return async (payload, job) => {
    const { template, to, data } = payload as EmailPayload;
    const write = emailTemplates[template] as ((data: unknown) => EmailContent) | undefined;
    if (!write) throw new Error(`No email template "${template}"`);
    await sender.send({ to, reference: job.id, ...renderEmail(write(data), publicUrl) });
  };
}
