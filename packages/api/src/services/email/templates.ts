/**
 * What each kind of email says. A template returns the content from its data; `renderEmail` writes
 * it as plain text and simple HTML, with its link made absolute from the service's public address.
 * To add a kind: add a function here (its parameter is the data `enqueueEmail` takes).
 */
export interface EmailContent {
  subject: string;
  /** Plain-English paragraphs before the link. */
  paragraphs: string[];
  /** The exact page the email is about: a path inside the service (`/portal/…`). */
  link?: { text: string; path: string };
  /** Paragraphs after the link. */
  after?: string[];
}

export const emailTemplates = {
  "password-reset": (data: { name: string; path: string; validMinutes: number }): EmailContent => ({
    subject: "Reset your password for Complaints oversight",
    paragraphs: [`Dear ${data.name},`, "Someone asked to reset the password for your Complaints oversight account. If it was you, use this link to choose a new password:"],
    link: { text: "Choose a new password", path: data.path },
    after: [
      `The link works once and stops working in ${data.validMinutes === 60 ? "1 hour" : `${data.validMinutes} minutes`}. Using it signs you out everywhere.`,
      "If you did not ask for this, you can ignore this email: your password has not changed.",
    ],
  }),
  invitation: (data: { organisationName: string; roleLabel: string; invitedBy: string; path: string; validDays: number }): EmailContent => ({
    subject: `You have been invited to Complaints oversight for ${data.organisationName}`,
    paragraphs: [`${data.invitedBy} has invited you to Complaints oversight as ${data.roleLabel} for ${data.organisationName}.`, "Use this link to set your name and password:"],
    link: { text: "Accept the invitation", path: data.path },
    after: [`The link works once and stops working in ${data.validDays} days. If it has expired, ask whoever invited you to send a new one.`, "If you were not expecting this, you can ignore this email."],
  }),
  /** An existing account given another organisation or a new role: nothing to accept, only to know. */
  "role-added": (data: { name: string; organisationName: string; roleLabel: string; path: string }): EmailContent => ({
    subject: `You can now use Complaints oversight for ${data.organisationName}`,
    paragraphs: [`Dear ${data.name},`, `You can now use Complaints oversight as ${data.roleLabel} for ${data.organisationName}. Sign in as usual:`],
    link: { text: "Sign in", path: data.path },
  }),
} satisfies Record<string, (data: never) => EmailContent>;

export type EmailKind = keyof typeof emailTemplates;
export type EmailData<K extends EmailKind> = Parameters<(typeof emailTemplates)[K]>[0];

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The email as plain text and simple HTML; links are absolute, from `publicUrl` (the service's address). */
export function renderEmail(content: EmailContent, publicUrl: string): { subject: string; text: string; html: string } {
  const url = content.link ? new URL(content.link.path, publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`).href : null;
  const after = content.after ?? [];
  const text = [...content.paragraphs, ...(content.link && url ? [`${content.link.text}:\n${url}`] : []), ...after, "Complaints oversight"].join("\n\n") + "\n";
  const p = (s: string) => `<p style="font-family: arial, sans-serif; font-size: 19px; line-height: 1.3;">${escapeHtml(s)}</p>`;
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>`,
    ...content.paragraphs.map(p),
    ...(content.link && url ? [`<p style="font-family: arial, sans-serif; font-size: 19px;"><a href="${escapeHtml(url)}">${escapeHtml(content.link.text)}</a></p>`] : []),
    ...after.map(p),
    p("Complaints oversight"),
    "</body></html>",
  ].join("\n");
  return { subject: content.subject, text, html };
}
