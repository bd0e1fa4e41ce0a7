import {
  formatPeriodLabel,
  isMarker,
  neutraliseFormula,
  requirePeriod,
  requireTemplate,
  templateFields,
  writeCell,
  type FieldDeclaration,
  type FieldValue,
  type ServiceArea,
} from "@complaints/domain";

/**
 * The return as a table of one row per field, generated from the template declaration (the return's
 * version, the body's service areas, repeating groups expanded): the model every spreadsheet
 * writer (XLSX, ODS, CSV) lays out, so the three formats always carry the same rows.
 */

/** The columns of the table, in order; a file's header row names them (CSV: exactly these). */
export const sheetColumns = ["id", "section", "question", "hint", "unit", "value"] as const;
export type SheetColumn = (typeof sheetColumns)[number];

/**
 * What a value cell holds. Numbers stay numbers in XLSX and ODS (GSS "Releasing statistics in
 * spreadsheets": numbers stored as numbers); money is in pounds (two decimals shown), FTE one decimal.
 * Markers, dates, choices and narratives are text.
 */
export type SheetValue =
  | { kind: "blank" }
  | { kind: "number"; value: number; format: "whole" | "money" | "fte" }
  | { kind: "text"; text: string };

/** The data validation a value cell gets where the format can express it. */
export type SheetRule =
  | { kind: "count" }
  | { kind: "money" }
  | { kind: "fte" }
  | { kind: "list"; options: string[] }
  | { kind: "none" };

export interface SheetRow {
  field: FieldDeclaration;
  id: string;
  section: string;
  question: string;
  hint: string;
  unit: string;
  value: SheetValue;
  /** The value as CSV text: the CLI import's cell codec (money in pounds and pence), a choice by its label. */
  csv: string;
  rule: SheetRule;
}

export interface ReturnSheet {
  /** Document title (also the first row of XLSX and ODS). */
  title: string;
  /** A line under the title saying how to fill the sheet in. */
  guidance: string;
  rows: SheetRow[];
}

/** The label of a choice value, or the text itself. */
function choiceLabel(field: FieldDeclaration, value: string): string {
  return field.choices?.find((c) => c.value === value)?.label ?? value;
}

function sheetValue(field: FieldDeclaration, value: FieldValue | undefined): SheetValue {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    if (field.type === "money") return { kind: "number", value: value / 100, format: "money" };
    return { kind: "number", value, format: field.type === "fte" ? "fte" : "whole" };
  }
  if (isMarker(value)) return { kind: "text", text: value };
  if (field.type === "choice") return { kind: "text", text: choiceLabel(field, value) };
  return { kind: "text", text: neutraliseFormula(value) };
}

function csvText(field: FieldDeclaration, value: FieldValue | undefined): string {
  if (field.type === "choice" && typeof value === "string" && !isMarker(value)) return neutraliseFormula(choiceLabel(field, value));
  return writeCell(field, value ?? null);
}

/**
 * The validation of a value cell. Counts, money and FTE allow the markers too, which no built-in
 * "whole number" or "decimal" rule can, so the writers express them as custom formulas. A choice
 * list is written only if no label contains a comma (list items cannot escape one); dates and
 * narratives are left unvalidated: the upload checks them all anyway.
 */
function ruleOf(field: FieldDeclaration): SheetRule {
  switch (field.type) {
    case "count":
      return { kind: "count" };
    case "money":
      return { kind: "money" };
    case "fte":
      return { kind: "fte" };
    case "choice": {
      const options = [...(field.choices ?? []).map((c) => c.label), "[x]", "[z]"];
      return options.some((o) => o.includes(",") || o.includes('"')) ? { kind: "none" } : { kind: "list", options };
    }
    default:
      return { kind: "none" };
  }
}

function hintOf(field: FieldDeclaration): string {
  const hint = field.hint ?? "";
  if (field.type === "choice" && field.choices) return `${hint}${hint ? " " : ""}One of: ${field.choices.map((c) => c.label).join(", ")}.`;
  if (field.type === "date") return `${hint}${hint ? " " : ""}A date like 15/07/2025 or 2025-07-15.`;
  return hint;
}

function unitOf(field: FieldDeclaration): string {
  if (field.unit) return field.unit;
  if (field.type === "count") return "complaints";
  return "";
}

export interface ReturnSheetInput {
  organisationCode: string;
  organisationName: string;
  period: string;
  templateVersion: number;
  serviceAreas: readonly ServiceArea[];
  values: Readonly<Record<string, FieldValue>>;
}

/** The table of a return, pre-filled with its current values. */
export function returnSheet(input: ReturnSheetInput): ReturnSheet {
  const template = requireTemplate(input.templateVersion);
  const sections = new Map(template.sections.map((s) => [s.id, s.title]));
  const rows = templateFields(template, input.serviceAreas).map((field): SheetRow => ({
    field,
    id: field.id,
    section: neutraliseFormula(sections.get(field.section) ?? field.section),
    question: neutraliseFormula(field.label),
    hint: neutraliseFormula(hintOf(field)),
    unit: neutraliseFormula(unitOf(field)),
    value: sheetValue(field, input.values[field.id]),
    csv: csvText(field, input.values[field.id]),
    rule: ruleOf(field),
  }));
  return {
    title: `Quarterly complaints return: ${input.organisationName} (${input.organisationCode}), ${formatPeriodLabel(requirePeriod(input.period))}`,
    guidance:
      "Fill in the value column only; the other columns are protected. Counts are whole numbers, money is in pounds and pence, staff time (FTE) has one decimal place. Write [x] for not available or [z] for not applicable; leave a cell blank for no figure yet.",
    rows,
  };
}

/** The file name of a return's spreadsheet: `DES-LIC1-2026-27-q2-return.xlsx`. */
export function returnFileName(organisationCode: string, period: string, extension: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, "-");
  return `${safe(organisationCode)}-${safe(period.toLowerCase())}-return.${extension}`;
}

/** The plain text of a value cell (as LibreOffice and the readers give it back), for comparing files. */
export function sheetValueText(value: SheetValue): string {
  switch (value.kind) {
    case "blank":
      return "";
    case "text":
      return value.text;
    case "number":
      return value.format === "money" ? value.value.toFixed(2) : value.format === "fte" ? value.value.toFixed(1) : String(value.value);
  }
}
