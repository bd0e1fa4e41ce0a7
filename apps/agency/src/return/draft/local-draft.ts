import type { FieldValue } from "@complaints/domain";
import { hasEdits } from "./change-set.ts";
import type { DraftEdits, TextEdit, ValueEdit } from "./edits.ts";

/**
 * Unsaved edits kept in the browser's local storage the moment they are made, so a reload, a
 * server restart or an expired session loses nothing. One entry per user and return: a colleague
 * signing in on the same browser never sees, sends or overwrites another user's edits.
 */
export function draftStorageKey(userId: string, returnId: string): string {
  return `complaints.draft.v1:${userId}:${returnId}`;
}

interface StoredDraft {
  readonly format: 1;
  readonly userId: string;
  readonly returnId: string;
  readonly keptAt: string;
  readonly edits: DraftEdits;
}

/** Writes the unsaved edits, or removes the entry when there are none. False if the browser refused (storage full or turned off). */
export function keepEdits(storage: Storage | undefined, userId: string, returnId: string, edits: DraftEdits, now: Date): boolean {
  if (!storage) return false;
  const key = draftStorageKey(userId, returnId);
  try {
    if (!hasEdits(edits)) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ format: 1, userId, returnId, keptAt: now.toISOString(), edits } satisfies StoredDraft));
    return true;
  } catch {
    return false;
  }
}

/** The edits kept for this user and return; anything unreadable counts as none. */
export function keptEdits(storage: Storage | undefined, userId: string, returnId: string): DraftEdits | null {
  if (!storage) return null;
  let parsed: unknown;
  try {
    const text = storage.getItem(draftStorageKey(userId, returnId));
    if (text === null) return null;
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return parseStoredDraft(parsed, userId, returnId);
}

/** Checks what was read back, since local storage holds whatever any earlier version of the app wrote. */
export function parseStoredDraft(value: unknown, userId: string, returnId: string): DraftEdits | null {
  if (!isRecord(value) || value.format !== 1 || value.userId !== userId || value.returnId !== returnId || !isRecord(value.edits)) return null;
  const { values, notes, explanations } = value.edits;
  const out = { values: {} as Record<string, ValueEdit>, notes: {} as Record<string, TextEdit>, explanations: {} as Record<string, TextEdit> };
  if (isRecord(values)) {
    for (const [id, edit] of Object.entries(values)) {
      if (isRecord(edit) && isFieldValue(edit.from) && typeof edit.text === "string") out.values[id] = { from: edit.from, text: edit.text };
    }
  }
  for (const [source, target] of [
    [notes, out.notes],
    [explanations, out.explanations],
  ] as const) {
    if (!isRecord(source)) continue;
    for (const [key, edit] of Object.entries(source)) {
      if (isRecord(edit) && isTextOrNull(edit.from) && isTextOrNull(edit.text)) target[key] = { from: edit.from, text: edit.text };
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === "string";
}
