import { writeCell } from "../csv/cells.ts";
import { formatDate } from "../format.ts";
import { isMarker, markerLabels, type FieldDeclaration, type FieldValue } from "./declaration.ts";

/** Thousands separators in the whole part of a number as `writeCell` writes it ("233526.00" → "233,526.00"). */
function groupThousands(cell: string): string {
  return cell.replace(/^(-?)(\d+)/, (_, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

/**
 * A stored value as people read it (the agency's check page and differences, the department's review):
 * the figure as the spreadsheet and CSV write it (`writeCell`: pounds and pence for money, one decimal
 * for FTE) with its unit, a choice's label, a date in words, a marker with its meaning. Blank is "Not answered".
 */
export function answerText(field: FieldDeclaration | undefined, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === "") return "Not answered";
  if (isMarker(value)) return `${value} ${markerLabels[value]}`;
  if (typeof value === "number") {
    const cell = groupThousands(writeCell(field, value));
    if (field?.unit === "£") return `£${cell}`;
    return field?.unit ? `${cell} ${field.unit}` : cell;
  }
  if (field?.type === "choice") return field.choices?.find((c) => c.value === value)?.label ?? value;
  if (field?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}
