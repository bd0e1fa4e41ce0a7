import { z } from "zod";
import type { FieldDeclaration, FieldValue, TemplateDeclaration } from "./declaration.ts";
import { breakdownFieldId, templateFields } from "./fields.ts";
import type { FieldChange } from "./merge.ts";
import { fieldValueSchema } from "./schema.ts";
import { storableTextProblem } from "../storable-text.ts";

/**
 * What a caller may send when saving a return, checked once at the API's procedure before any
 * service runs, generated from the declarations of every template version: each key must be a
 * field of some version (service-area cells by their pattern, since their codes are set per body),
 * and each value must suit that field. Which fields a particular return has (its version, its
 * body's service areas) is checked by the returns service against the stored return.
 *
 * Limits keep one request from growing the append-only audit log by megabytes: a note is at most
 * `noteMaxLength` characters, an explanation `explanationMaxLength`, and all the text of one save
 * together at most `saveMaxCharacters`.
 */
export const noteMaxLength = 2000;
export const explanationMaxLength = 5000;
export const saveMaxCharacters = 100_000;

/** A field id or a warning id as sent: a stable lower-case code with dots and colons, never `__proto__`. */
const keyPattern = /^[a-z][a-z0-9_]*([.:][a-z0-9_]+)*$/;

interface KnownFields {
  byId: Map<string, FieldDeclaration>;
  /** Breakdowns whose categories are set per body: `received_by_service_area.` → a count cell. */
  perBodyPrefixes: { prefix: string; field: FieldDeclaration }[];
}

function knownFields(templates: readonly TemplateDeclaration[]): KnownFields {
  const byId = new Map<string, FieldDeclaration>();
  const perBodyPrefixes: KnownFields["perBodyPrefixes"] = [];
  for (const template of templates) {
    for (const field of templateFields(template)) if (!byId.has(field.id)) byId.set(field.id, field);
    for (const b of template.breakdowns) {
      if (b.categories !== "service-areas") continue;
      const prefix = breakdownFieldId(b.id, "");
      if (perBodyPrefixes.some((p) => p.prefix === prefix)) continue;
      perBodyPrefixes.push({ prefix, field: { id: prefix, section: b.section, label: b.label, type: "count", required: false, breakdown: b.id } });
    }
  }
  return { byId, perBodyPrefixes };
}

function fieldFor(known: KnownFields, id: string): FieldDeclaration | undefined {
  const fixed = known.byId.get(id);
  if (fixed) return fixed;
  const perBody = known.perBodyPrefixes.find((p) => id.startsWith(p.prefix) && /^[a-z0-9_]{1,40}$/.test(id.slice(p.prefix.length)));
  return perBody ? { ...perBody.field, id, label: `${perBody.field.label}: ${id.slice(perBody.prefix.length)}` } : undefined;
}

/**
 * A record keyed by something; the keys must be codes, never `__proto__` or `constructor`-like
 * surprises, and there can be no more of them than `maxKeys`.
 */
function codeKeyedRecord<T extends z.ZodType>(value: T, what: string, maxKeys: number) {
  // Keys are checked on the object as sent: zod's record drops a `__proto__` key without a word,
  // so it is refused here instead, like any other bad name. The record then checks the values.
  const ownKeysAreCodes = z.unknown().superRefine((input, ctx) => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return;
    const keys = Object.keys(input);
    if (keys.length > maxKeys) ctx.addIssue({ code: "custom", path: [], message: `${what}: there are more than ${maxKeys}` });
    for (const key of keys) {
      if (key.length > 200 || !keyPattern.test(key)) ctx.addIssue({ code: "custom", path: [key], message: `${what}: “${key.slice(0, 60)}” is not a field or warning of a return` });
    }
  });
  return ownKeysAreCodes.pipe(z.record(z.string(), value));
}

/** The values of a save: every key a field of some version, every value valid for its field. */
/** Each field's value schema, made once per field (service-area cells share their breakdown's). */
function valueSchemas(known: KnownFields): (field: FieldDeclaration) => z.ZodType<FieldValue> {
  const schemas = new Map<string, z.ZodType<FieldValue>>();
  return (field) => {
    const key = field.breakdown && !known.byId.has(field.id) ? `${field.breakdown}.*` : field.id;
    let schema = schemas.get(key);
    if (!schema) schemas.set(key, (schema = fieldValueSchema(field)));
    return schema;
  };
}

export function returnValuesInputSchema(templates: readonly TemplateDeclaration[]) {
  const known = knownFields(templates);
  const schemaOf = valueSchemas(known);
  const maxKeys = known.byId.size + 500;
  return codeKeyedRecord(z.unknown(), "Figures", maxKeys).transform((values, ctx) => {
    const out: Record<string, FieldValue> = {};
    for (const [id, value] of Object.entries(values)) {
      const field = fieldFor(known, id);
      if (!field) {
        ctx.addIssue({ code: "custom", path: [id], message: `“${id}” is not a field of the return` });
        continue;
      }
      const parsed = schemaOf(field).safeParse(value);
      if (parsed.success) out[id] = parsed.data;
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [id, ...issue.path], message: issue.message });
    }
    return out;
  });
}

/** Notes explaining a marker, keyed by field id. */
export function notesInputSchema(templates: readonly TemplateDeclaration[]) {
  const known = knownFields(templates);
  return codeKeyedRecord(z.unknown(), "Notes", known.byId.size + 500).transform((notes, ctx) => {
    const out: Record<string, string> = {};
    for (const [id, note] of Object.entries(notes)) {
      const label = fieldFor(known, id)?.label;
      const name = label ? `The note on ‘${label}’` : `The note on “${id}”`;
      const problem = textProblem(note, noteMaxLength);
      if (problem) ctx.addIssue({ code: "custom", path: [id], message: `${name} ${problem}` });
      else out[id] = (note as string).trim();
    }
    return out;
  });
}

/** Explanations of warnings, keyed by the warning's id; which warnings exist is checked by the service. */
export const explanationsInputSchema = codeKeyedRecord(z.unknown(), "Explanations", 200).transform((explanations, ctx) => {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(explanations)) {
    const problem = textProblem(text, explanationMaxLength);
    if (problem) ctx.addIssue({ code: "custom", path: [id], message: `The explanation of warning “${id}” ${problem}` });
    else out[id] = (text as string).trim();
  }
  return out;
});

/**
 * The changes of an autosave (see merge.ts): per key `{ from, to }`, both checked as a full save
 * checks a value, a note or an explanation, except that `null` means blank (or no note, no explanation).
 */
function changesRecord<T extends string | number>(what: string, maxKeys: number, sideOf: (key: string) => { name: string; schema: z.ZodType<T | null> } | { unknown: string }) {
  return codeKeyedRecord(z.unknown(), what, maxKeys).transform((changes, ctx) => {
    const out: Record<string, FieldChange<T>> = {};
    for (const [key, change] of Object.entries(changes)) {
      const side = sideOf(key);
      if ("unknown" in side) {
        ctx.addIssue({ code: "custom", path: [key], message: side.unknown });
        continue;
      }
      if (change === null || typeof change !== "object" || Array.isArray(change) || !Object.hasOwn(change, "from") || !Object.hasOwn(change, "to") || Object.keys(change).length !== 2) {
        ctx.addIssue({ code: "custom", path: [key], message: `${side.name}: send what you started from (from) and the new answer (to), null for blank` });
        continue;
      }
      const { from, to } = change as { from: unknown; to: unknown };
      const parsedFrom = side.schema.safeParse(from);
      const parsedTo = side.schema.safeParse(to);
      for (const [end, parsed] of [["from", parsedFrom], ["to", parsedTo]] as const) {
        if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [key, end, ...issue.path], message: issue.message });
      }
      if (parsedFrom.success && parsedTo.success) out[key] = { from: parsedFrom.data, to: parsedTo.data };
    }
    return out;
  });
}

/** Text that may be null (no note, no explanation), otherwise checked as a save checks it. */
function textOrNull(name: string, maxLength: number): z.ZodType<string | null> {
  return z.unknown().transform((value, ctx) => {
    if (value === null) return null;
    const problem = textProblem(value, maxLength);
    if (!problem) return (value as string).trim();
    ctx.addIssue({ code: "custom", message: `${name} ${problem}` });
    return z.NEVER;
  });
}

/** Changed figures of an autosave, keyed by field id: `{ from, to }`, each a valid value of its field or null. */
export function valueChangesInputSchema(templates: readonly TemplateDeclaration[]) {
  const known = knownFields(templates);
  const schemaOf = valueSchemas(known);
  return changesRecord<string | number>("Figures", known.byId.size + 500, (id) => {
    const field = fieldFor(known, id);
    return field ? { name: `‘${field.label}’`, schema: schemaOf(field) } : { unknown: `“${id}” is not a field of the return` };
  });
}

/** Changed notes of an autosave, keyed by field id: `{ from, to }`, each a note or null for none. */
export function noteChangesInputSchema(templates: readonly TemplateDeclaration[]) {
  const known = knownFields(templates);
  return changesRecord<string>("Notes", known.byId.size + 500, (id) => {
    const label = fieldFor(known, id)?.label;
    const name = label ? `The note on ‘${label}’` : `The note on “${id}”`;
    return { name, schema: textOrNull(name, noteMaxLength) };
  });
}

/** Changed explanations of warnings, keyed by warning id: `{ from, to }`, each an explanation or null for none. */
export const explanationChangesInputSchema = changesRecord<string>("Explanations", 200, (id) => {
  const name = `The explanation of warning “${id}”`;
  return { name, schema: textOrNull(name, explanationMaxLength) };
});

function textProblem(value: unknown, maxLength: number): string | null {
  if (typeof value !== "string") return "must be text";
  const text = value.trim();
  if (text === "") return "is blank: write it, or leave it out";
  if (text.length > maxLength) return `is ${text.length.toLocaleString("en-GB")} characters long; the most is ${maxLength.toLocaleString("en-GB")}`;
  return storableTextProblem(text);
}

/** Characters of text in a save's values, notes and explanations together. */
export function saveCharacters(parts: { values: Readonly<Record<string, FieldValue>>; notes?: Readonly<Record<string, string>>; explanations?: Readonly<Record<string, string>> }): number {
  let n = 0;
  for (const v of Object.values(parts.values)) if (typeof v === "string") n += v.length;
  for (const v of Object.values(parts.notes ?? {})) n += v.length;
  for (const v of Object.values(parts.explanations ?? {})) n += v.length;
  return n;
}

/** Characters of text in an autosave's changes, both ends counted (both reach the request and the audit log). */
export function changeCharacters(parts: Readonly<Partial<Record<"values" | "notes" | "explanations", Readonly<Record<string, FieldChange<string | number>>>>>>): number {
  let n = 0;
  for (const record of [parts.values, parts.notes, parts.explanations]) {
    for (const change of Object.values(record ?? {})) {
      if (typeof change.from === "string") n += change.from.length;
      if (typeof change.to === "string") n += change.to.length;
    }
  }
  return n;
}
