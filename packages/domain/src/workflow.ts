import { z } from "zod";

/**
 * The return workflow (DESIGN.md section 2): draft → submitted → approved → accepted, with
 * `returned` (with reasons) going back to the body to edit and submit again. Acceptance locks a
 * revision; a correction after acceptance opens a new revision as a draft.
 */
export const returnStatuses = ["draft", "submitted", "approved", "accepted", "returned"] as const;
export const returnStatusSchema = z.enum(returnStatuses);
export type ReturnStatus = z.infer<typeof returnStatusSchema>;

/**
 * A return's status in words: the one list both apps, the tracker and every output use, so a body
 * and its department call each stage the same thing.
 */
export const returnStatusLabels: Record<ReturnStatus, string> = {
  draft: "In draft",
  submitted: "Waiting for sign-off",
  approved: "Sent to the department",
  accepted: "Accepted",
  returned: "Returned to the body",
};

export type WorkflowAction = "save" | "submit" | "approve" | "sendBack" | "accept" | "return" | "reopen";

interface Transition {
  readonly from: readonly ReturnStatus[];
  /** Status after the action (`unchanged` for saving); `reopen` starts a new revision in this status. */
  readonly to: ReturnStatus | "unchanged";
  /** The action needs a written reason. */
  readonly needsReason: boolean;
}

export const transitions: Record<WorkflowAction, Transition> = {
  // A returned return stays "returned" while the body corrects it, so the department can see why.
  save: { from: ["draft", "returned"], to: "unchanged", needsReason: false },
  submit: { from: ["draft", "returned"], to: "submitted", needsReason: false },
  approve: { from: ["submitted"], to: "approved", needsReason: false },
  // The approver sends a return back to the complaints team rather than signing it off.
  sendBack: { from: ["submitted"], to: "returned", needsReason: true },
  accept: { from: ["approved"], to: "accepted", needsReason: false },
  // The department sees a return once its senior accountable officer has approved it.
  return: { from: ["approved"], to: "returned", needsReason: true },
  reopen: { from: ["accepted"], to: "draft", needsReason: true },
};

/**
 * "Sent to the department" (DESIGN.md section 2): the department sees a return, and the statistics,
 * the tracker's counts and the exports count it, once the body's senior accountable officer has
 * approved it, and until the department returns it. While a correction is being prepared, the last
 * revision sent is the one that counts. This is the one definition every reader uses.
 */
export const sentStatuses = ["approved", "accepted"] as const satisfies readonly ReturnStatus[];

export function isSent(status: ReturnStatus): boolean {
  return (sentStatuses as readonly ReturnStatus[]).includes(status);
}

export const workflowActionLabels: Record<WorkflowAction, string> = {
  save: "save",
  submit: "submit",
  approve: "approve",
  sendBack: "send back",
  accept: "accept",
  return: "return",
  reopen: "reopen",
};

/** Why an action is not allowed now, or null if it is. */
export function transitionProblem(status: ReturnStatus, action: WorkflowAction): string | null {
  const t = transitions[action];
  if (t.from.includes(status)) return null;
  return `You cannot ${workflowActionLabels[action]} a return that is ${returnStatusLabels[status].toLowerCase()}. That is possible only when it is ${t.from
    .map((s) => returnStatusLabels[s].toLowerCase())
    .join(" or ")}.`;
}

/** Segregation of duties: whoever submitted a return may not approve it. */
export function approverProblem(submittedBy: string | null, approver: string): string | null {
  return submittedBy !== null && submittedBy === approver
    ? "You submitted this return, so someone else must approve it."
    : null;
}
