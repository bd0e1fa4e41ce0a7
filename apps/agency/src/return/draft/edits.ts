import type { FieldValue } from "@complaints/domain";

/**
 * What the browser holds besides the server's answers: the user's edits, each with the value it
 * started from (the last one this browser knew from the server). An autosave sends `{ from, to }`
 * per key, and the server merges field by field (api `returns.saveChanges`).
 */
export interface ValueEdit {
  /** The stored value when this edit began, or the value this browser last saved for the field. */
  readonly from: FieldValue;
  /** The text as typed; sent only when it reads as a value (domain `readCell`). */
  readonly text: string;
}

export interface TextEdit {
  readonly from: string | null;
  /** As typed; null (or only spaces) is no note, or no explanation. */
  readonly text: string | null;
}

export interface DraftEdits {
  readonly values: Readonly<Record<string, ValueEdit>>;
  readonly notes: Readonly<Record<string, TextEdit>>;
  readonly explanations: Readonly<Record<string, TextEdit>>;
}

/** The answers as last known from the server. */
export interface ServerAnswers {
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly notes: Readonly<Record<string, string>>;
  readonly explanations: Readonly<Record<string, string>>;
}

export const noEdits: DraftEdits = { values: {}, notes: {}, explanations: {} };

/** A note or explanation as the server stores it: trimmed, and blank is none. */
export function storedText(text: string | null): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** Records an edit of a field's text; a field already edited keeps the value its edit started from. */
export function editValue(edits: DraftEdits, server: ServerAnswers, fieldId: string, text: string): DraftEdits {
  const existing = edits.values[fieldId];
  const from = existing ? existing.from : (server.values[fieldId] ?? null);
  return { ...edits, values: { ...edits.values, [fieldId]: { from, text } } };
}

export function editNote(edits: DraftEdits, server: ServerAnswers, fieldId: string, text: string | null): DraftEdits {
  return { ...edits, notes: { ...edits.notes, [fieldId]: editText(edits.notes[fieldId], server.notes[fieldId], text) } };
}

export function editExplanation(edits: DraftEdits, server: ServerAnswers, ruleId: string, text: string | null): DraftEdits {
  return { ...edits, explanations: { ...edits.explanations, [ruleId]: editText(edits.explanations[ruleId], server.explanations[ruleId], text) } };
}

function editText(existing: TextEdit | undefined, stored: string | undefined, text: string | null): TextEdit {
  return { from: existing ? existing.from : (stored ?? null), text };
}
