import { z } from "zod";
import type { Role } from "./roles.ts";

/**
 * The kinds of email a person may turn off on their account page. Invitations and password resets
 * are not among them: they are answers to something the person (or an administrator) asked for.
 */
export const notificationKinds = ["return-due", "return-submitted", "return-sent-back", "return-accepted", "action-due", "weekly-digest"] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export interface NotificationKindInfo {
  label: string;
  hint: string;
  /** Who receives it; the account page offers a kind only to these roles. */
  roles: readonly Role[];
}

export const notificationKindInfo: Record<NotificationKind, NotificationKindInfo> = {
  "return-due": { label: "Reminders that a return is due", hint: "10 and 3 working days before the due date, and on the day, while the return has not been sent.", roles: ["submitter", "approver"] },
  "return-submitted": { label: "A return is waiting for your sign-off", hint: "When your complaints team submits a return.", roles: ["approver"] },
  "return-sent-back": { label: "A return is sent back to your team", hint: "By your senior accountable officer or by the department, with their reasons.", roles: ["submitter"] },
  "return-accepted": { label: "The department accepts a return", hint: "When the department accepts your body's return.", roles: ["submitter"] },
  "action-due": { label: "Actions you own are due or overdue", hint: "5 working days before an action is due, and when it is overdue.", roles: ["submitter", "approver"] },
  "weekly-digest": { label: "Weekly summary for your department", hint: "Late returns, returns waiting for a decision and overdue actions, every Monday.", roles: ["oversight"] },
};

/** The kinds offered to a person of this role. */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return notificationKinds.filter((k) => notificationKindInfo[k].roles.includes(role));
}
