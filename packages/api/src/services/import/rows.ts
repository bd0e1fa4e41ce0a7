import {
  formatPeriodCode,
  formatPeriodLabel,
  isActiveIn,
  isSupportedYear,
  parsePeriod,
  periodIndex,
  readCell,
  requireTemplate,
  templateFields,
  templates,
  validateReturn,
  type FieldDeclaration,
  type FieldValue,
  type Organisation,
} from "@complaints/domain";
import type { CheckedHeader } from "./header.ts";
import type { ReturnsScreener } from "./report.ts";

/** One checked row of a returns file: the return it is for and its values. */
export interface CheckedRow {
  line: number;
  organisation: Organisation;
  period: string;
  periodIndex: number;
  templateVersion: number;
  /** Values by column (a compact array: 16,000 rows as objects would take several times the memory). */
  cells: FieldValue[];
  fieldIds: readonly string[];
}

/** The values of a checked row, blanks left out, as a return holds them. */
export function valuesOf(row: CheckedRow): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  row.cells.forEach((v, i) => {
    if (v !== null && v !== undefined) values[row.fieldIds[i]!] = v;
  });
  return values;
}

/**
 * A checker of the rows of one file: each row's organisation, period, cells and the template's
 * arithmetic rules, and that no return appears twice. Problems go to `problems`; a row with any is
 * not returned.
 */
export function rowChecker(organisations: readonly Organisation[], problems: ReturnsScreener) {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const firstLine = new Map<string, number>();
  const versions = Object.keys(templates).map(Number);
  // The fields each version has; service-area cells by their breakdown, since their codes are set per body.
  const fieldsOf = new Map(versions.map((v) => [v, new Set(templateFields(requireTemplate(v)).map((f) => f.id))]));
  const breakdownsOf = new Map(versions.map((v) => [v, new Set(requireTemplate(v).breakdowns.map((b) => b.id))]));
  const inVersion = (field: FieldDeclaration, version: number) =>
    fieldsOf.get(version)!.has(field.id) || (field.breakdown === "received_by_service_area" && breakdownsOf.get(version)!.has(field.breakdown));

  return (record: readonly string[], line: number, header: CheckedHeader, fieldIds: readonly string[]): CheckedRow | null => {
    const fields = header.fields;
    const code = record[0]!.trim();
    const periodText = record[1]!.trim();
    const organisation = byCode.get(code);
    const period = parsePeriod(periodText);
    if (!organisation) problems.fail("rows", { row: line, column: "organisation_code", message: code ? `There is no organisation with code “${code}”.` : "The organisation code is blank." });
    else if (organisation.kind !== "body") problems.fail("rows", { row: line, column: "organisation_code", message: `${code} is a department; returns are made by its bodies.` });
    if (!period) problems.fail("rows", { row: line, column: "period", message: `“${periodText}” is not a period: write it like 2025-26 Q1 or Apr to Jun 2025.` });
    else if (!isSupportedYear(period.startYear)) problems.fail("rows", { row: line, column: "period", message: `“${periodText}” is outside the years the service takes, April 2000 to March 2100.` });
    const versionText = header.hasVersionColumn ? record[2]!.trim() : "1";
    const templateVersion = /^\d{1,3}$/.test(versionText) && fieldsOf.has(Number(versionText)) ? Number(versionText) : null;
    if (templateVersion === null) problems.fail("rows", { row: line, column: "template_version", message: `“${versionText}” is not a template version: use ${versions.join(" or ")}.` });
    if (!organisation || organisation.kind !== "body" || !period || !isSupportedYear(period.startYear) || templateVersion === null) return null;
    if (!isActiveIn(organisation, period)) {
      problems.fail("rows", { row: line, column: "period", message: `${organisation.name} was not active in ${formatPeriodLabel(period)}.` });
      return null;
    }
    const periodCode = formatPeriodCode(period);
    const key = `${code}|${periodCode}`;
    if (firstLine.has(key)) {
      problems.fail("rows", { row: line, column: null, message: `This row repeats the return for ${code} ${periodCode} already on line ${firstLine.get(key)}.` });
      return null;
    }
    firstLine.set(key, line);

    const areaCodes = new Set(organisation.serviceAreas.map((a) => `received_by_service_area.${a.code}`));
    const values: Record<string, FieldValue> = {};
    const cells: FieldValue[] = Array.from({ length: record.length }, () => null);
    let rowOk = true;
    for (let c = 2; c < record.length; c += 1) {
      const field = fields[c];
      if (!field) continue; // the version column
      const cell = readCell(field, record[c]!);
      if (!cell.ok) {
        problems.fail("cells", { row: line, column: field.id, message: `‘${field.label}’: ${cell.problem}.` });
        rowOk = false;
      } else if (cell.value !== null) {
        if (!inVersion(field, templateVersion)) {
          problems.fail("cells", { row: line, column: field.id, message: `‘${field.label}’ is not a field of template version ${templateVersion}: leave it blank${header.hasVersionColumn ? "" : `, or add a “template_version” column after “period”`}.` });
          rowOk = false;
        } else if (field.breakdown === "received_by_service_area" && !areaCodes.has(field.id)) {
          problems.fail("cells", { row: line, column: field.id, message: `${organisation.name} has no service area “${field.id.split(".")[1]}”.` });
          rowOk = false;
        }
        values[field.id] = cell.value;
        cells[c] = cell.value;
      }
    }
    if (!rowOk) return null;
    // The template's arithmetic rules apply to history too; missing figures are allowed in history.
    const result = validateReturn(values, { template: requireTemplate(templateVersion), serviceAreas: organisation.serviceAreas });
    for (const e of result.errors) {
      if (e.id.startsWith("required:") || e.id.startsWith("note:")) continue;
      problems.fail("arithmetic", { row: line, column: e.fieldIds[0] ?? null, message: `${e.message}.` });
      rowOk = false;
    }
    return rowOk ? { line, organisation, period: periodCode, periodIndex: periodIndex(period), templateVersion, cells, fieldIds } : null;
  };
}
