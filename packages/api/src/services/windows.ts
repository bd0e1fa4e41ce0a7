import { closeWindow, getWindow, listWindows, upsertWindow, upsertWindowExtension, appendAudit, type ReportingWindow } from "@complaints/db";
import { defaultDueDate, departmentOf, DomainError, formatDate, formatPeriodLabel, isActiveIn, periodDates, requirePeriod, ukDateOf, workingDaysBetween, type Organisation, type ReportingPeriod } from "@complaints/domain";
import { z } from "zod";
import { isoDateSchema, organisationCodeSchema, periodCodeSchema } from "@complaints/domain";
import { auditActor } from "../system-context.ts";
import type { ServiceContext } from "./actor.ts";

/**
 * The due date of a body's return: its own extension when the department gave it one, else the
 * window's date when the department set one, otherwise 20 working days after quarter end in the body's nation.
 */
export function windowDueDate(
  window: (Pick<ReportingWindow, "dueDate"> & Partial<Pick<ReportingWindow, "extensions">>) | undefined | null,
  period: ReportingPeriod,
  body: Pick<Organisation, "region"> & { code?: string },
): string {
  const extension = body.code === undefined ? undefined : window?.extensions?.find((e) => e.organisationCode === body.code);
  return extension?.dueDate ?? window?.dueDate ?? defaultDueDate(period, body.region);
}

/** The due date in force now for a body's return for a quarter (read from its department's window). */
export async function dueDateFor(ctx: ServiceContext, body: Organisation, periodCode: string): Promise<string> {
  const departmentCode = departmentOf(ctx.scope.organisations, body.code) ?? ctx.scope.departmentCode;
  const window = departmentCode ? await getWindow(ctx.db, departmentCode, periodCode) : undefined;
  return windowDueDate(window, requirePeriod(periodCode), body);
}

/**
 * Working days from today (UK date) to a due date in a body's nation: 0 on the due date itself,
 * negative once it has passed. The server answers this because browsers do not load the
 * bank-holiday calendars (domain `browser` entry).
 */
export function workingDaysLeft(now: string, dueDate: string, body: Pick<Organisation, "region">): { workingDaysLeft: number; overdue: boolean } {
  const today = ukDateOf(now);
  return { workingDaysLeft: workingDaysBetween(today, dueDate, body.region), overdue: today > dueDate };
}

/**
 * Reporting windows the caller can see. For a body's users, the due date shown is their own, with
 * the working days left until it (`workingDaysLeft`, `overdue`; null for a department's users, whose
 * bodies are in different nations).
 */
export async function windowsInScope(ctx: ServiceContext, options: { openOnly?: boolean; organisationCode?: string | undefined } = {}) {
  // A user acting for several bodies names the one the figures are for; one body's user need not.
  const named = options.organisationCode ? ctx.scope.organisation(options.organisationCode, "body") : null;
  const only = ctx.scope.organisations.length === 1 && ctx.scope.organisations[0]!.kind === "body" ? ctx.scope.organisations[0]! : null;
  const body = named ?? only;
  const departmentCodes = named ? [] : ctx.scope.organisations.filter((o) => o.kind === "department").map((o) => o.code);
  const ownDepartment = named ? (departmentOf(ctx.scope.organisations, named.code) ?? ctx.scope.departmentCode) : ctx.scope.departmentCode;
  if (ownDepartment && !departmentCodes.includes(ownDepartment)) departmentCodes.push(ownDepartment);
  const windows = await listWindows(ctx.db, departmentCodes);
  return windows
    .filter((w) => !options.openOnly || w.closedAt === null)
    .map((w) => {
      const period = requirePeriod(w.period);
      // A set date applies to every body; otherwise each body's nation decides its bank holidays.
      const dueDate = windowDueDate(w, period, body ?? { region: "england-and-wales" });
      return {
        ...w,
        periodLabel: formatPeriodLabel(period),
        open: w.closedAt === null,
        dueDate,
        dueDateIsDefault: w.dueDate === null,
        ...(body ? workingDaysLeft(ctx.now, dueDate, body) : { workingDaysLeft: null, overdue: null }),
      };
    });
}

export function assertDepartment(ctx: ServiceContext, departmentCode: string) {
  ctx.scope.organisation(departmentCode, "department");
  // Windows belong to a top-level department, not to a group inside one.
  if (departmentOf(ctx.scope.organisations, departmentCode) !== departmentCode) {
    throw new DomainError("INVALID_INPUT", `${departmentCode} is not a department.`);
  }
}

export async function openWindow(ctx: ServiceContext, input: { departmentCode: string; period: string; dueDate: string | null }) {
  assertDepartment(ctx, input.departmentCode);
  const period = requirePeriod(input.period);
  const { end } = periodDates(period);
  if (input.dueDate !== null && input.dueDate <= end) throw new DomainError("INVALID_INPUT", `The due date must be after the quarter ends, ${formatDate(end)}.`);
  // The window and its audit entry are written together or not at all.
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getWindow(trx, input.departmentCode, input.period);
    await upsertWindow(trx, { departmentCode: input.departmentCode, period: input.period, dueDate: input.dueDate, openedBy: ctx.actor.id, closedAt: null }, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
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
  });
  return { departmentCode: input.departmentCode, period: input.period, periodLabel: formatPeriodLabel(period), dueDate: input.dueDate };
}

/**
 * Closes a window: no new returns can be started for that quarter. Returns already open can still
 * be finished and sent, late, so nothing a body has entered is stranded.
 */
export async function closeReportingWindow(ctx: ServiceContext, input: { departmentCode: string; period: string }) {
  assertDepartment(ctx, input.departmentCode);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getWindow(trx, input.departmentCode, input.period);
    if (!before) throw new DomainError("NOT_FOUND", `There is no reporting window for ${formatPeriodLabel(requirePeriod(input.period))}.`);
    if (before.closedAt !== null) throw new DomainError("CONFLICT", `The reporting window for ${formatPeriodLabel(requirePeriod(input.period))} is already closed.`);
    await closeWindow(trx, input.departmentCode, input.period, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "window.closed",
      entityType: "reporting_window",
      entityId: `${input.departmentCode} ${input.period}`,
      organisationCode: input.departmentCode,
      changes: [{ field: "closed_at", old: before.closedAt, new: ctx.now }],
      reason: null,
    });
  });
}

/** The bodies of a department expected to report for a quarter (active in it), in the caller's scope. */
function expectedBodies(ctx: ServiceContext, departmentCode: string, period: ReportingPeriod): Organisation[] {
  return ctx.scope.organisations.filter((o) => o.kind === "body" && isActiveIn(o, period) && departmentOf(ctx.scope.organisations, o.code) === departmentCode);
}

/**
 * What opening a quarter would set, shown before saving: each expected body's due date (the date
 * given, or by default 20 working days after the quarter ends in the body's nation) and the
 * window as it stands, if it was opened before.
 */
export async function previewWindow(ctx: ServiceContext, input: { departmentCode: string; period: string; dueDate: string | null }) {
  assertDepartment(ctx, input.departmentCode);
  const period = requirePeriod(input.period);
  const { end } = periodDates(period);
  if (input.dueDate !== null && input.dueDate <= end) throw new DomainError("INVALID_INPUT", `The due date must be after the quarter ends, ${formatDate(end)}.`);
  const existing = await getWindow(ctx.db, input.departmentCode, input.period);
  const bodies = expectedBodies(ctx, input.departmentCode, period).map((b) => ({
    code: b.code,
    name: b.name,
    region: b.region,
    dueDate: windowDueDate({ dueDate: input.dueDate, extensions: existing?.extensions ?? [] }, period, b),
    extended: existing?.extensions.some((e) => e.organisationCode === b.code) ?? false,
  }));
  return { period: input.period, periodLabel: formatPeriodLabel(period), quarterEnds: end, dueDate: input.dueDate, existing: existing ?? null, bodies: bodies.toSorted((a, b) => a.name.localeCompare(b.name, "en-GB")) };
}

/** What an extension takes, checked the same way from the API and the command line. */
export const extendInput = z.object({
  departmentCode: organisationCodeSchema,
  period: periodCodeSchema,
  organisationCode: organisationCodeSchema,
  dueDate: isoDateSchema,
  reason: z.string().trim().min(1, "Enter why the due date is being extended").max(2000, "A reason must be 2,000 characters or fewer"),
});

/**
 * Gives one body a later due date for a quarter, with the reason (recorded in the audit log). Its
 * returns' timeliness is rated against it; a return already received keeps the date it was received against.
 */
export async function extendDueDate(ctx: ServiceContext, input: { departmentCode: string; period: string; organisationCode: string; dueDate: string; reason: string }) {
  assertDepartment(ctx, input.departmentCode);
  const period = requirePeriod(input.period);
  const body = ctx.scope.organisation(input.organisationCode, "body");
  if (departmentOf(ctx.scope.organisations, body.code) !== input.departmentCode) throw new DomainError("INVALID_INPUT", `${body.name} is not one of ${input.departmentCode}'s bodies.`);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("INVALID_INPUT", "Enter why the due date is being extended.");
  return ctx.db.transaction().execute(async (trx) => {
    const window = await getWindow(trx, input.departmentCode, input.period);
    if (!window) throw new DomainError("NOT_FOUND", `The reporting window for ${formatPeriodLabel(period)} has not been opened.`);
    const current = windowDueDate(window, period, body);
    if (input.dueDate <= current) throw new DomainError("INVALID_INPUT", `The new due date must be after ${body.name}'s current due date, ${formatDate(current)}.`);
    await upsertWindowExtension(trx, { departmentCode: input.departmentCode, period: input.period, organisationCode: body.code, dueDate: input.dueDate, reason, extendedBy: auditActor(ctx.actor).actorUserId ?? "cli" }, ctx.now);
    await appendAudit(trx, {
      at: ctx.now,
      ...auditActor(ctx.actor),
      action: "window.extended",
      entityType: "reporting_window",
      entityId: `${input.departmentCode} ${input.period}`,
      organisationCode: body.code,
      changes: [{ field: "due_date", old: current, new: input.dueDate }],
      reason,
    });
    return { organisationCode: body.code, name: body.name, periodLabel: formatPeriodLabel(period), dueDate: input.dueDate, previousDueDate: current };
  });
}
