import { listCurrentReturns, listOrganisations, type Database, type Kysely } from "@complaints/db";
import { currentTemplate, DomainError, requirePeriod, periodIndex, subtreeCodes, templateFields, writeCell } from "@complaints/domain";
import { stringify } from "csv-stringify/sync";

/**
 * The accepted figures of every return of a department's bodies between two quarters, in the same
 * wide format the import reads, so an export can be loaded again unchanged.
 */
export async function exportReturnsCsv(db: Kysely<Database>, options: { departmentCode: string; from?: string; to?: string }): Promise<{ csv: string; rows: number }> {
  const organisations = await listOrganisations(db);
  const department = organisations.find((o) => o.code === options.departmentCode);
  if (!department || department.kind !== "department") throw new DomainError("NOT_FOUND", `There is no department with code ${options.departmentCode}.`);
  const below = new Set(subtreeCodes(organisations, department.code));
  const bodies = organisations.filter((o) => o.kind === "body" && below.has(o.code));
  const from = options.from ? periodIndex(requirePeriod(options.from)) : 0;
  const to = options.to ? periodIndex(requirePeriod(options.to)) : 2_147_483_647;
  // Accepted figures only: the latest accepted revision of each return (drafts are not history).
  const returns = await listCurrentReturns(db, bodies.map((b) => b.code), from, to, { latestWith: ["accepted"] });
  const areas = [...new Map(bodies.flatMap((b) => b.serviceAreas).map((a) => [a.code, a])).values()];
  const fields = templateFields(currentTemplate, areas);
  const header = ["organisation_code", "period", ...fields.map((f) => f.id)];
  const rows = returns
    .sort((a, b) => a.organisationCode.localeCompare(b.organisationCode) || a.periodIndex - b.periodIndex)
    .map((r) => [r.organisationCode, r.period, ...fields.map((f) => writeCell(f, r.values[f.id]))]);
  return { csv: stringify([header, ...rows]), rows: rows.length };
}
