import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface ReportingWindow {
  departmentCode: string;
  period: string;
  /** Set by an administrator; null means the default per body. */
  dueDate: string | null;
  openedAt: string;
  closedAt: string | null;
  /** Bodies given a later due date than the window's for this quarter. */
  extensions: WindowExtension[];
}

/** One body's later due date for a quarter, and why. */
export interface WindowExtension {
  organisationCode: string;
  dueDate: string;
  reason: string;
  extendedAt: string;
}

export async function listWindows(db: Kysely<Database>, departmentCodes: readonly string[]): Promise<ReportingWindow[]> {
  if (departmentCodes.length === 0) return [];
  const rows = await db
    .selectFrom("reporting_windows")
    .selectAll()
    .where("department_code", "in", departmentCodes)
    .orderBy("period", "desc")
    .orderBy("department_code")
    .execute();
  const extensions = await db.selectFrom("window_extensions").selectAll().where("department_code", "in", departmentCodes).orderBy("organisation_code").execute();
  return rows.map((r) => ({
    departmentCode: r.department_code,
    period: r.period,
    dueDate: r.due_date,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    extensions: extensions
      .filter((e) => e.department_code === r.department_code && e.period === r.period)
      .map((e) => ({ organisationCode: e.organisation_code, dueDate: e.due_date, reason: e.reason, extendedAt: e.extended_at })),
  }));
}

export async function getWindow(db: Kysely<Database>, departmentCode: string, period: string): Promise<ReportingWindow | undefined> {
  const [w] = (await listWindows(db, [departmentCode])).filter((x) => x.period === period);
  return w;
}

export async function upsertWindow(
  db: Kysely<Database>,
  w: { departmentCode: string; period: string; dueDate: string | null; openedBy: string; closedAt?: string | null },
  now: string,
): Promise<void> {
  await db
    .insertInto("reporting_windows")
    .values({ department_code: w.departmentCode, period: w.period, due_date: w.dueDate, opened_at: now, opened_by: w.openedBy, closed_at: w.closedAt ?? null })
    .onConflict((oc) => oc.columns(["department_code", "period"]).doUpdateSet({ due_date: w.dueDate, closed_at: w.closedAt ?? null }))
    .execute();
}

export async function closeWindow(db: Kysely<Database>, departmentCode: string, period: string, now: string): Promise<void> {
  await db.updateTable("reporting_windows").set({ closed_at: now }).where("department_code", "=", departmentCode).where("period", "=", period).execute();
}

/** Gives one body a later due date for a quarter (replacing an earlier extension of its own). */
export async function upsertWindowExtension(
  db: Kysely<Database>,
  e: { departmentCode: string; period: string; organisationCode: string; dueDate: string; reason: string; extendedBy: string },
  now: string,
): Promise<void> {
  const values = { due_date: e.dueDate, reason: e.reason, extended_at: now, extended_by: e.extendedBy };
  await db
    .insertInto("window_extensions")
    .values({ department_code: e.departmentCode, period: e.period, organisation_code: e.organisationCode, ...values })
    .onConflict((oc) => oc.columns(["period", "organisation_code"]).doUpdateSet(values))
    .execute();
}
