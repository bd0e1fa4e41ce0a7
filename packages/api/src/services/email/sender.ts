/** One email, already written from its template. */
export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text, the whole message. */
  text: string;
  /** The same message as simple HTML. */
  html: string;
  /** Our job id, so the provider's records can be matched to ours. */
  reference: string;
}

/**
 * Sends email: SMTP, GOV.UK Notify, or the server log, chosen by the host's configuration
 * (apps/server/src/env.ts). A rejected promise is a failed attempt, tried again later.
 */
export interface EmailSender {
  /** For logs: which kind of sender this is. */
  readonly description: string;
  send(message: EmailMessage): Promise<void>;
}
