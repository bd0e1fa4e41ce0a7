import { z } from "zod";

/** The five roles of DESIGN.md section 1. */
export const roles = ["submitter", "approver", "oversight", "secretariat", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  submitter: "Complaints team (submitter)",
  approver: "Senior accountable officer (approver)",
  oversight: "Department oversight analyst",
  secretariat: "Board secretariat",
  admin: "Administrator",
};

/** Body roles act for one body; the other roles act for a department and every body below it. */
export const bodyRoles: readonly Role[] = ["submitter", "approver"];

/** The organisation kind a role's users must belong to. */
export function organisationKindForRole(role: Role): "body" | "department" {
  return bodyRoles.includes(role) ? "body" : "department";
}

/** What each role may do. One table, read by the API's procedures. */
export const permissions = {
  "organisations.read": ["submitter", "approver", "oversight", "secretariat", "admin"],
  /** Adding, renaming and closing a department's bodies and their service areas: its administrators. */
  "organisations.manage": ["admin"],
  "windows.read": ["submitter", "approver", "oversight", "secretariat", "admin"],
  "windows.manage": ["admin"],
  "returns.read": ["submitter", "approver", "oversight", "secretariat", "admin"],
  "returns.edit": ["submitter"],
  "returns.submit": ["submitter"],
  "returns.approve": ["approver"],
  "returns.sendBack": ["approver"],
  "returns.decide": ["oversight"],
  /** Emailing a late body's team from the tracker: the analysts who follow up returns. */
  "returns.chase": ["oversight"],
  /** A correction after acceptance: the department asks for it, or the body's complaints team starts it (its own body only, by scope). */
  "returns.reopen": ["oversight", "submitter"],
  "tracker.read": ["oversight", "secretariat", "admin"],
  /** Comparison of bodies, trends, funnel plots and themes (DESIGN.md section 3): department roles only. */
  "metrics.read": ["oversight", "secretariat", "admin"],
  /** Learning action plans (DESIGN.md section 2): everyone reads those in scope; a body's own people keep them. */
  "actions.read": ["submitter", "approver", "oversight", "secretariat", "admin"],
  "actions.edit": ["submitter", "approver"],
  /** A "you said, we did" summary is published only with the body's senior accountable officer's approval; the department's oversight may take it down at once, as may the approver. */
  "actions.approvePublication": ["approver"],
  "actions.withdrawPublication": ["approver", "oversight"],
  /** Board packs and the annual report complaints section (DESIGN.md section 4): the secretariat and oversight (and administrators). */
  "reports.read": ["oversight", "secretariat", "admin"],
  /** Case-level import: the body's complaints team keeps its case file, mappings and timescales; its senior accountable officer reads them. */
  "cases.read": ["submitter", "approver"],
  "cases.edit": ["submitter"],
  /** The cases behind a computed figure: the body's people, and its department's once the return is sent (by scope and status). */
  "cases.figures": ["submitter", "approver", "oversight", "secretariat", "admin"],
  "users.manage": ["admin"],
  /** The append-only audit log of a department and its bodies. */
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
