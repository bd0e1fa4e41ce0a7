import {
  appendAudit,
  countCases,
  currentCaseImport,
  deleteCaseMapping as deleteStoredMapping,
  findUserById,
  getCaseMapping,
  getCaseSettings,
  listCaseMappings,
  setCaseSettings,
  upsertCaseMapping,
  type CaseImportRecord,
  type Database,
  type Kysely,
} from "@complaints/db";
import { caseComputedFields, caseMappingSchema, defaultCaseTimescales, DomainError, type CaseMapping, type CaseSettings, type CaseTimescales, type Organisation, type ServiceArea } from "@complaints/domain";
import type { ServiceContext } from "../actor.ts";
import { caseChunkBytes, caseUploadMaxBytesOn } from "./upload-limits.ts";

/** What the computation needs to know about a body: its region, service areas and timescales (the defaults unless it set its own). */
export async function caseSettingsOf(db: Kysely<Database>, org: Organisation): Promise<CaseSettings> {
  const own = await getCaseSettings(db, org.code);
  return {
    region: org.region,
    serviceAreaCodes: org.serviceAreas.map((a) => a.code),
    earlyResolutionDays: own?.earlyResolutionDays ?? defaultCaseTimescales.earlyResolutionDays,
    closerLookDays: own?.closerLookDays ?? defaultCaseTimescales.closerLookDays,
  };
}

/**
 * The settings an import's cases were computed with: the body's, with the timescales recorded on the
 * import (the body may have changed its own since), or today's for an import made before they were recorded.
 */
export async function caseSettingsOfImport(db: Kysely<Database>, org: Organisation, caseImport: CaseImportRecord): Promise<CaseSettings> {
  const settings = await caseSettingsOf(db, org);
  return caseImport.timescales ? { ...settings, ...caseImport.timescales } : settings;
}

/** A stored mapping's definition; one that no longer parses (an older format) is reported, never used half-read. */
function parseMapping(name: string, definition: string): CaseMapping {
  const parsed = caseMappingSchema.safeParse(JSON.parse(definition));
  if (!parsed.success) throw new DomainError("INVALID_INPUT", `The saved mapping “${name}” can no longer be read: save it again.`);
  return parsed.data;
}

/** A body's saved mapping by name: NOT_FOUND naming the ones it has when there is none. */
export async function loadCaseMapping(db: Kysely<Database>, organisationCode: string, name: string): Promise<CaseMapping> {
  const stored = await getCaseMapping(db, organisationCode, name);
  if (!stored) {
    const names = (await listCaseMappings(db, organisationCode)).map((m) => `“${m.name}”`);
    throw new DomainError("NOT_FOUND", `There is no saved mapping called “${name}”. ${names.length > 0 ? `The saved mappings are ${names.join(", ")}.` : "None has been saved yet."}`);
  }
  return parseMapping(stored.name, stored.definition);
}

export interface CasesOverview {
  timescales: CaseTimescales;
  mappings: { name: string; mapping: CaseMapping }[];
  lastImport: { importedAt: string; fileName: string; rows: number; importedBy: string } | null;
  serviceAreas: ServiceArea[];
  storedCases: number;
  /** The return's fields the case file gives (for "computed from your cases" marks and links to the cases). */
  computedFields: string[];
  /** How the browser sends a file: chunks of `chunkBytes`, a file of at most `maxBytes`. */
  upload: { chunkBytes: number; maxBytes: number };
}

/** The case import page's settings: timescales, saved mappings, the last import and the cases stored. */
export async function casesOverview(ctx: ServiceContext, organisationCode: string): Promise<CasesOverview> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const settings = await caseSettingsOf(ctx.db, org);
  const mappings = (await listCaseMappings(ctx.db, org.code)).map((m) => ({ name: m.name, mapping: parseMapping(m.name, m.definition) }));
  const last = await currentCaseImport(ctx.db, org.code);
  // Who imported it, by name; the command line has no account.
  const by = last ? (last.importedBy === "cli" ? "Command line" : ((await findUserById(ctx.db, last.importedBy))?.display_name ?? "A former user")) : "";
  return {
    timescales: { earlyResolutionDays: settings.earlyResolutionDays, closerLookDays: settings.closerLookDays },
    mappings,
    lastImport: last ? { importedAt: last.importedAt, fileName: last.fileName, rows: last.rows, importedBy: by } : null,
    serviceAreas: org.serviceAreas,
    storedCases: last ? await countCases(ctx.db, last.id) : 0,
    computedFields: caseComputedFields(settings),
    upload: { chunkBytes: caseChunkBytes, maxBytes: caseUploadMaxBytesOn(ctx.db) },
  };
}

function auditSettings(ctx: ServiceContext, action: string, organisationCode: string, entityId: string, changes: { field: string; old: unknown; new: unknown }[]) {
  return appendAudit(ctx.db, {
    at: ctx.now,
    actorUserId: ctx.actor.id,
    actor: ctx.actor.email,
    action,
    entityType: "case_settings",
    entityId,
    organisationCode,
    changes,
    reason: null,
  });
}

export async function saveCaseTimescales(ctx: ServiceContext, organisationCode: string, timescales: CaseTimescales): Promise<CaseTimescales> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const before = await caseSettingsOf(ctx.db, org);
  await setCaseSettings(ctx.db, org.code, timescales, ctx.actor.id, ctx.now);
  await auditSettings(ctx, "cases.timescalesSaved", org.code, org.code, [
    { field: "earlyResolutionDays", old: before.earlyResolutionDays, new: timescales.earlyResolutionDays },
    { field: "closerLookDays", old: before.closerLookDays, new: timescales.closerLookDays },
  ]);
  return timescales;
}

export async function saveCaseMapping(ctx: ServiceContext, organisationCode: string, mapping: CaseMapping): Promise<{ name: string; mapping: CaseMapping }> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const definition = JSON.stringify(mapping);
  const before = await getCaseMapping(ctx.db, org.code, mapping.name);
  await upsertCaseMapping(ctx.db, org.code, { name: mapping.name, definition }, ctx.actor.id, ctx.now);
  await auditSettings(ctx, "cases.mappingSaved", org.code, `${org.code}/${mapping.name}`, [{ field: "mapping", old: before ? JSON.parse(before.definition) : null, new: mapping }]);
  return { name: mapping.name, mapping };
}

/** Deletes a saved mapping; deleting one that is not there (already deleted) changes nothing. */
export async function deleteCaseMapping(ctx: ServiceContext, organisationCode: string, name: string): Promise<{ deleted: boolean }> {
  const org = ctx.scope.organisation(organisationCode, "body");
  const before = await getCaseMapping(ctx.db, org.code, name);
  if (!before || !(await deleteStoredMapping(ctx.db, org.code, name))) return { deleted: false };
  await auditSettings(ctx, "cases.mappingDeleted", org.code, `${org.code}/${name}`, [{ field: "mapping", old: JSON.parse(before.definition), new: null }]);
  return { deleted: true };
}
