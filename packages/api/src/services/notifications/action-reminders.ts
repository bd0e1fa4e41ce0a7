import { listOrganisations, notificationRecipients } from "@complaints/db";
import { formatDate, isWorkingDay, ukDateOf, workingDaysBetween } from "@complaints/domain";
import { enqueueEmail } from "../email/outbox.ts";
import type { ScheduleHook } from "../jobs/runner.ts";

/** Working days before an action's due date on which its owner is reminded. */
export const actionReminderDays = 5;
/**
 * An overdue action's owner is told once, on a working day within this many after the due date: an
 * action long overdue when the service first runs the schedule is not announced years late.
 */
const overdueWindowDays = 5;

/**
 * Reminds the owner of an open learning action, when the owner named on it is a person with an
 * account who acts for the body (named by their email address or their name as the service shows
 * it), 5 working days before it is due and once when it is overdue. Keys name the person, action
 * and reminder, so each is sent once however many instances run the schedule.
 */
export const queueActionReminders: ScheduleHook = async (db, now) => {
  const today = ukDateOf(now);
  const open = await db.selectFrom("action_plans").select(["id", "organisation_code", "action", "owner", "due_date"]).where("completed_date", "is", null).execute();
  if (open.length === 0) return;
  const organisations = new Map((await listOrganisations(db)).map((o) => [o.code, o]));
  for (const plan of open) {
    const body = organisations.get(plan.organisation_code);
    if (!body || !isWorkingDay(today, body.region)) continue;
    const left = workingDaysBetween(today, plan.due_date, body.region);
    const overdue = today > plan.due_date && -left <= overdueWindowDays;
    if (left !== actionReminderDays && !overdue) continue;
    const owner = plan.owner.trim().toLowerCase();
    const people = (await notificationRecipients(db, { organisationCode: body.code, roles: ["submitter", "approver"], kind: "action-due" })).filter(
      (p) => p.email.toLowerCase() === owner || p.name.trim().toLowerCase() === owner,
    );
    for (const person of people) {
      await enqueueEmail(db, {
        kind: "action-due",
        to: person.email,
        idempotencyKey: `${person.id}:${plan.id}:${overdue ? "overdue" : `${left}-days`}`,
        now,
        data: { name: person.name, bodyName: body.name, action: plan.action, dueDate: formatDate(plan.due_date), overdue, path: `/agency/${body.code}/actions/${plan.id}` },
      });
    }
  }
};
