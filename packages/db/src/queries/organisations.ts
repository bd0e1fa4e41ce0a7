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
