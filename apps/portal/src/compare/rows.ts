import { type QueryOutput } from "@complaints/client";
import { benchmarkWords, comparisonWords, type ApiComparison } from "./comparison-words.ts";
import { formatMeasure, formatMeasureCounts, formatMeasureInterval } from "@complaints/domain";
import type { CellText } from "./format.ts";

export type ComparisonAnswer = QueryOutput<"metrics.comparison">;
export type MeasureInfo = ComparisonAnswer["measures"][number];

/** One row of the compare table: a body, or the department's pooled figure (pinned first). */
export interface CompareRow {
  code: string;
  name: string;
  /** Some of its figures are not yet accepted by the department (GSS shorthand [p]). */
  provisional: boolean;
  department: boolean;
  /** As the data has it ("executive agency"): the filter's value. */
  bodyType: string;
  /** As shown ("Executive agency"). */
  bodyTypeText: string;
  cells: Record<string, CellText>;
}

export const departmentRowId = "__department";
export const departmentRowName = "Department figure";

export const bodyTypeText = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

function cellText(measure: MeasureInfo, cell: ComparisonAnswer["benchmark"]["measures"][number], comparison: ApiComparison | null, benchmark: number | null): CellText {
  return {
    value: cell.value ?? undefined,
    text: cell.value === null ? "No figure" : formatMeasure(measure, cell.value),
    interval: formatMeasureInterval(measure, cell.interval95),
    comparison: comparison === null ? benchmarkWords : comparisonWords(comparison, cell.value, benchmark),
    counts: formatMeasureCounts(measure, cell.numerator, cell.denominator),
  };
}

/** The rows, every string of the measures shown worked out once (400 bodies × the chosen measures; the others wait until chosen). */
export function compareRows(answer: ComparisonAnswer, bodyTypeOf: ReadonlyMap<string, string>, shown: readonly string[]): CompareRow[] {
  const isShown = new Set(shown);
  const benchmarkOf = new Map(answer.benchmark.measures.map((c) => [c.id, c.value]));
  const measureOf = new Map(answer.measures.map((m) => [m.id, m]));
  const department: CompareRow = {
    code: departmentRowId,
    name: departmentRowName,
    provisional: answer.benchmark.provisional,
    department: true,
    bodyType: "",
    bodyTypeText: `All ${answer.bodies.included} bodies`,
    cells: Object.fromEntries(answer.benchmark.measures.filter((c) => isShown.has(c.id)).map((c) => [c.id, cellText(measureOf.get(c.id)!, c, null, null)])),
  };
  const bodies = answer.rows.map((row): CompareRow => {
    const type = bodyTypeOf.get(row.organisationCode) ?? "other";
    return {
      code: row.organisationCode,
      name: row.name,
      provisional: row.provisional,
      department: false,
      bodyType: type,
      bodyTypeText: bodyTypeText(type),
      cells: Object.fromEntries(row.measures.filter((c) => isShown.has(c.id)).map((c) => [c.id, cellText(measureOf.get(c.id)!, c, c.comparison95, benchmarkOf.get(c.id) ?? null)])),
    };
  });
  return [department, ...bodies];
}
