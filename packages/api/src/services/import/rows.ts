import {
  currentTemplate,
  formatPeriodCode,
  formatPeriodLabel,
  isActiveIn,
  parsePeriod,
  periodIndex,
  readCell,
  validateReturn,
  type FieldDeclaration,
  type FieldValue,
  type Organisation,
} from "@complaints/domain";
import type { ProblemList } from "./report.ts";

/** One checked row of a returns file: the return it is for and its values. */
export interface CheckedRow {
  line: number;
  organisation: Organisation;
  period: string;
  periodIndex: number;
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
export function rowChecker(organisations: readonly Organisation[], problems: ProblemList) {
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const firstLine = new Map<string, number>();

  return (record: readonly string[], line: number, fields: readonly (FieldDeclaration | null)[], fieldIds: readonly string[]): CheckedRow | null => {
    const code = record[0]!.trim();
    const periodText = record[1]!.trim();
    const organisation = byCode.get(code);
    const period = parsePeriod(periodText);
    if (!organisation) problems.add(line, "organisation_code", code ? `There is no organisation with code “${code}”.` : "The organisation code is blank.");
    else if (organisation.kind !== "body") problems.add(line, "organisation_code", `${code} is a department; returns are made by its bodies.`);
    if (!period) problems.add(line, "period", `“${periodText}” is not a period: write it like 2025-26 Q1 or Apr to Jun 2025.`);
    if (!organisation || organisation.kind !== "body" || !period) return null;
    if (!isActiveIn(organisation, period)) {
      problems.add(line, "period", `${organisation.name} was not active in ${formatPeriodLabel(period)}.`);
      return null;
    }
    const periodCode = formatPeriodCode(period);
    const key = `${code}|${periodCode}`;
    if (firstLine.has(key)) {
      problems.add(line, null, `This row repeats the return for ${code} ${periodCode} already on line ${firstLine.get(key)}.`);
      return null;
    }
    firstLine.set(key, line);

    const areaCodes = new Set(organisation.serviceAreas.map((a) => `received_by_service_area.${a.code}`));
    const values: Record<string, FieldValue> = {};
    const cells: FieldValue[] = Array.from({ length: record.length }, () => null);
    let rowOk = true;
    for (let c = 2; c < record.length; c += 1) {
      const field = fields[c]!;
      const cell = readCell(field, record[c]!);
      if (!cell.ok) {
        problems.add(line, field.id, `‘${field.label}’: ${cell.problem}.`);
        rowOk = false;
      } else if (cell.value !== null) {
        if (field.breakdown === "received_by_service_area" && !areaCodes.has(field.id)) {
          problems.add(line, field.id, `${organisation.name} has no service area “${field.id.split(".")[1]}”.`);
          rowOk = false;
        }
        values[field.id] = cell.value;
        cells[c] = cell.value;
      }
    }
    if (!rowOk) return null;
    // The template's arithmetic rules apply to history too; missing figures are allowed in history.
    const result = validateReturn(values, { template: currentTemplate, serviceAreas: organisation.serviceAreas });
    for (const e of result.errors) {
      if (e.id.startsWith("required:") || e.id.startsWith("note:")) continue;
      problems.add(line, e.fieldIds[0] ?? null, `${e.message}.`);
      rowOk = false;
    }
    return rowOk ? { line, organisation, period: periodCode, periodIndex: periodIndex(period), cells, fieldIds } : null;
  };
}
