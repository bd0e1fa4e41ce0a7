import { formatDate, type FieldDeclaration, type FieldValue } from "@complaints/domain";

const wholeNumber = new Intl.NumberFormat("en-GB");
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * An answer as a person reads it, for the table of what an upload changed: money (held in pence)
 * in pounds, FTE to one decimal place, a choice by its label, dates in the GOV.UK style, and the
 * markers in words (README: "[x] means not available and [z] not applicable"; a blank is not a zero).
 */
export function describeValue(field: FieldDeclaration | undefined, value: FieldValue): string {
  if (value === null || value === "") return "Blank";
  if (value === "[x]") return "[x] not available";
  if (value === "[z]") return "[z] not applicable";
  if (typeof value === "number") {
    if (field?.type === "money") return pounds.format(value / 100);
    if (field?.type === "fte") return `${oneDecimal.format(value)} FTE`;
    return wholeNumber.format(value);
  }
  if (field?.type === "choice") return field.choices?.find((c) => c.value === value)?.label ?? value;
  if (field?.type === "date") return formatDate(value);
  return value;
}
