import {
  caseChannels,
  caseColumns,
  caseOutcomes,
  casePaymentTypes,
  caseRemedies,
  caseStages,
  caseThemes,
  codedCaseColumns,
  requiredCaseColumns,
  type CaseColumn,
  type CaseMapping,
  type CodedCaseColumn,
} from "@complaints/domain";

/**
 * The mapping screen's logic, apart from the page: which of a file's headers holds each of our
 * columns, which of its values are not our codes, and the CaseMapping the choices make.
 */

/** Columns whose cell holds several codes separated by `;`. */
const listColumns: readonly CodedCaseColumn[] = ["themes", "remedies"];

/** At most this many unmatched values of one column are offered (a free-text column would give thousands). */
export const maxValuesShown = 30;

export function isRequiredColumn(column: CaseColumn): boolean {
  return requiredCaseColumns.includes(column);
}

/**
 * Our column → the file's header of the same name, ignoring case and surrounding spaces (a
 * system's export saying `Case_Ref` means ours). Columns the file does not have are left out.
 */
export function matchingHeaders(headers: readonly string[]): Partial<Record<CaseColumn, string>> {
  const byLower = new Map<string, string>();
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    if (key && !byLower.has(key)) byLower.set(key, header);
  }
  const out: Partial<Record<CaseColumn, string>> = {};
  for (const column of caseColumns) {
    const header = byLower.get(column);
    if (header !== undefined) out[column] = header;
  }
  return out;
}

/** Our codes for a coded column (service areas are the body's own). */
export function ourCodes(column: CodedCaseColumn, serviceAreaCodes: readonly string[]): readonly string[] {
  switch (column) {
    case "stage":
      return caseStages;
    case "outcome":
      return caseOutcomes;
    case "themes":
      return caseThemes;
    case "service_area":
      return serviceAreaCodes;
    case "channel":
      return caseChannels;
    case "remedies":
      return caseRemedies;
    case "payment_type":
      return casePaymentTypes;
  }
}

export interface UnmatchedValues {
  /** Distinct values that are not our codes, the most frequent first. */
  values: string[];
  /** How many more distinct values there were beyond `maxValuesShown`. */
  more: number;
}

/**
 * The values in one column of the sample that are not our codes: each cell trimmed, list columns
 * split at `;`, empty cells skipped (they mean "none"). Most frequent first, then alphabetical.
 */
export function unmatchedValues(rows: readonly (readonly string[])[], index: number, column: CodedCaseColumn, codes: readonly string[]): UnmatchedValues {
  const known = new Set(codes);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const cell = (row[index] ?? "").trim();
    if (!cell) continue;
    const parts = listColumns.includes(column) ? cell.split(";") : [cell];
    for (const part of parts) {
      const value = part.trim();
      if (value && !known.has(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
  return { values: sorted.slice(0, maxValuesShown), more: Math.max(0, sorted.length - maxValuesShown) };
}

/** What the person chose on the mapping screen. */
export interface MappingChoices {
  name: string;
  /** Our column → the file's header, or "" for "Not in my file". */
  columns: Partial<Record<CaseColumn, string>>;
  /** Coded column → their value → our code ("" for not chosen). */
  codes: Partial<Record<CodedCaseColumn, Record<string, string>>>;
}

/**
 * The mapping to save: every column the person pointed at a header (even one of the same name, so
 * the mapping says where each column is), and only the code translations they chose.
 */
export function mappingFromChoices(choices: MappingChoices): CaseMapping {
  const columns: CaseMapping["columns"] = {};
  for (const column of caseColumns) {
    const header = choices.columns[column];
    if (header) columns[column] = header;
  }
  const codes: CaseMapping["codes"] = {};
  for (const column of codedCaseColumns) {
    if (!columns[column]) continue;
    const chosen = Object.entries(choices.codes[column] ?? {}).filter(([, ours]) => ours !== "");
    if (chosen.length > 0) codes[column] = Object.fromEntries(chosen);
  }
  return { name: choices.name.trim(), columns, codes };
}

/** Required columns the person has not matched to a header, in our column order. */
export function missingRequiredColumns(columns: Partial<Record<CaseColumn, string>>): CaseColumn[] {
  return requiredCaseColumns.filter((c) => !columns[c]);
}

/** A code written as words: "Partly upheld", "Early-Resolution" → "partly_upheld", "early_resolution". */
function asCode(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/**
 * Our code a value most likely means, to choose for the person (they can change it): the same code
 * written in other case or with spaces or hyphens. Null when none is that close.
 */
export function suggestedCode(value: string, codes: readonly string[]): string | null {
  const wanted = asCode(value);
  return codes.find((code) => code.toLowerCase() === wanted) ?? null;
}
