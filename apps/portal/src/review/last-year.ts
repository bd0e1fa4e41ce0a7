import { answerText, type FieldDeclaration, type FieldValue } from "@complaints/domain";

export interface YearOnYearRow {
  fieldId: string;
  label: string;
  thisYear: string;
  lastYear: string;
  /** "Up 12 (+9%)", "Down £1,250.00 (−4%)", or "Changed" when either side is not a figure. */
  change: string;
}

/** A difference without sign: "12", "£1,250.00", "0.5" (the unit is in the figures beside it). */
function amount(field: FieldDeclaration, difference: number): string {
  const size = Math.abs(Number(difference.toFixed(field.type === "money" ? 0 : 6)));
  return field.unit === "£" ? answerText(field, size) : answerText({ ...field, unit: undefined } as FieldDeclaration, size);
}

/** "+9%" or "−4%" (a true minus sign), rounded to a whole percent; none when last year was 0. */
function percent(thisYear: number, lastYear: number): string {
  if (lastYear === 0) return "";
  const p = Math.round(((thisYear - lastYear) / Math.abs(lastYear)) * 100);
  return ` (${p > 0 ? "+" : p < 0 ? "\u2212" : ""}${Math.abs(p)}%)`;
}

/**
 * The figures that differ between this quarter's return and the same quarter a year earlier, in
 * template order: numbers with the change in words ("Up", "Down"), so a reviewer sees at a glance
 * what moved. Narrative text is left out (it always differs); markers and blanks show "Changed".
 */
export function yearOnYear(fields: readonly FieldDeclaration[], thisYear: Record<string, FieldValue>, lastYear: Record<string, FieldValue>): YearOnYearRow[] {
  const rows: YearOnYearRow[] = [];
  for (const field of fields) {
    if (field.type === "text") continue;
    const a = thisYear[field.id] ?? null;
    const b = lastYear[field.id] ?? null;
    if (a === b) continue;
    let change = "Changed";
    if (typeof a === "number" && typeof b === "number") {
      const d = a - b;
      change = `${d > 0 ? "Up" : "Down"} ${amount(field, d)}${percent(a, b)}`;
    }
    rows.push({ fieldId: field.id, label: field.label, thisYear: answerText(field, a), lastYear: answerText(field, b), change });
  }
  return rows;
}
