import { NotifyClient } from "notifications-node-client";
import type { EmailMessage, EmailSender } from "./sender.ts";

/**
 * Sends through GOV.UK Notify. Notify sends only through templates made in its own web
 * interface, so we use one generic email template whose subject is `((subject))` and whose
 * body is `((body))`: our own templates write both (docs/operations.md). Notify writes its own
 * HTML from the plain text, so the HTML version is not sent.
 */
export function notifySender(options: { apiKey: string; templateId: string }): EmailSender {
  const client = new NotifyClient(options.apiKey);
  return {
    description: "GOV.UK Notify",
    async send(message: EmailMessage) {
      await client.sendEmail(options.templateId, message.to, { personalisation: { subject: message.subject, body: message.text }, reference: message.reference });
    },
  };
}
