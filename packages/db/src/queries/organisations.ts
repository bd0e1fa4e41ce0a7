import type { Organisation, ServiceArea } from "@complaints/domain";
import type { Kysely } from "kysely";
import type { Database, OrganisationRow } from "../schema.ts";

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    bodyType: row.body_type as Organisation["bodyType"],
    parentCode: row.parent_code,
    region: row.region as Organisation["region"],
    activeFrom: row.active_from,
    activeTo: row.active_to,
    serviceAreas: JSON.parse(row.service_areas) as ServiceArea[],
  };
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  const rows = await db.selectFrom("organisations").selectAll().execute();
  // Sorted here, not by the database, so the order does not depend on its collation.
  return rows.map(toOrganisation).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export async function getOrganisation(db: Kysely<Database>, code: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom("organisations").selectAll().where("code", "=", code).executeTakeFirst();
  return row && toOrganisation(row);
}

/** Inserts or updates organisations; parents must come before children in the list. */
export async function upsertOrganisations(db: Kysely<Database>, organisations: readonly Organisation[], now: string): Promise<void> {
  for (const o of organisations) {
    const values = {
      name: o.name,
      kind: o.kind,
      body_type: o.bodyType,
      parent_code: o.parentCode,
      region: o.region,
      active_from: o.activeFrom,
      active_to: o.activeTo,
      service_areas: JSON.stringify(o.serviceAreas),
      updated_at: now,
    };
    await db
      .insertInto("organisations")
      .values({ code: o.code, created_at: now, ...values })
      .onConflict((oc) => oc.column("code").doUpdateSet(values))
      .execute();
  }
}

/**
 * Whether a body's service-area code has been used: a stored answer for it in any revision of the
 * body's returns, or a stored case in that area. A used code is kept (retired), never deleted, so
 * the history that counted under it still reads.
 */
export async function serviceAreaInUse(db: Kysely<Database>, organisationCode: string, areaCode: string): Promise<boolean> {
  const answer = await db
    .selectFrom("return_values as v")
    .innerJoin("return_revisions as rv", "rv.seq", "v.revision_seq")
    .innerJoin("returns as r", "r.id", "rv.return_id")
    .select("v.field_id")
    .where("r.organisation_code", "=", organisationCode)
    .where("v.field_id", "=", `received_by_service_area.${areaCode}`)
    .limit(1)
    .executeTakeFirst();
  if (answer) return true;
  const caseRow = await db.selectFrom("cases").select("case_ref").where("organisation_code", "=", organisationCode).where("service_area", "=", areaCode).limit(1).executeTakeFirst();
  return caseRow !== undefined;
}
