import { readCell } from "@complaints/domain";
import type { ChangeSet } from "./change-set.ts";
import { storedText, type DraftEdits, type ServerAnswers, type TextEdit, type ValueEdit } from "./edits.ts";
import type { FieldLookup } from "./field-lookup.ts";

/**
 * Brings the edits up to date with newly known server answers: after this browser's save (`sent`),
 * after a reload (pending edits from local storage re-applied), or after reading the return again.
 *
 * Per key, with `stored` the server's answer now:
 * - this save wrote the key: the edit now starts from what it wrote (later typing is a new change);
 * - the edit's answer is what is stored: nothing to send, whoever stored it;
 * - the edit had changed nothing and someone else changed the answer: the edit goes, theirs shows;
 * - otherwise the edit is kept with its original `from`, so the server can tell a merge from a clash.
 * An edit with nothing to send is kept (its text as typed stays on screen) until the answer moves on.
 */
export function settleEdits(edits: DraftEdits, server: ServerAnswers, fieldOf: FieldLookup, sent?: ChangeSet): DraftEdits {
  const values: Record<string, ValueEdit> = {};
  for (const [id, edit] of Object.entries(edits.values)) {
    const stored = server.values[id] ?? null;
    const read = readCell(fieldOf(id), edit.text);
    const wrote = sent?.values[id] !== undefined && sent.values[id].to === stored;
    const from = wrote ? stored : edit.from;
    if (read.ok && read.value === stored) values[id] = { from: stored, text: edit.text };
    else if (read.ok && read.value === from) continue;
    else values[id] = { from, text: edit.text };
  }
  return {
    values,
    notes: settleText(edits.notes, server.notes, sent?.notes),
    explanations: settleText(edits.explanations, server.explanations, sent?.explanations),
  };
}

function settleText(edits: Readonly<Record<string, TextEdit>>, server: Readonly<Record<string, string>>, sent: ChangeSet["notes"] | undefined): Record<string, TextEdit> {
  const out: Record<string, TextEdit> = {};
  for (const [key, edit] of Object.entries(edits)) {
    const stored = server[key] ?? null;
    const to = storedText(edit.text);
    const wrote = sent?.[key] !== undefined && sent[key].to === stored;
    const from = wrote ? stored : edit.from;
    if (to === stored) out[key] = { from: stored, text: edit.text };
    else if (to === from) continue;
    else out[key] = { from, text: edit.text };
  }
  return out;
}
