import { readCell, type FieldValue } from "@complaints/domain";
import { storedText, type DraftEdits, type TextEdit } from "./edits.ts";
import type { FieldLookup } from "./field-lookup.ts";

export interface Change<T> {
  readonly from: T | null;
  readonly to: T | null;
}

/** What one autosave sends: only changed keys, each with the value its edit started from (api `returns.saveChanges`). */
export interface ChangeSet {
  readonly values: Readonly<Record<string, Change<string | number>>>;
  readonly notes: Readonly<Record<string, Change<string>>>;
  readonly explanations: Readonly<Record<string, Change<string>>>;
}

/**
 * The changes to send now. A field whose text does not read as a value is not sent (it stays in the
 * browser, with its problem shown); an edit back to the value it started from sends nothing.
 */
export function changeSet(edits: DraftEdits, fieldOf: FieldLookup): ChangeSet {
  const values: Record<string, Change<string | number>> = {};
  for (const [id, edit] of Object.entries(edits.values)) {
    const read = readCell(fieldOf(id), edit.text);
    if (read.ok && read.value !== edit.from) values[id] = { from: edit.from, to: read.value };
  }
  return { values, notes: textChanges(edits.notes), explanations: textChanges(edits.explanations) };
}

function textChanges(edits: Readonly<Record<string, TextEdit>>): Record<string, Change<string>> {
  const out: Record<string, Change<string>> = {};
  for (const [key, edit] of Object.entries(edits)) {
    const to = storedText(edit.text);
    if (to !== edit.from) out[key] = { from: edit.from, to };
  }
  return out;
}

export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return Object.keys(changes.values).length + Object.keys(changes.notes).length + Object.keys(changes.explanations).length === 0;
}

/** The request's optional parts: an empty record is left out. */
export function changeSetInput(changes: ChangeSet): Partial<ChangeSet> {
  const out: { -readonly [K in keyof ChangeSet]?: ChangeSet[K] } = {};
  if (Object.keys(changes.values).length > 0) out.values = changes.values;
  if (Object.keys(changes.notes).length > 0) out.notes = changes.notes;
  if (Object.keys(changes.explanations).length > 0) out.explanations = changes.explanations;
  return out;
}

/**
 * The edits the server does not have yet: text that does not read as a value, or a value, note or
 * explanation other than the one the edit started from. These are what the browser must keep.
 */
export function unsavedEdits(edits: DraftEdits, fieldOf: FieldLookup): DraftEdits {
  const values = Object.fromEntries(
    Object.entries(edits.values).filter(([id, edit]) => {
      const read = readCell(fieldOf(id), edit.text);
      return !read.ok || read.value !== edit.from;
    }),
  );
  const unsavedText = (record: Readonly<Record<string, TextEdit>>) => Object.fromEntries(Object.entries(record).filter(([, e]) => storedText(e.text) !== e.from));
  return { values, notes: unsavedText(edits.notes), explanations: unsavedText(edits.explanations) };
}

export function hasEdits(edits: DraftEdits): boolean {
  return Object.keys(edits.values).length + Object.keys(edits.notes).length + Object.keys(edits.explanations).length > 0;
}

export type { FieldValue };
