import { templateFields, templates, type FieldDeclaration, type Organisation } from "@complaints/domain";
import type { ReturnsScreener } from "./report.ts";
import { didYouMean } from "./did-you-mean.ts";

/** The columns every returns file starts with, before the template's field ids. */
export const fixedColumns = ["organisation_code", "period"] as const;
/**
 * The optional third column: the template version of each row's return. A file without it is in
 * template version 1, as every file was before version 2 (a file has the columns of its return's version).
 */
export const versionColumn = "template_version";

/** A checked header: the field of each column (null for the fixed and version columns). */
export interface CheckedHeader {
  fields: (FieldDeclaration | null)[];
  hasVersionColumn: boolean;
}

/** Every field of every template version, by id (the first version's declaration where they share one). */
function fieldsOfEveryVersion(): Map<string, FieldDeclaration> {
  const byId = new Map<string, FieldDeclaration>();
  for (const template of Object.values(templates)) for (const f of templateFields(template)) if (!byId.has(f.id)) byId.set(f.id, f);
  return byId;
}


/**
 * Checks the header row of a returns file and gives the field of each column (null for the fixed
 * columns), or null when the header has problems (each added to `problems`).
 */
export function checkHeader(record: readonly string[], organisations: readonly Organisation[], problems: ReturnsScreener): CheckedHeader | null {
  const allAreas = new Set(organisations.flatMap((o) => o.serviceAreas.map((a) => `received_by_service_area.${a.code}`)));
  const knownById = fieldsOfEveryVersion();
  const names = record.map((h) => h.trim());
  problems.ran("header");
  if (names[0] !== fixedColumns[0] || names[1] !== fixedColumns[1]) {
    problems.fail("header", { row: 1, column: null, message: `The first row must be the column names, starting “organisation_code”, “period”, then field ids such as “received”. It starts “${names.slice(0, 2).join("”, “")}”.` });
    return null;
  }
  const fields: (FieldDeclaration | null)[] = [];
  const seen = new Map<string, number>();
  const before = problems.failures;
  const hasVersionColumn = names[2] === versionColumn;
  names.forEach((name, i) => {
    if (i < 2 || (i === 2 && hasVersionColumn)) return fields.push(null);
    if (name === versionColumn) {
      problems.fail("header", { row: 1, column: name, message: `Column ${i + 1} is “${versionColumn}”, which must be the third column, straight after “period”.` });
      return fields.push(null);
    }
    if (seen.has(name)) problems.fail("header", { row: 1, column: name, message: `Column ${i + 1} repeats the column “${name}” (first in column ${seen.get(name)! + 1}).` });
    seen.set(name, i);
    let field = knownById.get(name) ?? null;
    if (!field && allAreas.has(name)) {
      field = { id: name, section: "breakdowns", label: `Complaints received by service area: ${name.split(".")[1]}`, type: "count", required: false, breakdown: "received_by_service_area" };
    }
    if (!field) problems.fail("header", { row: 1, column: name, message: `Column ${i + 1}, “${name}”, is not a field of the return.${didYouMean(name, [...knownById.keys()])}` });
    fields.push(field);
  });
  return problems.failures > before ? null : { fields, hasVersionColumn };
}
