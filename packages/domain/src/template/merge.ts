/**
 * Field-level merging of a draft's changes (the browser's autosave sends only what changed). Each
 * change says what the browser started from and what it wants; against what is stored now that is
 * a three-way merge per key, as in version control: two people editing different answers both keep
 * their work, and only a real clash on the same answer is a conflict.
 */

/** One key's change: the value the sender's edit started from, and the new value. `null` is blank (or no note). */
export interface FieldChange<T> {
  readonly from: T | null;
  readonly to: T | null;
}

/** A key that someone else changed since the sender started: what the sender wants, and what is stored now. */
export interface MergeConflict<T> {
  readonly key: string;
  readonly yours: T | null;
  readonly theirs: T | null;
}

export interface MergeResult<T> {
  /** What is stored with the changes applied; a key set to null is left out. */
  readonly merged: Record<string, T | null>;
  /** Keys whose stored value changes. */
  readonly changed: string[];
  readonly conflicts: MergeConflict<T>[];
}

/**
 * Per key: stored equals `from` → take `to`; stored already equals `to` → nothing to do (the same
 * edit made twice is no clash); anything else → a conflict. Keys not sent keep what is stored.
 */
export function mergeChanges<T extends string | number>(stored: Readonly<Record<string, T | null>>, changes: Readonly<Record<string, FieldChange<T>>>): MergeResult<T> {
  const merged: Record<string, T | null> = { ...stored };
  const changed: string[] = [];
  const conflicts: MergeConflict<T>[] = [];
  for (const [key, change] of Object.entries(changes)) {
    const theirs = Object.hasOwn(stored, key) ? (stored[key] ?? null) : null;
    if (theirs === change.to) continue;
    if (theirs !== change.from) {
      conflicts.push({ key, yours: change.to, theirs });
      continue;
    }
    if (change.to === null) delete merged[key];
    else merged[key] = change.to;
    changed.push(key);
  }
  return { merged, changed, conflicts };
}
