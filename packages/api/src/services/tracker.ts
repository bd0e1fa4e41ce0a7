import { getWindow, listCurrentReturns, type CurrentReturn } from "@complaints/db";
import {
  formatPeriodLabel,
  isActiveIn,
  isSent,
  periodIndex,
  requirePeriod,
  returnStatusLabels,
  subtreeCodes,
  ukDateOf,
  type BodyType,
  type ReturnStatus,
} from "@complaints/domain";
import type { ServiceContext } from "./actor.ts";
import { windowDueDate } from "./windows.ts";

export type TrackerStatus = ReturnStatus | "not started";
export type Timeliness = "on time" | "late" | "overdue" | "not yet due" | "not recorded";

/** How the tracker names a status: the domain's words, and a body with no return yet. */
const statusLabels: Record<TrackerStatus, string> = { "not started": "Not started", ...returnStatusLabels };

export interface TrackerRow {
  organisationCode: string;
  name: string;
  /** The body's classification (executive agency, non-departmental public body, …): the tracker filters by it. */
  bodyType: BodyType;
  returnId: string | null;
  /**
   * The status the department sees: the last revision sent to it when a correction is being
   * prepared on top of it (with `correctionInProgress`), otherwise the current revision's.
   */
  status: TrackerStatus;
  /** "In draft", "Waiting for sign-off", "Accepted, correction in progress", "Returned by the department", … */
  statusLabel: string;
  /** A later revision is being prepared by the body; the sent figures still count. */
  correctionInProgress: boolean;
  /** The revision whose status is shown. */
  revision: number | null;
  /** For a returned return: sent back by the body's own approver, or returned by the department. */
  returnedBy: "approver" | "department" | null;
  /** The due date that applied when the return was received; before that, the one in force now. */
  dueDate: string;
  receivedAt: string | null;
  /**
   * From the time the return reached the department (its first approval), against the due date in
   * force then: on time or late; before that, not yet due or overdue. Returns loaded from history
   * files have no such time.
   */
  timeliness: Timeliness;
}

function rowStatus(current: CurrentReturn | undefined, sent: CurrentReturn | undefined) {
  if (!current) return { shown: undefined, status: "not started" as const, correctionInProgress: false };
  const correctionInProgress = sent !== undefined && sent.revision < current.revision && !isSent(current.status);
  const shown = correctionInProgress ? sent : current;
  return { shown, status: shown.status, correctionInProgress };
}

/**
 * Every body expected to report for a quarter (active in it, by its dates; DHIS2's users' complaint
 * that reporting rates go wrong when organisations open or close) with its return's status and
 * whether it came on time, computed from the time it reached the department, not from a button.
 */
export async function submissionTracker(ctx: ServiceContext, departmentCode: string, periodCode: string) {
  ctx.scope.organisation(departmentCode, "department");
  const period = requirePeriod(periodCode);
  const below = new Set(subtreeCodes(ctx.scope.organisations, departmentCode));
  const bodies = ctx.scope.organisations.filter((o) => o.kind === "body" && below.has(o.code) && isActiveIn(o, period));
  const window = await getWindow(ctx.db, departmentCode, periodCode);
  const index = periodIndex(period);
  const codes = bodies.map((b) => b.code);
  const byBody = (list: CurrentReturn[]) => new Map(list.map((r) => [r.organisationCode, r]));
  const current = byBody(await listCurrentReturns(ctx.db, codes, index, index, { withValues: false }));
  // A return's current revision is the one sent, unless a later revision is being prepared: only
  // those (rare) need the last revision sent looked up.
  const correcting = [...current.values()].filter((r) => r.revision > 1 && !isSent(r.status)).map((r) => r.organisationCode);
  const sent = new Map([...current.values()].filter((r) => isSent(r.status)).map((r) => [r.organisationCode, r]));
  if (correcting.length > 0) for (const [code, r] of byBody(await listCurrentReturns(ctx.db, correcting, index, index, { revision: "sent", withValues: false }))) sent.set(code, r);
  const today = ukDateOf(ctx.now);

  const rows: TrackerRow[] = bodies.map((body) => {
    const r = current.get(body.code);
    const { shown, status, correctionInProgress } = rowStatus(r, sent.get(body.code));
    const receivedAt = r?.receivedAt ?? null;
    const dueDate = r?.dueDateAtReceipt ?? windowDueDate(window, period, body);
    const returnedBy = status === "returned" ? (shown?.decidedBy ? "department" : "approver") : null;
    // History loaded from files reached the department at a time nobody recorded.
    const timeliness: Timeliness = receivedAt
      ? ukDateOf(receivedAt) <= dueDate
        ? "on time"
        : "late"
      : sent.has(body.code)
        ? "not recorded"
        : today > dueDate
          ? "overdue"
          : "not yet due";
    const statusLabel =
      returnedBy === "department"
        ? "Returned by the department"
        : returnedBy === "approver"
          ? "Sent back by the senior accountable officer"
          : `${statusLabels[status]}${correctionInProgress ? ", correction in progress" : ""}`;
    return {
      organisationCode: body.code,
      name: body.name,
      bodyType: body.bodyType,
      returnId: r?.returnId ?? null,
      status,
      statusLabel,
      correctionInProgress,
      revision: shown?.revision ?? null,
      returnedBy,
      dueDate,
      receivedAt,
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
      /** Reached the department (approved by the body at least once, or loaded as history). */
      received: count((r) => r.receivedAt !== null || r.timeliness === "not recorded"),
      accepted: count((r) => r.status === "accepted"),
      onTime: count((r) => r.timeliness === "on time"),
      late: count((r) => r.timeliness === "late" || r.timeliness === "overdue"),
      returned: count((r) => r.status === "returned"),
    },
  };
}
