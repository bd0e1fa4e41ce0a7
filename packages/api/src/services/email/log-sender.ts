import type { EmailMessage, EmailSender } from "./sender.ts";

/**
 * Writes each email to the server log instead of sending it: for development and the demo, when
 * neither SMTP nor GOV.UK Notify is configured. Never in production: the log would hold links.
 */
export function logSender(log: (message: EmailMessage) => void): EmailSender {
  return {
    description: "the server log (no email is sent)",
    async send(message: EmailMessage) {
      log(message);
    },
  };
}
