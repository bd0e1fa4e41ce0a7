import { formatDate, isMarker, markerLabels, writeCell, type FieldValue, type TemplateDeclaration } from "@complaints/domain";
import { fieldLookup } from "./field-lookup.ts";
import type { DraftConflict } from "./save-failure.ts";

const wholeNumber = new Intl.NumberFormat("en-GB");
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** One side of a clash in words: "£1,234.50", "[x] (not available)", a choice's label, "15 September 2026", "No answer". */
export function describeAnswer(conflict: Pick<DraftConflict, "kind" | "key">, value: FieldValue, template: TemplateDeclaration | undefined): string {
  if (conflict.kind === "note") return value === null ? "No note" : String(value);
  if (conflict.kind === "explanation") return value === null ? "No explanation" : String(value);
  if (value === null) return "No answer";
  if (isMarker(value)) return `${value} (${markerLabels[value]})`;
  const field = template ? fieldLookup(template)(conflict.key) : undefined;
  if (typeof value === "number") {
    if (field?.type === "money") return pounds.format(value / 100);
    if (field?.type === "count") return wholeNumber.format(value);
    return writeCell(field, value);
  }
  if (field?.type === "choice") return field.choices?.find((c) => c.value === value)?.label ?? value;
  if (field?.type === "date") return formatDate(value);
  return value;
}

/** What a clash is about: the field's label, "Note on …", or the warning explained. */
export function describeClash(conflict: DraftConflict): string {
  if (conflict.kind === "note") return `Note on ‘${conflict.label}’`;
  if (conflict.kind === "explanation") return `Explanation of the warning: ${conflict.label}`;
  return conflict.label;
}
