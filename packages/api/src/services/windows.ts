import { closeWindow, getWindow, listWindows, upsertWindow, appendAudit } from "@complaints/db";
import { defaultDueDate, departmentOf, DomainError, formatPeriodLabel, requirePeriod } from "@complaints/domain";
import { assertInScope } from "../scope.ts";
import type { ServiceContext } from "./actor.ts";

/** Reporting windows the caller can see. For a body's users, the due date shown is their own. */
export async function windowsInScope(ctx: ServiceContext, options: { openOnly?: boolean } = {}) {
  const departmentCodes = ctx.scope.organisations.filter((o) => o.kind === "department").map((o) => o.code);
  if (ctx.scope.departmentCode && !departmentCodes.includes(ctx.scope.departmentCode)) departmentCodes.push(ctx.scope.departmentCode);
  const body = ctx.scope.organisations.length === 1 && ctx.scope.organisations[0]!.kind === "body" ? ctx.scope.organisations[0]! : null;
  const windows = await listWindows(ctx.db, departmentCodes);
  return windows
    .filter((w) => !options.openOnly || w.closedAt === null)
    .map((w) => {
      const period = requirePeriod(w.period);
      return {
        ...w,
        periodLabel: formatPeriodLabel(period),
        open: w.closedAt === null,
        // A set date applies to every body; otherwise each body's nation decides its bank holidays.
        dueDate: w.dueDate ?? (body ? defaultDueDate(period, body.region) : defaultDueDate(period, "england-and-wales")),
        dueDateIsDefault: w.dueDate === null,
      };
    });
}

function assertDepartment(ctx: ServiceContext, departmentCode: string) {
  assertInScope(ctx.scope, departmentCode);
  const org = ctx.scope.organisations.find((o) => o.code === departmentCode);
  if (org?.kind !== "department" || departmentOf(ctx.scope.organisations, departmentCode) !== departmentCode) {
    throw new DomainError("INVALID_INPUT", `${departmentCode} is not a department.`);
  }
}

export async function openWindow(ctx: ServiceContext, input: { departmentCode: string; period: string; dueDate: string | null }) {
  assertDepartment(ctx, input.departmentCode);
  const period = requirePeriod(input.period);
  const before = await getWindow(ctx.db, input.departmentCode, input.period);
  await upsertWindow(ctx.db, { departmentCode: input.departmentCode, period: input.period, dueDate: input.dueDate, openedBy: ctx.actor.id, closedAt: null }, ctx.now);
  await appendAudit(ctx.db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action: before ? "window.updated" : "window.opened",
    entityType: "reporting_window",
    entityId: `${input.departmentCode} ${input.period}`,
    organisationCode: input.departmentCode,
    changes: [
      { field: "due_date", old: before?.dueDate ?? null, new: input.dueDate },
      { field: "closed_at", old: before?.closedAt ?? null, new: null },
    ],
    reason: null,
  });
  return { departmentCode: input.departmentCode, period: input.period, periodLabel: formatPeriodLabel(period), dueDate: input.dueDate };
}

/**
 * Closes a window: no new returns can be started for that quarter. Returns already open can still
 * be finished and sent, late, so nothing a body has entered is stranded.
 */
export async function closeReportingWindow(ctx: ServiceContext, input: { departmentCode: string; period: string }) {
  assertDepartment(ctx, input.departmentCode);
  const before = await getWindow(ctx.db, input.departmentCode, input.period);
  if (!before) throw new DomainError("NOT_FOUND", `There is no reporting window for ${formatPeriodLabel(requirePeriod(input.period))}.`);
  await closeWindow(ctx.db, input.departmentCode, input.period, ctx.now);
  await appendAudit(ctx.db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action: "window.closed",
    entityType: "reporting_window",
    entityId: `${input.departmentCode} ${input.period}`,
    organisationCode: input.departmentCode,
    changes: [{ field: "closed_at", old: before.closedAt, new: ctx.now }],
    reason: null,
  });
}
