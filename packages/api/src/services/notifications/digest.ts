import { listOrganisations, notificationRecipients } from "@complaints/db";
import { departmentOf, formatDate, fromIsoDate, periodLabelOf, periodToAddress, requirePeriod, ukDateOf, type Organisation } from "@complaints/domain";
import { enqueueEmail } from "../email/outbox.ts";
import type { ScheduleHook } from "../jobs/runner.ts";
import { windowDueDate } from "../windows.ts";

/**
 * Every Monday, tells each department's oversight analysts of its late returns (due in an open
 * window, past the due date, not sent), returns waiting for the department's decision, and
 * overdue learning actions. Keyed by person and week: once a week, whichever instance runs first.
 */
export const queueWeeklyDigest: ScheduleHook = async (db, now) => {
  const today = ukDateOf(now);
  if (fromIsoDate(today).getUTCDay() !== 1) return;
  const week = today;
  const organisations = await listOrganisations(db);
  const departmentCodeOf = (code: string) => departmentOf(organisations, code);
  const windows = await db.selectFrom("reporting_windows").select(["department_code", "period", "due_date"]).where("closed_at", "is", null).execute();
  const returns = await db
    .selectFrom("returns as r")
    .leftJoin("return_revisions as v", (j) => j.onRef("v.return_id", "=", "r.id").onRef("v.revision", "=", "r.current_revision"))
    .select(["r.organisation_code", "r.period", "r.received_at", "v.status"])
    .execute();
  const actions = await db.selectFrom("action_plans").select(["organisation_code", "due_date"]).where("completed_date", "is", null).where("due_date", "<", today).execute();
  const active = (o: Organisation) => o.kind === "body" && o.activeFrom <= today && (o.activeTo === null || o.activeTo >= today);

  for (const dept of organisations.filter((o) => o.kind === "department")) {
    const bodies = organisations.filter((o) => active(o) && departmentCodeOf(o.code) === dept.code);
    const late: string[] = [];
    for (const window of windows.filter((w) => w.department_code === dept.code)) {
      for (const body of bodies) {
        const due = windowDueDate({ dueDate: window.due_date }, requirePeriod(window.period), body);
        const sent = returns.some((r) => r.organisation_code === body.code && r.period === window.period && r.received_at !== null);
        if (today > due && !sent) late.push(`${body.name}, ${periodLabelOf(window.period)} (due ${formatDate(due)})`);
      }
    }
    const waiting = returns
      .filter((r) => r.status === "approved" && departmentCodeOf(r.organisation_code) === dept.code)
      .map((r) => `${organisations.find((o) => o.code === r.organisation_code)?.name ?? r.organisation_code}, ${periodLabelOf(r.period)}`);
    const overdue = actions.filter((a) => departmentCodeOf(a.organisation_code) === dept.code).length;
    if (late.length === 0 && waiting.length === 0 && overdue === 0) continue;
    const latestPeriod = windows.filter((w) => w.department_code === dept.code).map((w) => w.period).sort().at(-1);
    const path = latestPeriod ? `/portal/${dept.code}/tracker/${periodToAddress(latestPeriod)}` : `/portal/${dept.code}/`;
    for (const person of await notificationRecipients(db, { organisationCode: dept.code, roles: ["oversight"], kind: "weekly-digest" })) {
      await enqueueEmail(db, { kind: "weekly-digest", to: person.email, idempotencyKey: `${person.id}:${week}`, now, data: { name: person.name, departmentName: dept.name, late, waiting, overdueActions: overdue, path } });
    }
  }
};
