import { randomUUID } from "node:crypto";
import { stat, readFile } from "node:fs/promises";
import {
  analyse,
  appendAuditMany,
  insertReturnsInBulk,
  listCurrentReturns,
  listOrganisations,
  type BulkReturn,
  type Database,
  type Kysely,
} from "@complaints/db";
import {
  requireTemplate,
  formatPeriodCode,
  formatPeriodLabel,
  isActiveIn,
  parsePeriod,
  periodIndex,
  templateFields,
  validateReturn,
  type FieldDeclaration,
  type FieldValue,
  type Organisation,
} from "@complaints/domain";
import { parse } from "csv-parse/sync";
import { decodeText, UnreadableFileError } from "./decode.ts";
import { readCell } from "./cells.ts";

// The CSV carries template v1's columns until import and export follow each return's own version
// (issue 6, after the CSV code moves); v2 returns are made through the portal meanwhile.
const csvTemplate = requireTemplate(1);

/** One problem found in a file: where (line of the file, column name) and what. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  encoding: "utf-8" | "windows-1252" | null;
  rows: number;
  created: number;
  revised: number;
  unchanged: number;
  /** At most `maxProblems`; `moreProblems` counts the rest (DfE's screener caps at 100). */
  problems: ImportProblem[];
  moreProblems: number;
}

export interface ImportOptions {
  actor: string;
  now: string;
  maxBytes: number;
  /** Record different figures for an existing return as a new revision instead of refusing them. */
  revise?: boolean;
  maxProblems?: number;
  onProgress?: (phase: "checking" | "writing", done: number, total: number) => void;
}

const fixedColumns = ["organisation_code", "period"] as const;

interface ParsedRow {
  line: number;
  organisation: Organisation;
  period: string;
  periodIndex: number;
  /** Values by column (a compact array: 16,000 rows as objects would take several times the memory). */
  cells: FieldValue[];
  fieldIds: readonly string[];
}

function valuesOf(row: ParsedRow): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  row.cells.forEach((v, i) => {
    if (v !== null && v !== undefined) values[row.fieldIds[i]!] = v;
  });
  return values;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return d[b.length]!;
}

function suggestion(column: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const distance = levenshtein(column.toLowerCase(), k);
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best ? ` Did you mean “${best}”?` : "";
}

class Problems {
  readonly list: ImportProblem[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(row: number | null, column: string | null, message: string) {
    if (this.list.length < this.max) this.list.push({ row, column, message });
    else this.more += 1;
  }
  get count() {
    return this.list.length + this.more;
  }
}

/**
 * Checks a wide returns CSV (one row per return: organisation_code, period, then template field ids)
 * without touching the database beyond reading organisations and existing returns.
 */
export function checkReturnsCsv(text: string, organisations: readonly Organisation[], problems: Problems, onProgress?: ImportOptions["onProgress"]): ParsedRow[] {
  const allAreas = new Set(organisations.flatMap((o) => o.serviceAreas.map((a) => `received_by_service_area.${a.code}`)));
  const knownById = new Map(templateFields(csvTemplate).map((f) => [f.id, f]));
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const firstLine = new Map<string, number>();
  const parsed: ParsedRow[] = [];
  const expectedRows = Math.max(1, text.split("\n", 100_001).length - 1);
  let columnFields: (FieldDeclaration | null)[] | null = null;
  let records = 0;
  let fieldIds: string[] = [];

  const checkHeader = (record: string[]) => {
    const names = record.map((h) => h.trim());
    if (names[0] !== fixedColumns[0] || names[1] !== fixedColumns[1]) {
      problems.add(1, null, `The first row must be the column names, starting “organisation_code”, “period”, then field ids such as “received”. It starts “${names.slice(0, 2).join("”, “")}”.`);
      return null;
    }
    const fields: (FieldDeclaration | null)[] = [];
    const seen = new Map<string, number>();
    names.forEach((name, i) => {
      if (i < 2) return fields.push(null);
      if (seen.has(name)) problems.add(1, name, `Column ${i + 1} repeats the column “${name}” (first in column ${seen.get(name)! + 1}).`);
      seen.set(name, i);
      let field = knownById.get(name) ?? null;
      if (!field && allAreas.has(name)) {
        field = { id: name, section: "breakdowns", label: `Complaints received by service area: ${name.split(".")[1]}`, type: "count", required: false, breakdown: "received_by_service_area" };
      }
      if (!field) problems.add(1, name, `Column ${i + 1}, “${name}”, is not a field of the return.${suggestion(name, [...knownById.keys()])}`);
      fields.push(field);
    });
    return problems.count > 0 ? null : fields;
  };

  const checkRow = (record: string[], line: number, fields: (FieldDeclaration | null)[]) => {
    const code = record[0]!.trim();
    const periodText = record[1]!.trim();
    const organisation = byCode.get(code);
    const period = parsePeriod(periodText);
    if (!organisation) problems.add(line, "organisation_code", code ? `There is no organisation with code “${code}”.` : "The organisation code is blank.");
    else if (organisation.kind !== "body") problems.add(line, "organisation_code", `${code} is a department; returns are made by its bodies.`);
    if (!period) problems.add(line, "period", `“${periodText}” is not a period: write it like 2025-26 Q1 or Apr to Jun 2025.`);
    if (!organisation || organisation.kind !== "body" || !period) return;
    if (!isActiveIn(organisation, period)) {
      problems.add(line, "period", `${organisation.name} was not active in ${formatPeriodLabel(period)}.`);
      return;
    }
    const periodCode = formatPeriodCode(period);
    const key = `${code}|${periodCode}`;
    if (firstLine.has(key)) {
      problems.add(line, null, `This row repeats the return for ${code} ${periodCode} already on line ${firstLine.get(key)}.`);
      return;
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
    if (!rowOk) return;
    // The template's arithmetic rules apply to history too; missing figures are allowed in history.
    const result = validateReturn(values, { template: csvTemplate, serviceAreas: organisation.serviceAreas });
    for (const e of result.errors) {
      if (e.id.startsWith("required:") || e.id.startsWith("note:")) continue;
      problems.add(line, e.fieldIds[0] ?? null, `${e.message}.`);
      rowOk = false;
    }
    if (rowOk) parsed.push({ line, organisation, period: periodCode, periodIndex: periodIndex(period), cells, fieldIds });
  };

  try {
    // Each record is checked as it is read and then dropped, so a large file is never held twice.
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record: string[], context) => {
        records += 1;
        if (records === 1) {
          columnFields = checkHeader(record);
          fieldIds = record.map((h) => h.trim());
        }
        else if (columnFields) checkRow(record, context.lines, columnFields);
        if (onProgress && records % 500 === 0) onProgress("checking", records - 1, expectedRows);
        return null;
      },
    });
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    const where = e.lines ? ` near line ${e.lines}` : "";
    const what = e.code?.startsWith("CSV_RECORD_INCONSISTENT")
      ? "a row has a different number of columns from the header row"
      : e.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted cell is never closed"
        : e.code === "CSV_INVALID_CLOSING_QUOTE"
          ? "a quote mark appears inside a cell that is not quoted properly"
          : (e.message ?? "it is not valid CSV");
    problems.add(e.lines ?? null, null, `The file could not be read as CSV${where}: ${what}.`);
    return [];
  }
  if (records < 2 && problems.count === 0) problems.add(null, null, "The file has no returns in it: it needs a header row and at least one row of figures.");
  onProgress?.("checking", records - 1, records - 1);
  return parsed;
}

function sameValues(a: Readonly<Record<string, FieldValue>>, b: Readonly<Record<string, FieldValue>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

/**
 * Loads returns from a CSV file, all or nothing: any problem and the database is left as it was,
 * with a report of row, column and problem. Importing the same file again changes nothing.
 */
export async function importReturnsFile(db: Kysely<Database>, path: string, options: ImportOptions): Promise<ImportReport> {
  const problems = new Problems(options.maxProblems ?? 100);
  const empty = (encoding: ImportReport["encoding"], rows = 0): ImportReport => ({
    ok: false,
    encoding,
    rows,
    created: 0,
    revised: 0,
    unchanged: 0,
    problems: problems.list,
    moreProblems: problems.more,
  });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    problems.add(null, null, `There is no file at ${path}.`);
    return empty(null);
  }
  if (size > options.maxBytes) {
    problems.add(null, null, `The file is ${(size / 1_048_576).toFixed(1)} MB; the most this system accepts is ${(options.maxBytes / 1_048_576).toFixed(1)} MB (IMPORT_MAX_BYTES). Split it into smaller files.`);
    return empty(null);
  }
  let decoded;
  try {
    decoded = decodeText(await readFile(path));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    problems.add(null, null, error.message);
    return empty(null);
  }
  return importReturnsText(db, decoded.text, decoded.encoding, options, problems);
}

export async function importReturnsText(
  db: Kysely<Database>,
  text: string,
  encoding: "utf-8" | "windows-1252",
  options: ImportOptions,
  problems = new Problems(options.maxProblems ?? 100),
): Promise<ImportReport> {
  const organisations = await listOrganisations(db);
  const rows = checkReturnsCsv(text, organisations, problems, options.onProgress);
  const report = (ok: boolean, created = 0, revised = 0, unchanged = 0): ImportReport => ({
    ok,
    encoding,
    rows: rows.length,
    created,
    revised,
    unchanged,
    problems: problems.list,
    moreProblems: problems.more,
  });
  if (problems.count > 0) return report(false);

  const codes = [...new Set(rows.map((r) => r.organisation.code))];
  const indexes = rows.map((r) => r.periodIndex);
  const existing = new Map(
    (await listCurrentReturns(db, codes, Math.min(...indexes), Math.max(...indexes))).map((r) => [`${r.organisationCode}|${r.period}`, r]),
  );
  const items: BulkReturn[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const before = existing.get(`${row.organisation.code}|${row.period}`);
    if (before && sameValues(before.values, valuesOf(row))) {
      unchanged += 1;
      continue;
    }
    if (before && !options.revise) {
      problems.add(row.line, null, `${row.organisation.code} already has a return for ${row.period} with different figures. Run the import with --revise to record these as a new revision.`);
      continue;
    }
    if (before && before.status !== "accepted") {
      problems.add(row.line, null, `${row.organisation.code}'s return for ${row.period} is ${before.status}; only accepted returns can be revised by an import.`);
      continue;
    }
    items.push({
      returnId: before?.returnId ?? randomUUID(),
      revisionId: randomUUID(),
      organisationCode: row.organisation.code,
      period: row.period,
      periodIndex: row.periodIndex,
      revision: before ? before.revision + 1 : 1,
      templateVersion: csvTemplate.version,
      status: "accepted",
      // Built when written, a batch at a time, to keep memory flat.
      get values() {
        return valuesOf(row);
      },
      notes: {},
      existing: before !== undefined,
    });
  }
  if (problems.count > 0) return report(false);

  await db.transaction().execute(async (trx) => {
    await insertReturnsInBulk(trx, items, options.actor, options.now, (done, total) => options.onProgress?.("writing", done, total));
    await appendAuditMany(
      trx,
      items.map((i) => ({
        at: options.now,
        actorUserId: null,
        actor: options.actor,
        action: i.existing ? "return.revisedByImport" : "return.imported",
        entityType: "return",
        entityId: i.returnId,
        organisationCode: i.organisationCode,
        changes: [{ field: "revision", old: i.existing ? i.revision - 1 : null, new: i.revision }],
        reason: "Loaded from a CSV file",
      })),
    );
  });
  if (items.length > 1000) await analyse(db);
  const revised = items.filter((i) => i.existing).length;
  return report(true, items.length - revised, revised, unchanged);
}

