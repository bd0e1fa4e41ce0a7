import { randomUUID } from "node:crypto";
import { hashPassword } from "@complaints/api";
import {
  appendAudit,
  appendAuditMany,
  insertActionPlan,
  insertActionReview,
  insertReturn,
  insertRevision,
  grantUserOrganisation,
  insertUser,
  listOrganisations,
  upsertOrganisations,
  upsertWindow,
  updateRevision,
  type AuditEntry,
  type Database,
  type Kysely,
} from "@complaints/db";
import {
  addDays,
  defaultDueDate,
  formatPeriodCode,
  periodContaining,
  periodFromIndex,
  periodIndex,
  ukDateOf,
  type FieldValue,
  type ReturnStatus,
  type Role,
} from "@complaints/domain";
import { random } from "./draws.ts";
import { syntheticActionPlans } from "./synthetic-action-plans.ts";
import { syntheticOrganisations, syntheticReturns } from "./synthetic.ts";

/** Demo accounts, one for every role (listed in the README). Demo only: never in production. */
export const demoPassword = "complaints-demo-2026";
export const demoAccounts: { email: string; name: string; role: Role; organisation: string }[] = [
  { email: "submitter@demo.example", name: "Sam Submitter", role: "submitter", organisation: "DES-LIC1" },
  { email: "submitter2@demo.example", name: "Sasha Second-Submitter", role: "submitter", organisation: "DES-LIC1" },
  { email: "approver@demo.example", name: "Alex Approver", role: "approver", organisation: "DES-LIC1" },
  { email: "shared.team@demo.example", name: "Shay Shared-Team", role: "submitter", organisation: "DES-LIC1" },
  { email: "oversight@demo.example", name: "Olu Oversight", role: "oversight", organisation: "DES" },
  { email: "secretariat@demo.example", name: "Sian Secretariat", role: "secretariat", organisation: "DES" },
  { email: "admin@demo.example", name: "Ade Admin", role: "admin", organisation: "DES" },
  { email: "oversight.msa@demo.example", name: "Morgan Oversight", role: "oversight", organisation: "MSA" },
  { email: "oversight.dip@demo.example", name: "Dana Oversight", role: "oversight", organisation: "DIP" },
];

/** Other bodies a demo account acts for besides its own. */
export const demoAlsoActsFor: Record<string, string[]> = { "shared.team@demo.example": ["DES-BEN3"] };

/**
 * Every other body's complaints team and senior accountable officer, so each demo return is
 * submitted, approved and decided by people of its own body and department, as the rules say:
 * `team.<code>@demo.example` and `sao.<code>@demo.example` (lower case), with the demo password.
 */
function bodyAccounts(code: string): { submitter: { email: string; name: string }; approver: { email: string; name: string } } {
  const slug = code.toLowerCase();
  return {
    submitter: { email: `team.${slug}@demo.example`, name: `Complaints team, ${code}` },
    approver: { email: `sao.${slug}@demo.example`, name: `Senior accountable officer, ${code}` },
  };
}

export interface DemoSummary {
  departments: number;
  bodies: number;
  returns: number;
  actionPlans: number;
  periods: string[];
}

/**
 * Loads the demo: 3 departments, 40 bodies of varied size, 8 quarters up to the last finished one,
 * seasonality, a few outliers, digital complaints rising across several bodies of one department,
 * some late and returned submissions, and the latest quarter still in progress.
 */
export async function seedDemo(db: Kysely<Database>, now: Date): Promise<DemoSummary> {
  if ((await listOrganisations(db)).length > 0) throw new Error("The database already has organisations; the demo loads only into an empty database.");
  const stamp = now.toISOString();
  const last = periodIndex(periodContaining(ukDateOf(now))) - 1;
  const first = last - 7;
  const world = syntheticOrganisations({ departments: 3, bodiesPerDepartment: [14, 13, 13], seed: 2026, firstPeriodIndex: first, lastPeriodIndex: last });
  // The demo accounts' body is the first body of DES.
  world.bodies[0]!.organisation = { ...world.bodies[0]!.organisation, code: "DES-LIC1", name: "Licensing Agency (synthetic)" };
  const organisations = await seedOrganisations(db, world, stamp);
  const people = await seedAccounts(db, world, stamp);
  const periods = await seedWindows(db, world, { first, last }, stamp);
  const returns = await seedReturns(db, { world, organisations, people, first, last, stamp });
  const actionPlans = await seedActionPlans(db, world, people, now);
  return { departments: world.departments.length, bodies: world.bodies.length, returns, actionPlans, periods };
}

type World = ReturnType<typeof syntheticOrganisations>;
type Organisations = Awaited<ReturnType<typeof seedOrganisations>>;

/** Who acts in the demo: each body's submitter and approver (ids), their names, and each department's oversight decider. */
interface DemoPeople {
  actors: Map<string, { submitter: string; approver: string }>;
  submitterNames: Map<string, string>;
  approverNames: Map<string, string>;
  deciders: Map<string, string>;
}

/** Every department and body, each with its audit entry. */
async function seedOrganisations(db: Kysely<Database>, world: World, stamp: string) {
  const organisations = [...world.departments, ...world.bodies.map((b) => b.organisation)];
  await upsertOrganisations(db, organisations, stamp);
  await appendAuditMany(
    db,
    organisations.map((o) => ({
      at: stamp,
      actorUserId: null,
      actor: "demo",
      action: "organisation.added",
      entityType: "organisation",
      entityId: o.code,
      organisationCode: o.code,
      changes: [{ field: "name", old: null, new: o.name }],
      reason: "Synthetic demo data",
    })),
  );
  return organisations;
}

/** The demo accounts, and every other body's own complaints team and senior accountable officer. */
async function seedAccounts(db: Kysely<Database>, world: World, stamp: string): Promise<DemoPeople> {
  const users = new Map<string, string>();
  const passwordHash = await hashPassword(demoPassword);
  for (const a of demoAccounts) {
    const id = randomUUID();
    users.set(a.email, id);
    await insertUser(db, { id, email: a.email, displayName: a.name, passwordHash, role: a.role, organisationCode: a.organisation }, stamp);
    await appendAudit(db, { at: stamp, actorUserId: null, actor: "demo", action: "user.added", entityType: "user", entityId: id, organisationCode: a.organisation, changes: [{ field: "role", old: null, new: a.role }], reason: "Demo account" });
  }
  // A shared complaints team acts for two bodies (the organisation switcher).
  for (const code of demoAlsoActsFor["shared.team@demo.example"] ?? []) await grantUserOrganisation(db, users.get("shared.team@demo.example")!, code, stamp);

  // Who acts for each body and department: the demo accounts where there are some, otherwise the body's own team.
  const actors = new Map<string, { submitter: string; approver: string }>();
  const submitterNames = new Map<string, string>([[users.get("submitter@demo.example")!, demoAccounts[0]!.name]]);
  const approverNames = new Map<string, string>([[users.get("approver@demo.example")!, demoAccounts.find((a) => a.email === "approver@demo.example")!.name]]);
  for (const body of world.bodies.map((b) => b.organisation)) {
    if (body.code === "DES-LIC1") {
      actors.set(body.code, { submitter: users.get("submitter@demo.example")!, approver: users.get("approver@demo.example")! });
      continue;
    }
    const accounts = bodyAccounts(body.code);
    const ids = { submitter: randomUUID(), approver: randomUUID() };
    submitterNames.set(ids.submitter, accounts.submitter.name);
    approverNames.set(ids.approver, accounts.approver.name);
    await insertUser(db, { id: ids.submitter, email: accounts.submitter.email, displayName: accounts.submitter.name, passwordHash, role: "submitter", organisationCode: body.code }, stamp);
    await insertUser(db, { id: ids.approver, email: accounts.approver.email, displayName: accounts.approver.name, passwordHash, role: "approver", organisationCode: body.code }, stamp);
    actors.set(body.code, ids);
  }
  const deciders = new Map(demoAccounts.filter((a) => a.role === "oversight").map((a) => [a.organisation, users.get(a.email)!]));
  return { actors, submitterNames, approverNames, deciders };
}

/** Each department's reporting window for every quarter, closed except the latest's; returns the quarters' codes. */
async function seedWindows(db: Kysely<Database>, world: World, quarters: { first: number; last: number }, stamp: string): Promise<string[]> {
  const periods: string[] = [];
  for (let p = quarters.first; p <= quarters.last; p += 1) {
    const code = formatPeriodCode(periodFromIndex(p));
    periods.push(code);
    for (const d of world.departments) {
      await upsertWindow(db, { departmentCode: d.code, period: code, dueDate: null, openedBy: "demo", closedAt: p === quarters.last ? null : stamp }, stamp);
    }
  }
  return periods;
}

/** The latest quarter is still in progress: a mix of every state, some not started at all (null). Earlier quarters' returns were accepted. */
function demoStatus(latest: boolean, roll: number): ReturnStatus | null {
  if (!latest) return "accepted";
  if (roll < 0.08) return null;
  return roll < 0.16 ? "draft" : roll < 0.22 ? "returned" : roll < 0.32 ? "submitted" : roll < 0.45 ? "approved" : "accepted";
}

/** Every body's synthetic returns, each taken through the workflow as far as its status; returns how many were made. */
async function seedReturns(db: Kysely<Database>, demo: { world: World; organisations: Organisations; people: DemoPeople; first: number; last: number; stamp: string }): Promise<number> {
  const { people, last, stamp } = demo;
  const returns = syntheticReturns(demo.world, demo.first, last, 2026);
  const rng = random(99);
  const byCode = new Map(demo.organisations.map((o) => [o.code, o]));
  const audit = [];
  for (const r of returns) {
    const org = byCode.get(r.organisationCode)!;
    const due = defaultDueDate(periodFromIndex(r.periodIndex), org.region);
    const latest = r.periodIndex === last;
    let status = demoStatus(latest, rng());
    if (status === null) continue; // not started
    if (r.organisationCode === "DES-LIC1" && latest) status = "draft";
    const late = rng() < 0.12;
    const submittedDate = late ? addDays(due, 1 + Math.floor(rng() * 10)) : addDays(due, -1 - Math.floor(rng() * 8));
    const submittedAt = `${submittedDate}T10:${String(Math.floor(rng() * 60)).padStart(2, "0")}:00.000Z`;
    const reachedDepartment = status === "approved" || status === "accepted" || status === "returned";
    const id = randomUUID();
    const oversightId = people.deciders.get(org.parentCode!);
    if (!oversightId) throw new Error(`The demo has no oversight account for ${org.parentCode}.`);
    await insertReturn(db, { id, organisationCode: r.organisationCode, period: r.period, periodIndex: r.periodIndex, now: stamp, received: reachedDepartment ? { at: submittedAt, dueDate: due } : null });
    const values = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null));
    // A few accepted returns were corrected after acceptance: revision 1 kept, revision 2 current ([r]).
    const revisedLater = !latest && rng() < 0.04;
    await seedRevisions(db, { returnId: id, templateVersion: r.templateVersion, values, status, revisedLater, submittedAt, ...people.actors.get(r.organisationCode)!, oversightId, stamp });
    audit.push({ at: stamp, actorUserId: null, actor: "demo", action: "return.seeded", entityType: "return", entityId: id, organisationCode: r.organisationCode, changes: [{ field: "status", old: null, new: status }], reason: "Synthetic demo data" });
  }
  await appendAuditMany(db, audit);
  return audit.length;
}

interface DemoRevisions {
  returnId: string;
  templateVersion: number;
  values: Record<string, FieldValue>;
  status: ReturnStatus;
  /** Corrected after acceptance: revision 1 had two complaints recorded twice. */
  revisedLater: boolean;
  submittedAt: string;
  submitter: string;
  approver: string;
  oversightId: string;
  stamp: string;
}

/** A return's revisions, each saved as a draft and then moved to the return's status with who did what when. */
async function seedRevisions(db: Kysely<Database>, r: DemoRevisions): Promise<void> {
  const { values, status, revisedLater, submittedAt, stamp } = r;
  const submitted = status !== "draft";
  const reachedDepartment = status === "approved" || status === "accepted" || status === "returned";
  const notes = Object.fromEntries(Object.entries(values).filter(([, v]) => v === "[z]").map(([k]) => [k, "This body has no independent review tier."]));
  // A return the department returned keeps revision 1 as it was sent; the body corrects revision 2.
  const revisions = revisedLater || status === "returned" ? [1, 2] : [1];
  for (const revision of revisions) {
    const revisionId = randomUUID();
    const revisionValues = revisedLater && revision === 1 ? { ...values, received: (values.received as number) - 2, carried_forward: (values.carried_forward as number) - 2, "received_by_channel.online": Math.max(0, (values["received_by_channel.online"] as number) - 2) } : values;
    await insertRevision(db, {
      id: revisionId,
      returnId: r.returnId,
      revision,
      templateVersion: r.templateVersion,
      status: "draft",
      values: revisionValues,
      notes,
      explanations: {},
      by: r.submitter,
      now: stamp,
      reopenReason: revisedLater && revision === 2 ? "The body found two complaints recorded twice." : null,
    });
    // The body's correction of a returned return has not been submitted or signed off yet.
    const correcting = status === "returned" && revision === 2;
    await updateRevision(db, revisionId, 1, {
      status,
      submitted_at: submitted && !correcting ? submittedAt : null,
      submitted_by: submitted && !correcting ? r.submitter : null,
      approved_at: reachedDepartment && !correcting ? submittedAt : null,
      approved_by: reachedDepartment && !correcting ? r.approver : null,
      decided_at: status === "accepted" || status === "returned" ? submittedAt : null,
      decided_by: status === "accepted" || status === "returned" ? r.oversightId : null,
      return_reason: status === "returned" ? "The early resolution outcomes do not match last quarter's pattern: please check them." : null,
      updated_at: stamp,
      updated_by: "demo",
    });
  }
}

/**
 * A handful of learning action plans for each body open today: some overdue, some completed (on time
 * and late), some publishable (approved once completed). Returns how many were made.
 */
async function seedActionPlans(db: Kysely<Database>, world: World, people: DemoPeople, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const today = ukDateOf(now);
  const planRng = random(7);
  const planAudit: AuditEntry[] = [];
  let actionPlans = 0;
  // One transaction: a few hundred small inserts.
  await db.transaction().execute(async (trx) => {
    for (const body of world.bodies.filter((b) => b.organisation.activeFrom <= today && (b.organisation.activeTo === null || b.organisation.activeTo >= today))) {
      const { submitter: submitterId, approver: approverId } = people.actors.get(body.organisation.code)!;
      for (const plan of syntheticActionPlans(body, today, planRng)) {
        const id = randomUUID();
        // A completed publishable plan's summary was approved by the body's senior accountable officer
        // (the day it was verified), so the demo's published learning is not empty.
        const approvedAt = plan.completion && plan.fields.publishable ? [`${plan.completion.verifiedDate}T09:00:00.000Z`, stamp].sort()[0]! : null;
        const approval = approvedAt ? { publicationApprovedBy: approverId, publicationApprovedByName: people.approverNames.get(approverId)!, publicationApprovedAt: approvedAt } : {};
        await insertActionPlan(trx, { id, organisationCode: body.organisation.code, ...plan.fields, ...(plan.completion ?? { completedDate: null, verifiedBy: null, verifiedDate: null, verificationNote: null }), ...approval, createdAt: stamp, createdBy: submitterId });
        for (const review of plan.reviews) {
          await insertActionReview(trx, id, { id: randomUUID(), date: review.date, note: review.note, recordedBy: submitterId, recordedByName: people.submitterNames.get(submitterId)!, recordedAt: stamp });
        }
        actionPlans += 1;
        planAudit.push({ at: stamp, actorUserId: null, actor: "demo", action: "action.seeded", entityType: "action", entityId: id, organisationCode: body.organisation.code, changes: [{ field: "action", old: null, new: plan.fields.action }], reason: "Synthetic demo data" });
        if (approvedAt) {
          planAudit.push({ at: stamp, actorUserId: approverId, actor: "demo", action: "action.publicationApproved", entityType: "action", entityId: id, organisationCode: body.organisation.code, changes: [{ field: "publicationApprovedAt", old: null, new: approvedAt }], reason: "Synthetic demo data" });
        }
      }
    }
  });
  await appendAuditMany(db, planAudit);
  return actionPlans;
}
