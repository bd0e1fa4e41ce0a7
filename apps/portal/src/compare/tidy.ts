import { measureStatisticCells, tidyColumns, tidyTableRows, type TidyRow } from "@complaints/reports/tidy";
import type { Cell, PackTable } from "@complaints/reports/model";
import type { PeriodChoice } from "@complaints/domain";
import type { ComparisonAnswer } from "./rows.ts";
import { departmentRowId } from "./rows.ts";

const text = (t: string): Cell => ({ kind: "text", text: t });

/**
 * The compare table as open data, in the board pack's tidy CSV columns: one row for each figure of
 * each body (and the department) and measure shown, in the order shown, numbers as numbers. Its
 * figures are the pack's headline measures', made by the same code (measureStatisticCells: the same rounding, units and shorthand), marked [p]
 * where they come from returns the department has not yet accepted. The rows are turned into tidy
 * rows by the pack's own code (tidyTableRows), so the two files say the same thing the same way.
 */
export function compareTidyRows(answer: ComparisonAnswer, choice: PeriodChoice, department: { code: string; name: string }, rowCodes: readonly string[], measureIds: readonly string[]): TidyRow[] {
  const measures = answer.measures.filter((m) => measureIds.includes(m.id));
  const rowOf = new Map(answer.rows.map((r) => [r.organisationCode, r]));
  const rows: Cell[][] = [];
  for (const code of rowCodes) {
    const body = code === departmentRowId ? null : rowOf.get(code);
    if (code !== departmentRowId && !body) continue;
    const cells = body ? body.measures : answer.benchmark.measures;
    const provisional = body ? body.provisional : answer.benchmark.provisional;
    const name = body ? body.name : `${department.name} (all bodies)`;
    for (const m of measures) {
      const cell = cells.find((c) => c.id === m.id);
      rows.push([text(body ? body.organisationCode : department.code), text(name), { kind: "text", text: m.label, code: m.id }, text(m.unit), ...measureStatisticCells(m, cell, { provisional })]);
    }
  }
  const table: PackTable = {
    sheetName: "Compare",
    tableName: "compare_bodies",
    title: `Bodies compared, ${answer.label}`,
    description: [],
    panel: "all",
    columns: [
      { key: "organisation_code", heading: "Organisation code", type: "text", role: "organisation" },
      { key: "organisation", heading: "Organisation", type: "text", role: "organisation_name" },
      { key: "measure", heading: "Measure", type: "text", role: "measure" },
      { key: "unit", heading: "Unit", type: "text", role: "unit" },
      { key: "value", heading: "Value", type: "decimal1", statistic: "value" },
      { key: "lower_95", heading: "Lower 95% limit", type: "decimal1", statistic: "lower_95" },
      { key: "upper_95", heading: "Upper 95% limit", type: "decimal1", statistic: "upper_95" },
      { key: "numerator", heading: "Numerator", type: "count", statistic: "numerator", unit: "count" },
      { key: "denominator", heading: "Denominator", type: "count", statistic: "denominator", unit: "count" },
    ],
    rows,
  };
  const period = choice.kind === "quarter" ? choice.period : choice.financialYear;
  return tidyTableRows(table, { organisation: department.code, organisationName: department.name, period });
}

/** The tidy rows as CSV rows: the header, then each row's cells (numbers stay numbers; empty is null). */
export function tidyCsvRows(rows: readonly TidyRow[]): (string | number | null)[][] {
  return [tidyColumns.map((c) => c.name), ...rows.map((r) => tidyColumns.map((c) => c.text(r)))];
}
