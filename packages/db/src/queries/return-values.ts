import { isMarker, type FieldValue } from "@complaints/domain";
import { CompiledQuery, PostgresAdapter, type Kysely } from "kysely";
import type { Database, ReturnValueRow } from "../schema.ts";

/**
 * The value codec: a return's values as rows, one per non-blank field per revision (DESIGN.md
 * section 5, after DHIS2), and the bulk statements that write them.
 */
export type Values = Readonly<Record<string, FieldValue>>;
export type Notes = Readonly<Record<string, string>>;

/** One row per non-blank value. A number goes in num_value, a marker in marker, text in text_value. */
export function valuesToRows(revisionSeq: number, values: Values, notes: Notes = {}): ReturnValueRow[] {
  const rows: ReturnValueRow[] = [];
  for (const [field, value] of Object.entries(values)) {
    const note = notes[field] ?? null;
    if (value === null || value === undefined) {
      if (note !== null) rows.push({ revision_seq: revisionSeq, field_id: field, num_value: null, text_value: null, marker: null, note });
      continue;
    }
    rows.push({
      revision_seq: revisionSeq,
      field_id: field,
      num_value: typeof value === "number" ? value : null,
      text_value: typeof value === "string" && !isMarker(value) ? value : null,
      marker: isMarker(value) ? value : null,
      note,
    });
  }
  return rows;
}

export function rowsToValues(rows: readonly Pick<ReturnValueRow, "field_id" | "num_value" | "text_value" | "marker" | "note">[]) {
  const values: Record<string, FieldValue> = {};
  const notes: Record<string, string> = {};
  for (const r of rows) {
    values[r.field_id] = r.marker ?? (r.num_value !== null ? Number(r.num_value) : r.text_value);
    if (r.note !== null) notes[r.field_id] = r.note;
  }
  return { values, notes };
}

// SQLite allows 32,766 bound parameters: 6 columns × 2,000 rows fits.
const valueBatch = 2000;
// PostgreSQL takes whole columns as arrays, so a batch is one statement of six parameters.
const postgresValueBatch = 50_000;

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const valueColumns = "(revision_seq, field_id, num_value, text_value, marker, note)";

/**
 * Inserts value rows in bulk. The statements are written once here rather than built through the
 * query builder, because the import sends 1.6 million rows through this function: PostgreSQL gets
 * each column as one array (`unnest`), SQLite a cached multi-row statement per batch size.
 */
export async function insertValues(db: Kysely<Database>, rows: readonly ReturnValueRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(db)) {
    for (let i = 0; i < rows.length; i += postgresValueBatch) {
      const batch = rows.slice(i, i + postgresValueBatch);
      await db.executeQuery(
        CompiledQuery.raw(
          `insert into return_values ${valueColumns} select * from unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[])`,
          [
            batch.map((r) => r.revision_seq),
            batch.map((r) => r.field_id),
            batch.map((r) => r.num_value),
            batch.map((r) => r.text_value),
            batch.map((r) => r.marker),
            batch.map((r) => r.note),
          ],
        ),
      );
    }
    return;
  }
  for (let i = 0; i < rows.length; i += valueBatch) {
    const batch = rows.slice(i, i + valueBatch);
    const parameters: unknown[] = [];
    for (const r of batch) parameters.push(r.revision_seq, r.field_id, r.num_value, r.text_value, r.marker, r.note);
    await db.executeQuery(CompiledQuery.raw(`insert into return_values ${valueColumns} values ${sqlitePlaceholders(batch.length)}`, parameters));
  }
}

const placeholderCache = new Map<number, string>();
function sqlitePlaceholders(rows: number): string {
  let text = placeholderCache.get(rows);
  if (!text) {
    text = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
    placeholderCache.set(rows, text);
  }
  return text;
}


export async function replaceValues(db: Kysely<Database>, revisionSeq: number, values: Values, notes: Notes): Promise<void> {
  await db.deleteFrom("return_values").where("revision_seq", "=", revisionSeq).execute();
  await insertValues(db, valuesToRows(revisionSeq, values, notes));
}

/**
 * Replaces the rows of some fields only (an autosave's changed answers): the other fields' rows are
 * left alone, so a save costs what changed, not the whole return. A field blank with no note has no row.
 */
export async function replaceFieldValues(db: Kysely<Database>, revisionSeq: number, fieldIds: readonly string[], values: Values, notes: Notes): Promise<void> {
  if (fieldIds.length === 0) return;
  await db.deleteFrom("return_values").where("revision_seq", "=", revisionSeq).where("field_id", "in", fieldIds).execute();
  const changed = Object.fromEntries(fieldIds.map((id) => [id, Object.hasOwn(values, id) ? (values[id] ?? null) : null]));
  const changedNotes = Object.fromEntries(fieldIds.filter((id) => Object.hasOwn(notes, id)).map((id) => [id, notes[id]!]));
  await insertValues(db, valuesToRows(revisionSeq, changed, changedNotes));
}
