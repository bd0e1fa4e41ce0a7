import { appendAudit, getOrganisation, serviceAreaInUse, upsertOrganisations, type AuditChange } from "@complaints/db";
import { z } from "zod";
import {
  bankHolidayRegionSchema,
  bodyTypes,
  isoDateSchema,
  organisationCodeSchema,
  serviceAreaSchema,
  departmentOf,
  DomainError,
  formatDate,
  closingQuarters,
  isActiveIn,
  periodContaining,
  ukDateOf,
  type Organisation,
} from "@complaints/domain";
import { auditActor } from "../system-context.ts";
import type { ServiceContext } from "./actor.ts";

const nameSchema = z.string().trim().min(1, "Enter a name").max(200, "A name must be 200 characters or fewer");
const areaLabelSchema = z.string().trim().min(1, "Enter the service area's name").max(200, "A service area's name must be 200 characters or fewer");
const areaInput = z.object({ organisationCode: organisationCodeSchema, areaCode: serviceAreaSchema.shape.code });

/** What each change takes, checked the same way from the API and the command line. */
export const organisationInputs = {
  addDepartment: z.object({ code: organisationCodeSchema, name: nameSchema, type: z.enum(["ministerial department", "non-ministerial department"]).default("ministerial department"), region: bankHolidayRegionSchema, activeFrom: isoDateSchema }),
  add: z.object({ departmentCode: organisationCodeSchema, code: organisationCodeSchema, name: nameSchema, bodyType: z.enum(bodyTypes), region: bankHolidayRegionSchema, activeFrom: isoDateSchema }),
  rename: z.object({ code: organisationCodeSchema, name: nameSchema }),
  close: z.object({ code: organisationCodeSchema, activeTo: isoDateSchema, reason: z.string().max(2000, "A reason must be 2,000 characters or fewer").optional() }),
  addServiceArea: areaInput.extend({ label: areaLabelSchema }),
  renameServiceArea: areaInput.extend({ label: areaLabelSchema }),
  retireServiceArea: areaInput.extend({ retired: z.boolean() }),
  deleteServiceArea: areaInput,
};

/** A body to add under a department. */
export type NewBody = z.infer<typeof organisationInputs.add>;

/** The department itself (not a group inside one), in the caller's scope. */
export function ownDepartment(ctx: ServiceContext, departmentCode: string): Organisation {
  const dept = ctx.scope.organisation(departmentCode, "department");
  if (departmentOf(ctx.scope.organisations, departmentCode) !== departmentCode) throw new DomainError("INVALID_INPUT", `${departmentCode} is not a department.`);
  return dept;
}

/** Writes the organisation as changed and its audit entry together, or neither. */
async function save(ctx: ServiceContext, org: Organisation, action: string, changes: AuditChange[], reason: string | null = null): Promise<Organisation> {
  await ctx.db.transaction().execute(async (trx) => {
    await upsertOrganisations(trx, [org], ctx.now);
    await appendAudit(trx, { at: ctx.now, ...auditActor(ctx.actor), action, entityType: "organisation", entityId: org.code, organisationCode: org.code, changes, reason });
  });
  return org;
}

/**
 * Adds a department: the first step of a department going live, from the command line only (no
 * department's administrator may create another department). Its first administrator is then
 * added with `users add`, and everything else is done from its admin pages.
 */
export async function addDepartment(ctx: ServiceContext, input: z.infer<typeof organisationInputs.addDepartment>): Promise<Organisation> {
  if (await getOrganisation(ctx.db, input.code)) throw new DomainError("CONFLICT", `There is already an organisation with code ${input.code}. Choose another code.`);
  const org: Organisation = { code: input.code, name: input.name, kind: "department", bodyType: input.type, parentCode: null, region: input.region, activeFrom: input.activeFrom, activeTo: null, serviceAreas: [] };
  return save(ctx, org, "organisation.added", [
    { field: "name", old: null, new: org.name },
    { field: "body_type", old: null, new: org.bodyType },
    { field: "region", old: null, new: org.region },
    { field: "active_from", old: null, new: org.activeFrom },
  ]);
}

/** Adds a body under a department, expected to report from the quarter its start date falls in. */
export async function addBody(ctx: ServiceContext, input: NewBody): Promise<Organisation> {
  const dept = ownDepartment(ctx, input.departmentCode);
  // Codes are unique across every department, so the check reads the whole table, not the scope.
  if (await getOrganisation(ctx.db, input.code)) throw new DomainError("CONFLICT", `There is already an organisation with code ${input.code}. Choose another code.`);
  const org: Organisation = {
    code: input.code,
    name: input.name,
    kind: "body",
    bodyType: input.bodyType,
    parentCode: dept.code,
    region: input.region,
    activeFrom: input.activeFrom,
    activeTo: null,
    serviceAreas: [],
  };
  return save(ctx, org, "organisation.added", [
    { field: "name", old: null, new: org.name },
    { field: "body_type", old: null, new: org.bodyType },
    { field: "region", old: null, new: org.region },
    { field: "active_from", old: null, new: org.activeFrom },
  ]);
}

export async function renameBody(ctx: ServiceContext, input: { code: string; name: string }): Promise<Organisation> {
  const org = ctx.scope.organisation(input.code, "body");
  if (org.name === input.name) throw new DomainError("INVALID_INPUT", `${org.code} is already called ${org.name}.`);
  return save(ctx, { ...org, name: input.name }, "organisation.renamed", [{ field: "name", old: org.name, new: input.name }]);
}

/**
 * Closes a body: from the quarter after its end date it is no longer expected to report (the
 * tracker lists bodies active in the quarter, domain `isActiveIn`); its returns and history stay.
 */
export async function closeBody(ctx: ServiceContext, input: { code: string; activeTo: string; reason?: string | undefined }): Promise<Organisation & { lastExpected: string }> {
  const org = ctx.scope.organisation(input.code, "body");
  if (org.activeTo !== null) throw new DomainError("CONFLICT", `${org.name} is already closed: it closed on ${formatDate(org.activeTo)}.`);
  if (input.activeTo < org.activeFrom) throw new DomainError("INVALID_INPUT", `The date it closes must be on or after the date it started, ${formatDate(org.activeFrom)}.`);
  const saved = await save(ctx, { ...org, activeTo: input.activeTo }, "organisation.closed", [{ field: "active_to", old: null, new: input.activeTo }], input.reason?.trim() || null);
  return { ...saved, lastExpected: closingQuarters(input.activeTo).lastExpected };
}

function findArea(org: Organisation, areaCode: string) {
  const area = org.serviceAreas.find((a) => a.code === areaCode);
  if (!area) throw new DomainError("NOT_FOUND", `${org.name} has no service area with code ${areaCode}.`);
  return area;
}

export async function addServiceArea(ctx: ServiceContext, input: { organisationCode: string; areaCode: string; label: string }): Promise<Organisation> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  const existing = org.serviceAreas.find((a) => a.code === input.areaCode);
  if (existing) throw new DomainError("CONFLICT", `${org.name} already has a service area with code ${input.areaCode} (${existing.label}${existing.retired ? ", retired" : ""}).`);
  const serviceAreas = [...org.serviceAreas, { code: input.areaCode, label: input.label }];
  return save(ctx, { ...org, serviceAreas }, "organisation.serviceAreaAdded", [{ field: `service_area.${input.areaCode}`, old: null, new: input.label }]);
}

export async function renameServiceArea(ctx: ServiceContext, input: { organisationCode: string; areaCode: string; label: string }): Promise<Organisation> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  const area = findArea(org, input.areaCode);
  if (area.label === input.label) throw new DomainError("INVALID_INPUT", `The service area ${input.areaCode} is already called ${area.label}.`);
  const serviceAreas = org.serviceAreas.map((a) => (a.code === input.areaCode ? { ...a, label: input.label } : a));
  return save(ctx, { ...org, serviceAreas }, "organisation.serviceAreaRenamed", [{ field: `service_area.${input.areaCode}`, old: area.label, new: input.label }]);
}

/** Retires a code (or brings it back): kept with its history, marked as no longer used. */
export async function retireServiceArea(ctx: ServiceContext, input: { organisationCode: string; areaCode: string; retired: boolean }): Promise<Organisation> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  const area = findArea(org, input.areaCode);
  if (Boolean(area.retired) === input.retired) throw new DomainError("INVALID_INPUT", `The service area ${area.label} is ${input.retired ? "already retired" : "not retired"}.`);
  const serviceAreas = org.serviceAreas.map((a) => (a.code === input.areaCode ? { code: a.code, label: a.label, ...(input.retired ? { retired: true } : {}) } : a));
  return save(ctx, { ...org, serviceAreas }, input.retired ? "organisation.serviceAreaRetired" : "organisation.serviceAreaRestored", [
    { field: `service_area.${input.areaCode}.retired`, old: !input.retired, new: input.retired },
  ]);
}

/** Deletes a code no return or case has used; a used one can only be retired. */
export async function deleteServiceArea(ctx: ServiceContext, input: { organisationCode: string; areaCode: string }): Promise<Organisation> {
  const org = ctx.scope.organisation(input.organisationCode, "body");
  const area = findArea(org, input.areaCode);
  if (await serviceAreaInUse(ctx.db, org.code, area.code)) {
    throw new DomainError("CONFLICT", `The service area ${area.label} (${area.code}) cannot be deleted because returns or cases of ${org.name} use it. Retire it instead.`);
  }
  const serviceAreas = org.serviceAreas.filter((a) => a.code !== input.areaCode);
  return save(ctx, { ...org, serviceAreas }, "organisation.serviceAreaDeleted", [{ field: `service_area.${input.areaCode}`, old: area.label, new: null }]);
}

/** A department's bodies for its administrator: open ones first, each with whether it is expected this quarter. */
export function departmentBodies(ctx: ServiceContext, departmentCode: string) {
  const dept = ownDepartment(ctx, departmentCode);
  const now = periodContaining(ukDateOf(ctx.now));
  const bodies = ctx.scope.organisations.filter((o) => o.kind === "body" && departmentOf(ctx.scope.organisations, o.code) === dept.code);
  return {
    department: dept,
    bodies: bodies
      .map((b) => ({ ...b, expectedNow: isActiveIn(b, now), closed: b.activeTo !== null }))
      .toSorted((a, b) => Number(a.closed) - Number(b.closed) || a.name.localeCompare(b.name, "en-GB")),
  };
}
