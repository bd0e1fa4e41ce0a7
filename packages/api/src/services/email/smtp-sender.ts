import nodemailer from "nodemailer";
import type { EmailMessage, EmailSender } from "./sender.ts";

/** Sends through an SMTP server named by a URL (`smtp://user:pass@host:587`, `smtps://…`). */
export function smtpSender(options: { url: string; from: string }): EmailSender {
  const transport = nodemailer.createTransport(options.url);
  return {
    description: "SMTP",
    async send(message: EmailMessage) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: { "X-Complaints-Reference": message.reference } });
    },
  };
}
