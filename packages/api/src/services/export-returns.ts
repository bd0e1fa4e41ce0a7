import { listCurrentReturns, listOrganisations, type Database, type Kysely } from "@complaints/db";
import { csvText, DomainError, requirePeriod, requireTemplate, periodIndex, subtreeCodes, templateFields, writeCell, type FieldDeclaration, type FieldValue, type ServiceArea } from "@complaints/domain";

/** One return's row of the wide CSV. */
export interface CsvReturn {
  organisationCode: string;
  period: string;
  templateVersion: number;
  values: Readonly<Record<string, FieldValue | undefined>>;
}

/**
 * Returns in the wide format the import reads: each row says its return's template version; the
 * columns are those of every version present, in form order (a version's new fields after the
 * earlier versions'), and a row leaves blank the fields its version does not have. Shared by
 * `export returns` and `import cases --format csv`.
 */
export function writeReturnsCsv(returns: readonly CsvReturn[], serviceAreas: readonly ServiceArea[]): string {
  const fields = new Map<string, FieldDeclaration>();
  for (const version of [...new Set(returns.map((r) => r.templateVersion))].sort((a, b) => a - b)) {
    for (const f of templateFields(requireTemplate(version), serviceAreas)) if (!fields.has(f.id)) fields.set(f.id, f);
  }
  const columns = [...fields.values()];
  const header = ["organisation_code", "period", "template_version", ...columns.map((f) => f.id)];
  const rows = returns.map((r) => [r.organisationCode, r.period, String(r.templateVersion), ...columns.map((f) => writeCell(f, r.values[f.id]))]);
  return csvText([header, ...rows], { lineEnd: "\n" });
}

/**
 * The figures sent to the department (approved or accepted) of every return of a department's
 * bodies between two quarters, in the same wide format the import reads, so an export can be loaded
 * again unchanged.
 */
export async function exportReturnsCsv(db: Kysely<Database>, options: { departmentCode: string; from?: string; to?: string }): Promise<{ csv: string; rows: number }> {
  const organisations = await listOrganisations(db);
  const department = organisations.find((o) => o.code === options.departmentCode);
  if (!department || department.kind !== "department") throw new DomainError("NOT_FOUND", `There is no department with code ${options.departmentCode}.`);
  const below = new Set(subtreeCodes(organisations, department.code));
  const bodies = organisations.filter((o) => o.kind === "body" && below.has(o.code));
  const from = options.from ? periodIndex(requirePeriod(options.from)) : 0;
  const to = options.to ? periodIndex(requirePeriod(options.to)) : 2_147_483_647;
  // The figures sent to the department (domain `sentStatuses`): the last revision sent of each return.
  const returns = await listCurrentReturns(db, bodies.map((b) => b.code), from, to, { revision: "sent" });
  const areas = [...new Map(bodies.flatMap((b) => b.serviceAreas).map((a) => [a.code, a])).values()];
  const sorted = returns.sort((a, b) => a.organisationCode.localeCompare(b.organisationCode) || a.periodIndex - b.periodIndex);
  return { csv: writeReturnsCsv(sorted, areas), rows: sorted.length };
}
