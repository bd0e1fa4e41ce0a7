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

/** What every email about one body's return needs. */
export interface ReturnEmailData {
  name: string;
  bodyName: string;
  periodLabel: string;
  path: string;
}

const notificationFooter = ["You can choose which emails you get on your account page."];

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
  "return-due": (data: ReturnEmailData & { dueDate: string; workingDaysLeft: number }): EmailContent => ({
    subject:
      data.workingDaysLeft === 0
        ? `${data.bodyName}'s return for ${data.periodLabel} is due today`
        : `${data.bodyName}'s return for ${data.periodLabel} is due in ${data.workingDaysLeft} working days`,
    paragraphs: [
      `Dear ${data.name},`,
      data.workingDaysLeft === 0
        ? `${data.bodyName}'s quarterly complaints return for ${data.periodLabel} is due today, ${data.dueDate}, and has not been sent to the department yet.`
        : `${data.bodyName}'s quarterly complaints return for ${data.periodLabel} is due on ${data.dueDate}, in ${data.workingDaysLeft} working days. It has not been sent to the department yet.`,
      "The return is sent once your complaints team submits it and your senior accountable officer approves it.",
    ],
    link: { text: "Open the return", path: data.path },
    after: notificationFooter,
  }),
  "action-due": (data: { name: string; bodyName: string; action: string; dueDate: string; overdue: boolean; path: string }): EmailContent => ({
    subject: data.overdue ? `An action you own at ${data.bodyName} is overdue` : `An action you own at ${data.bodyName} is due in 5 working days`,
    paragraphs: [
      `Dear ${data.name},`,
      data.overdue ? `This learning action at ${data.bodyName} was due on ${data.dueDate} and has not been closed:` : `This learning action at ${data.bodyName} is due on ${data.dueDate}, in 5 working days:`,
      data.action.length > 300 ? `${data.action.slice(0, 297)}…` : data.action,
      data.overdue ? "Close it if it is done, or agree a new due date and record why." : "Close it once it is done and checked.",
    ],
    link: { text: "Open the action", path: data.path },
    after: notificationFooter,
  }),
  "weekly-digest": (data: { name: string; departmentName: string; late: string[]; waiting: string[]; overdueActions: number; path: string }): EmailContent => ({
    subject: `Complaints returns this week: ${data.departmentName}`,
    paragraphs: [
      `Dear ${data.name},`,
      data.late.length === 0 ? "No returns are late." : `${data.late.length === 1 ? "1 return is" : `${data.late.length} returns are`} late:\n${data.late.map((l) => `- ${l}`).join("\n")}`,
      data.waiting.length === 0 ? "No returns are waiting for your decision." : `${data.waiting.length === 1 ? "1 return is" : `${data.waiting.length} returns are`} waiting for your decision:\n${data.waiting.map((l) => `- ${l}`).join("\n")}`,
      data.overdueActions === 0 ? "No learning actions are overdue." : `${data.overdueActions === 1 ? "1 learning action is" : `${data.overdueActions} learning actions are`} overdue.`,
    ],
    link: { text: "Open the returns tracker", path: data.path },
    after: notificationFooter,
  }),
  "return-chase": (data: ReturnEmailData & { dueDate: string; departmentName: string; from: string; message: string }): EmailContent => ({
    subject: `${data.bodyName}'s return for ${data.periodLabel} is late`,
    paragraphs: [
      `Dear ${data.name},`,
      `${data.bodyName}'s quarterly complaints return for ${data.periodLabel} was due on ${data.dueDate} and ${data.departmentName} has not received it yet.`,
      ...(data.message ? [`${data.from} says:`, data.message] : []),
      "Please submit it, and ask your senior accountable officer to approve it, as soon as you can.",
    ],
    link: { text: "Open the return", path: data.path },
  }),
  "return-submitted": (data: ReturnEmailData): EmailContent => ({
    subject: `${data.bodyName}'s return for ${data.periodLabel} is waiting for your sign-off`,
    paragraphs: [`Dear ${data.name},`, `${data.bodyName}'s complaints team has submitted the quarterly complaints return for ${data.periodLabel}. It goes to the department once you approve it.`],
    link: { text: "Check and approve the return", path: data.path },
    after: notificationFooter,
  }),
  "return-sent-back": (data: ReturnEmailData & { by: "approver" | "department"; reason: string }): EmailContent => ({
    subject: `${data.bodyName}'s return for ${data.periodLabel} has been sent back`,
    paragraphs: [
      `Dear ${data.name},`,
      data.by === "department"
        ? `The department has returned ${data.bodyName}'s complaints return for ${data.periodLabel}. Their reasons:`
        : `Your senior accountable officer has sent back ${data.bodyName}'s complaints return for ${data.periodLabel}. Their reasons:`,
      data.reason,
      "Correct the return and submit it again.",
    ],
    link: { text: "Open the return", path: data.path },
    after: notificationFooter,
  }),
  "return-accepted": (data: ReturnEmailData): EmailContent => ({
    subject: `The department has accepted ${data.bodyName}'s return for ${data.periodLabel}`,
    paragraphs: [`Dear ${data.name},`, `The department has accepted ${data.bodyName}'s complaints return for ${data.periodLabel}. There is nothing more to do for this quarter.`],
    link: { text: "See the return", path: data.path },
    after: notificationFooter,
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
