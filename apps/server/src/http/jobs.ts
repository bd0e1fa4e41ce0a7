import { createJobRunner, emailJobHandler, emailJobKind, logSender, notifySender, queueActionReminders, queueReturnReminders, queueWeeklyDigest, smtpSender, type EmailSender, type JobRunner } from "@complaints/api";
import type { Kysely, Database } from "@complaints/db";
import type { Logger } from "pino";
import type { Env } from "../env.ts";

/** SMTP or GOV.UK Notify as configured; with neither, the server log (development and the demo). */
export function emailSenderFor(env: Pick<Env, "SMTP_URL" | "EMAIL_FROM" | "NOTIFY_API_KEY" | "NOTIFY_EMAIL_TEMPLATE_ID">, logger: Logger): EmailSender {
  if (env.SMTP_URL) return smtpSender({ url: env.SMTP_URL, from: env.EMAIL_FROM });
  if (env.NOTIFY_API_KEY && env.NOTIFY_EMAIL_TEMPLATE_ID) return notifySender({ apiKey: env.NOTIFY_API_KEY, templateId: env.NOTIFY_EMAIL_TEMPLATE_ID });
  return logSender((message) => logger.info({ email: { to: message.to, subject: message.subject, text: message.text } }, "email written to the log, not sent: set SMTP_URL or NOTIFY_API_KEY to send email"));
}

/** The job runner of this instance: sends queued email every JOB_INTERVAL_SECONDS until stopped. */
export function startJobRunner(env: Env, db: Kysely<Database>, publicUrl: string, logger: Logger): JobRunner {
  const sender = emailSenderFor(env, logger);
  const runner = createJobRunner({
    db,
    handlers: { [emailJobKind]: emailJobHandler(sender, publicUrl) },
    // Reminders are queued by every instance; their keys make each one go once.
    schedule: [queueReturnReminders, queueActionReminders, queueWeeklyDigest],
    onError: (err, job) => logger.warn({ err, job }, job ? "a job failed; it is tried again later unless that was its last attempt" : "the job runner failed"),
  });
  runner.start(env.JOB_INTERVAL_SECONDS * 1000);
  logger.info({ email: sender.description, publicUrl }, "job runner started");
  return runner;
}
