import type { StoredRevision } from "@complaints/db";
import {
  fieldValueSchema,
  Screener,
  readCell,
  requireTemplate,
  saveCharacters,
  saveMaxCharacters,
  templateFields,
  type FieldDeclaration,
  type FieldValue,
  type ScreenProblem,
  type Screening,
} from "@complaints/domain";
import type { ServiceContext } from "./actor.ts";
import { figureChanges, getReturnInScope, loadForSave, saveDraft, type FigureChange } from "./returns.ts";
import { csvMimeType, writeCsv } from "./spreadsheet/csv.ts";
import { headerText, isBlank, odsMimeType, UnreadableSpreadsheetError, xlsxMimeType, type Grid, type GridCell } from "@complaints/office";
import { readSpreadsheetInWorker, type SpreadsheetSheets } from "./spreadsheet/read-spreadsheet.ts";
import { returnFileName, returnSheet } from "./spreadsheet/rows.ts";
import { returnOds, returnXlsx } from "./spreadsheet/workbook.ts";
import { didYouMean } from "./import/did-you-mean.ts";

/**
 * The spreadsheet route of a return: download the quarter's template pre-filled with the return's
 * current values (XLSX, ODS or CSV), fill it in, upload it. An upload is checked cell by cell with
 * the CLI import's cell codec (domain `readCell`: counts, money, FTE, markers, formulas, storable
 * text) and saved only if every cell is good; otherwise the answer lists the problems.
 */

export const spreadsheetFormats = ["xlsx", "ods", "csv"] as const;
export type SpreadsheetFormat = (typeof spreadsheetFormats)[number];

/** The largest file accepted: the server's request limit is 1 MiB, and base64 makes a file a third larger. */
export const spreadsheetMaxBytes = 700 * 1024;

export interface SpreadsheetFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export async function downloadReturnSpreadsheet(ctx: ServiceContext, returnId: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
  const stored = await getReturnInScope(ctx, returnId);
  const org = ctx.scope.organisation(stored.organisationCode, "body");
  const sheet = returnSheet({
    organisationCode: org.code,
    organisationName: org.name,
    period: stored.period,
    templateVersion: stored.templateVersion,
    serviceAreas: org.serviceAreas,
    values: stored.values,
  });
  const fileName = returnFileName(org.code, stored.period, format);
  const [bytes, mimeType] =
    format === "xlsx" ? [returnXlsx(sheet, ctx.now), xlsxMimeType] : format === "ods" ? [returnOds(sheet, ctx.now), odsMimeType] : [writeCsv(sheet), csvMimeType];
  return { fileName, mimeType, contentBase64: Buffer.from(bytes).toString("base64") };
}

/**
 * A problem with an uploaded spreadsheet: the sheet's row (1-based), or null for the whole file; the
 * field id the row gives as its column (known or not), with the question's label when it is one of the return's.
 */
export type UploadProblem = ScreenProblem & { label: string | null };

/** The checks an uploaded return spreadsheet goes through, in order. */
type SpreadsheetCheck = "file" | "format" | "header" | "ids" | "values" | "notes" | "length";

export type UploadChange = FigureChange;

/** With `dryRun`, `return` is the draft as it is and `changes` what saving the file would change. */
export type UploadResult = (Screening & { ok: true; dryRun: boolean; return: StoredRevision; changes: UploadChange[] }) | (Screening & { ok: false });

export interface UploadInput {
  returnId: string;
  expectedVersion: number;
  fileName: string;
  contentBase64: string;
  /** Check the file and say what it would change, saving nothing (so the page can ask before replacing figures). */
  dryRun?: boolean | undefined;
}

/** The screener of one upload: each problem names the field its row gives, and its question. */
class SpreadsheetScreener extends Screener<SpreadsheetCheck> {
  problem(check: SpreadsheetCheck, row: number | null, field: FieldDeclaration | string | null, message: string): void {
    const f = typeof field === "string" ? { id: field, label: null } : field;
    this.fail(check, { row, column: f?.id ?? null, label: f?.label ?? null, message } satisfies UploadProblem);
  }


  /** The answer once a check has failed the whole file. */
  refuse(check: SpreadsheetCheck, message: string): UploadResult {
    this.problem(check, null, null, message);
    return { ...this.result(), ok: false };
  }
}

/** A file's bytes from base64, or null if it is not base64. */
function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  return new Uint8Array(Buffer.from(clean, "base64"));
}

interface Header {
  sheet: Grid;
  index: number;
  idColumn: number;
  valueColumn: number;
}

/** The header row: the first row, in the first 20 of a sheet, with cells `id` and `value`. */
function findHeader(sheets: Grid[]): Header | null {
  for (const sheet of sheets) {
    for (let index = 0; index < Math.min(sheet.rows.length, 20); index += 1) {
      const names = sheet.rows[index]!.cells.map(headerText);
      const idColumn = names.indexOf("id");
      const valueColumn = names.indexOf("value");
      if (idColumn >= 0 && valueColumn >= 0) return { sheet, index, idColumn, valueColumn };
    }
  }
  return null;
}

function pence(pounds: number): number | null {
  const p = Math.round(pounds * 100);
  return Math.abs(pounds * 100 - p) < 1e-6 ? p : null;
}

/** An Excel date serial (days since 1899-12-30, or 1904-01-01) as an ISO date. */
function serialDate(serial: number, date1904: boolean): string {
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

/** The text the cell codec reads for a cell, or why there is none. */
function cellText(field: FieldDeclaration, cell: GridCell, date1904: boolean): { text: string } | { problem: string } {
  switch (cell.kind) {
    case "blank":
      return { text: "" };
    case "text":
      return { text: cell.text };
    case "formula":
      return { problem: `the cell holds a formula (=${cell.formula.slice(0, 60)}); enter the value itself` };
    case "error":
      return { problem: `the cell shows the error ${cell.text.slice(0, 20)}; enter the value itself` };
    case "boolean":
      return { text: cell.value ? "TRUE" : "FALSE" };
    case "date":
      return { text: cell.iso };
    case "number": {
      const v = cell.value;
      if (field.type === "money") {
        const p = pence(v);
        if (p === null) return { text: String(v) };
        const sign = p < 0 ? "-" : "";
        const abs = Math.abs(p);
        return { text: `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}` };
      }
      if (field.type === "fte") {
        const tenths = Math.round(v * 10);
        return { text: Math.abs(v * 10 - tenths) < 1e-6 ? (tenths / 10).toFixed(1) : String(v) };
      }
      if (field.type === "date") return { text: serialDate(v, date1904) };
      return { text: String(v) };
    }
  }
}


/** The file's values by field id (blank cells as null), or the problems found. */
function checkSheet(sheets: Grid[], date1904: boolean, fields: FieldDeclaration[], problems: SpreadsheetScreener): Map<string, { value: FieldValue; row: number }> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const found = new Map<string, { value: FieldValue; row: number }>();
  const header = findHeader(sheets);
  problems.ran("header");
  if (!header) {
    problems.problem("header", null, null, "The file has no header row: a row within its first 20 with the column names “id” and “value”, as in the downloaded template. Download the template again and fill in its value column.");
    return found;
  }
  const { sheet, index, idColumn, valueColumn } = header;
  const firstRow = new Map<string, number>();
  let dataRows = 0;
  problems.ran("ids");
  problems.ran("values");
  for (const { row, cells } of sheet.rows.slice(index + 1)) {
    const idCell = cells[idColumn];
    const valueCell = cells[valueColumn] ?? { kind: "blank" as const };
    if (isBlank(idCell) && isBlank(valueCell)) continue;
    dataRows += 1;
    const id = idCell?.kind === "text" ? idCell.text.trim() : idCell?.kind === "number" ? String(idCell.value) : "";
    if (id === "") {
      problems.problem("ids", row, null, `Row ${row} has a value but no id: put the field's id in the id column, or delete the value.`);
      continue;
    }
    const field = byId.get(id);
    if (!field) {
      problems.problem("ids", row, id.slice(0, 100), `Row ${row}: “${id.slice(0, 100)}” is not a field of this return.${didYouMean(id, byId.keys())}`);
      continue;
    }
    const seen = firstRow.get(id);
    if (seen !== undefined) {
      problems.problem("ids", row, field, `Row ${row}, ‘${field.label}’: the id “${id}” is already on row ${seen}; give each field once.`);
      continue;
    }
    firstRow.set(id, row);
    const text = cellText(field, valueCell, date1904);
    if ("problem" in text) {
      problems.problem("values", row, field, `Row ${row}, ‘${field.label}’: ${text.problem}.`);
      continue;
    }
    const cell = readCell(field, text.text);
    if (!cell.ok) {
      problems.problem("values", row, field, `Row ${row}, ‘${field.label}’: ${cell.problem}.`);
      continue;
    }
    // The limits a save has (largest count, amount, text length).
    const checked = fieldValueSchema(field).safeParse(cell.value);
    if (!checked.success) {
      problems.problem("values", row, field, `Row ${row}: ${checked.error.issues[0]?.message ?? `‘${field.label}’ is not a valid value`}.`);
      continue;
    }
    found.set(id, { value: cell.value, row });
  }
  if (sheet.truncated) problems.problem("format", null, null, `The sheet has more rows than a return could need (over ${sheet.rows.length.toLocaleString("en-GB")}): upload the template with one row per field.`);
  if (dataRows === 0 && problems.ok) problems.problem("values", null, null, "The file has a header row but no rows of figures under it.");
  return found;
}

export async function uploadReturnSpreadsheet(ctx: ServiceContext, input: UploadInput): Promise<UploadResult> {
  // The return first: an upload to a return that cannot be saved is refused as a save is.
  const stored = await loadForSave(ctx, input.returnId, input.expectedVersion);
  const org = ctx.scope.organisation(stored.organisationCode, "body");

  const problems = new SpreadsheetScreener();
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes) return problems.refuse("file", "The file did not arrive whole (its content is not base64). Try uploading it again.");
  if (bytes.length === 0) return problems.refuse("file", "The file is empty.");
  if (bytes.length > spreadsheetMaxBytes) {
    return problems.refuse("file", `The file is ${Math.ceil(bytes.length / 1024).toLocaleString("en-GB")} KB; the most is ${spreadsheetMaxBytes / 1024} KB. A filled-in return is far smaller: download the template again and fill in its value column, or save it as CSV.`);
  }

  problems.ran("file");
  let sheets: SpreadsheetSheets;
  try {
    sheets = await readSpreadsheetInWorker(bytes, input.fileName);
  } catch (error) {
    if (!(error instanceof UnreadableSpreadsheetError)) throw error;
    return problems.refuse("format", /^[A-Z]/.test(error.message) ? error.message : `The file cannot be read: ${error.message}.`);
  }

  const template = requireTemplate(stored.templateVersion);
  const fields = templateFields(template, org.serviceAreas);
  const labels = new Map(fields.map((f) => [f.id, f.label]));
  problems.ran("format");
  const found = checkSheet(sheets.sheets, sheets.date1904, fields, problems);
  if (!problems.ok) return { ...problems.result(), ok: false };

  // Blank cells in the file blank the field; fields the file has no row for keep their values.
  problems.ran("notes");
  problems.ran("length");
  const values: Record<string, FieldValue> = { ...stored.values };
  for (const [id, { value }] of found) {
    if (value === null) delete values[id];
    else values[id] = value;
  }
  for (const [field, note] of Object.entries(stored.notes)) {
    if (values[field] !== undefined && values[field] !== null) continue;
    const at = found.get(field);
    problems.problem("notes", at?.row ?? null, fields.find((f) => f.id === field) ?? field, `${at ? `Row ${at.row}, ` : ""}‘${labels.get(field) ?? field}’ has a note (“${note.slice(0, 60)}${note.length > 60 ? "…" : ""}”), so it needs a figure, or [x] or [z]: fill in the value, or delete the note in the form first.`);
  }
  if (saveCharacters({ values, notes: stored.notes, explanations: stored.explanations }) > saveMaxCharacters) {
    problems.problem("length", null, null, `The return's text would be more than ${saveMaxCharacters.toLocaleString("en-GB")} characters: shorten the narratives.`);
  }
  if (!problems.ok) return { ...problems.result(), ok: false };
  if (input.dryRun) return { ...problems.result(), ok: true, dryRun: true, return: stored, changes: figureChanges(stored.values, values, fields) };

  const saved = await saveDraft(
    ctx,
    { returnId: stored.returnId, expectedVersion: input.expectedVersion, values, notes: stored.notes, explanations: stored.explanations },
    { dropClearedExplanations: true, action: "return.uploaded", reason: `Uploaded from the spreadsheet “${input.fileName.slice(0, 200)}”.` },
  );
  return { ...problems.result(), ok: true, dryRun: false, return: saved, changes: figureChanges(stored.values, saved.values, fields) };
}
