import { listOrganisations, notificationRecipients } from "@complaints/db";
import { departmentOf, formatDate, isWorkingDay, periodLabelOf, periodToAddress, requirePeriod, ukDateOf, workingDaysBetween } from "@complaints/domain";
import { enqueueEmail } from "../email/outbox.ts";
import type { ScheduleHook } from "../jobs/runner.ts";
import { windowDueDate } from "../windows.ts";

/** Working days before the due date on which a body's team is reminded of a return not yet sent (0: the day itself). */
export const returnReminderDays = [10, 3, 0] as const;

/**
 * Reminds each body's submitters and approvers of a return due in an open window and not yet sent
 * (not yet approved for the department): 10 and 3 working days before the due date and on the day,
 * counted in the body's nation, on its working days only. The key names the person, body, quarter
 * and reminder, so however often and on however many instances this runs, each is sent once.
 */
export const queueReturnReminders: ScheduleHook = async (db, now) => {
  const today = ukDateOf(now);
  const windows = await db.selectFrom("reporting_windows").select(["department_code", "period", "due_date"]).where("closed_at", "is", null).execute();
  if (windows.length === 0) return;
  const organisations = await listOrganisations(db);
  const sent = await db
    .selectFrom("returns")
    .select(["organisation_code", "period"])
    .where("received_at", "is not", null)
    .where("period", "in", [...new Set(windows.map((w) => w.period))])
    .execute();
  const isSent = new Set(sent.map((r) => `${r.organisation_code} ${r.period}`));
  for (const window of windows) {
    const period = requirePeriod(window.period);
    const bodies = organisations.filter(
      (o) => o.kind === "body" && o.activeFrom <= today && (o.activeTo === null || o.activeTo >= today) && departmentOf(organisations, o.code) === window.department_code,
    );
    for (const body of bodies) {
      if (isSent.has(`${body.code} ${window.period}`) || !isWorkingDay(today, body.region)) continue;
      const dueDate = windowDueDate({ dueDate: window.due_date }, period, body);
      const daysLeft = workingDaysBetween(today, dueDate, body.region);
      if (!(returnReminderDays as readonly number[]).includes(daysLeft) || today > dueDate) continue;
      const recipients = await notificationRecipients(db, { organisationCode: body.code, roles: ["submitter", "approver"], kind: "return-due" });
      for (const person of recipients) {
        await enqueueEmail(db, {
          kind: "return-due",
          to: person.email,
          idempotencyKey: `${person.id}:${body.code}:${window.period}:${daysLeft}`,
          now,
          data: { name: person.name, bodyName: body.name, periodLabel: periodLabelOf(window.period), path: `/agency/${body.code}/returns/${periodToAddress(window.period)}/`, dueDate: formatDate(dueDate), workingDaysLeft: daysLeft },
        });
      }
    }
  }
};
