import { getWindow, listCurrentReturns } from "@complaints/db";
import {
  defaultDueDate,
  DomainError,
  formatPeriodLabel,
  isActiveIn,
  periodIndex,
  requirePeriod,
  subtreeCodes,
  ukDateOf,
  type ReturnStatus,
} from "@complaints/domain";
import { assertInScope } from "../scope.ts";
import type { ServiceContext } from "./actor.ts";

export type TrackerStatus = ReturnStatus | "not started";
export type Timeliness = "on time" | "late" | "overdue" | "not yet due" | "not recorded";

export interface TrackerRow {
  organisationCode: string;
  name: string;
  returnId: string | null;
  status: TrackerStatus;
  revision: number | null;
  /** For a returned return: sent back by the body's own approver, or returned by the department. */
  returnedBy: "approver" | "department" | null;
  dueDate: string;
  firstSubmittedAt: string | null;
  /**
   * From the first time the return reached the department (its first approval): on time or late;
   * before that, not yet due or overdue. Returns loaded from history files have no such time.
   */
  timeliness: Timeliness;
}

/**
 * Every body expected to report for a quarter (active in it, by its dates; DHIS2's users' complaint
 * that reporting rates go wrong when organisations open or close) with its return's status and
 * whether it came on time, computed from the first submission time, not from a button.
 */
export async function submissionTracker(ctx: ServiceContext, departmentCode: string, periodCode: string) {
  assertInScope(ctx.scope, departmentCode);
  const department = ctx.scope.organisations.find((o) => o.code === departmentCode);
  if (!department || department.kind !== "department") throw new DomainError("INVALID_INPUT", `${departmentCode} is not a department.`);
  const period = requirePeriod(periodCode);
  const below = new Set(subtreeCodes(ctx.scope.organisations, departmentCode));
  const bodies = ctx.scope.organisations.filter((o) => o.kind === "body" && below.has(o.code) && isActiveIn(o, period));
  const window = await getWindow(ctx.db, departmentCode, periodCode);
  const index = periodIndex(period);
  const returns = new Map((await listCurrentReturns(ctx.db, bodies.map((b) => b.code), index, index, { withValues: false })).map((r) => [r.organisationCode, r]));
  const today = ukDateOf(ctx.now);

  const rows: TrackerRow[] = bodies.map((body) => {
    const r = returns.get(body.code);
    const dueDate = window?.dueDate ?? defaultDueDate(period, body.region);
    const firstSubmittedAt = r?.firstSubmittedAt ?? null;
    // History loaded from files reached the department at a time nobody recorded.
    const reached = r?.status === "approved" || r?.status === "accepted";
    const timeliness: Timeliness = firstSubmittedAt
      ? ukDateOf(firstSubmittedAt) <= dueDate
        ? "on time"
        : "late"
      : reached
        ? "not recorded"
        : today > dueDate
          ? "overdue"
          : "not yet due";
    return {
      organisationCode: body.code,
      name: body.name,
      returnId: r?.returnId ?? null,
      status: r?.status ?? "not started",
      revision: r?.revision ?? null,
      returnedBy: r?.status === "returned" ? (r.decidedBy ? "department" : "approver") : null,
      dueDate,
      firstSubmittedAt,
      timeliness,
    };
  });
  const count = (f: (row: TrackerRow) => boolean) => rows.filter(f).length;
  return {
    departmentCode,
    period: periodCode,
    periodLabel: formatPeriodLabel(period),
    window: window ?? null,
    rows,
    summary: {
      expected: rows.length,
      /** Reached the department (approved by the body at least once). */
      received: count((r) => r.firstSubmittedAt !== null),
      accepted: count((r) => r.status === "accepted"),
      onTime: count((r) => r.timeliness === "on time"),
      late: count((r) => r.timeliness === "late" || r.timeliness === "overdue"),
    },
  };
}
