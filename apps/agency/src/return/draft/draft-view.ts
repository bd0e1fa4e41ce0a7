import { readCell, writeCell, type FieldValue } from "@complaints/domain";
import type { DraftEdits, ServerAnswers } from "./edits.ts";
import type { FieldLookup } from "./field-lookup.ts";

/** What the form shows: the server's answers with the browser's edits over them. */
export interface DraftView {
  /** Text as typed, or the stored value as cell text. */
  inputs: Record<string, string>;
  /** Stored values with the edits that read as values applied. */
  values: Record<string, FieldValue>;
  /** Edits whose text does not read as a value, with the problem; these are not sent. */
  inputProblems: Record<string, string>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}

export function draftView(server: ServerAnswers, edits: DraftEdits, fieldOf: FieldLookup, fieldIds: readonly string[]): DraftView {
  const inputs: Record<string, string> = {};
  const values: Record<string, FieldValue> = { ...server.values };
  const inputProblems: Record<string, string> = {};
  for (const id of fieldIds) inputs[id] = writeCell(fieldOf(id), server.values[id]);
  for (const [id, value] of Object.entries(server.values)) inputs[id] = writeCell(fieldOf(id), value);
  for (const [id, edit] of Object.entries(edits.values)) {
    inputs[id] = edit.text;
    const read = readCell(fieldOf(id), edit.text);
    if (read.ok) values[id] = read.value;
    else inputProblems[id] = read.problem;
  }
  return { inputs, values, inputProblems, notes: withTextEdits(server.notes, edits.notes), explanations: withTextEdits(server.explanations, edits.explanations) };
}

function withTextEdits(stored: Readonly<Record<string, string>>, edits: DraftEdits["notes"]): Record<string, string> {
  const out: Record<string, string> = { ...stored };
  for (const [key, edit] of Object.entries(edits)) {
    if (edit.text === null) delete out[key];
    else out[key] = edit.text;
  }
  return out;
}
