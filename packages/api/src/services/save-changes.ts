import { replaceFieldValues, updateRevision, type StoredRevision } from "@complaints/db";
import {
  DomainError,
  mergeChanges,
  requireTemplate,
  templateFields,
  transitionProblem,
  type FieldChange,
  type FieldValue,
  type MergeConflict,
  type Organisation,
  type ValidationIssue,
} from "@complaints/domain";
import type { ServiceContext } from "./actor.ts";
import { audit, diffValues, loadCurrent, prefixKeys, refuse, validateValues, type InputProblem } from "./returns.ts";

/**
 * Saving a draft field by field (the browser's autosave): only the answers that changed are sent,
 * each with the value the browser started from, and merged into what is stored now (domain
 * `mergeChanges`). Two colleagues filling in different sections of one return both keep their work;
 * only a clash on the same answer is a conflict, and then nothing at all is saved.
 */
export interface SaveChangesInput {
  returnId: string;
  /** The revision version the sender's edits are based on. */
  baseVersion: number;
  /** Checked at the procedure against every template version (domain `valueChangesInputSchema`). */
  values?: Record<string, FieldChange<string | number>>;
  notes?: Record<string, FieldChange<string>>;
  explanations?: Record<string, FieldChange<string>>;
}

export interface SaveConflict {
  kind: "value" | "note" | "explanation";
  key: string;
  /** The field's label from the template, or the warning's message. */
  label: string;
  yours: FieldValue;
  theirs: FieldValue;
}

export interface SaveChangesResult {
  return: StoredRevision;
  /** The stored version had moved on since `baseVersion`: others' changes were kept beside these. */
  merged: boolean;
}

/** Saves racing this one between its read and its compare-and-set: each lost race re-reads and merges again (n savers at once need at most n tries). */
const maxAttempts = 10;

export async function saveChanges(ctx: ServiceContext, input: SaveChangesInput): Promise<SaveChangesResult> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await loadCurrent(ctx, input.returnId);
    const outcome = await mergeAndWrite(ctx, stored, input);
    if (outcome) return outcome;
    if (attempt === maxAttempts) {
      const latest = await loadCurrent(ctx, input.returnId);
      throw new DomainError("CONFLICT", "Others are saving this return at this very moment. Nothing you sent was saved: try again in a moment.", {
        currentVersion: latest.version,
        conflicts: [],
      });
    }
  }
}

/** One read-merge-write; undefined when the stored version moved between the read and the write. */
async function mergeAndWrite(ctx: ServiceContext, stored: StoredRevision, input: SaveChangesInput): Promise<SaveChangesResult | undefined> {
  const problem = transitionProblem(stored.status, "save");
  if (problem) throw new DomainError("INVALID_TRANSITION", problem);
  const org = ctx.scope.organisation(stored.organisationCode, "body");
  const template = requireTemplate(stored.templateVersion);
  const labels = new Map(templateFields(template, org.serviceAreas).map((f) => [f.id, f.label]));
  const valueChanges = input.values ?? {};
  const noteChanges = input.notes ?? {};
  const explanationChanges = input.explanations ?? {};

  // Keys this return does not have, whatever is stored.
  const unknown: InputProblem[] = Object.keys(valueChanges)
    .filter((field) => !labels.has(field))
    .map((field) => ({ field: `values.${field}`, message: `“${field}” is not a field of this return (template version ${template.version}${field.includes(".") ? `, for ${org.name}` : ""})` }));
  for (const field of Object.keys(noteChanges)) {
    if (!labels.has(field)) unknown.push({ field: `notes.${field}`, message: `A note names ${field}, which is not a field of this return` });
  }
  if (unknown.length > 0) refuse(unknown);

  const values = mergeChanges(stored.values, valueChanges);
  const notes = mergeChanges(stored.notes, noteChanges);
  const explanations = mergeChanges(stored.explanations, explanationChanges);
  const merged = { ...stored, values: values.merged, notes: definite(notes.merged), explanations: definite(explanations.merged) };
  if (values.conflicts.length + notes.conflicts.length + explanations.conflicts.length > 0) {
    throw await conflictError(ctx, stored, org, labels, values.conflicts, notes.conflicts, explanations.conflicts, merged.values);
  }
  if (values.changed.length + notes.changed.length + explanations.changed.length === 0) {
    // Everything sent is stored already: nothing to write, so no new version for others to merge with.
    return { return: stored, merged: stored.version !== input.baseVersion };
  }

  // The checks of a full save, on the merged result: a note goes with a figure, and an explanation answers a warning.
  const touched = new Set([...values.changed, ...notes.changed]);
  const noteProblems: InputProblem[] = Object.keys(merged.notes)
    .filter((field) => touched.has(field) && (merged.values[field] ?? null) === null)
    .map((field) => ({ field: `notes.${field}`, message: `The note on ‘${labels.get(field) ?? field}’ needs a figure, or [x] or [z], to go with it` }));
  if (noteProblems.length > 0) refuse(noteProblems);
  // With no explanations there is nothing to check: most autosaves (before warnings are explained) skip validating.
  if (Object.keys(merged.explanations).length > 0) {
    const result = await validateValues(ctx, merged, org);
    const warningIds = new Set(result.warnings.map((w) => w.id));
    const stray = Object.keys(merged.explanations).filter((id) => !warningIds.has(id));
    if (stray.length > 0) {
      refuse(stray.map((id) => ({ field: `explanations.${id}`, message: `There is no warning “${id}” on this return to explain (your changes may have cleared it): remove that explanation` })));
    }
  }

  const written = await ctx.db.transaction().execute(async (trx) => {
    // Compare-and-set on the version read above: if anyone saved since, write nothing and merge again.
    const ok = await updateRevision(trx, stored.id, stored.version, {
      ...(explanations.changed.length > 0 ? { explanations: JSON.stringify(merged.explanations) } : {}),
      updated_at: ctx.now,
      updated_by: ctx.actor.id,
    });
    if (!ok) return false;
    await replaceFieldValues(trx, stored.seq, [...touched], merged.values, merged.notes);
    const changes = [
      ...diffValues(pick(stored.values, values.changed), pick(merged.values, values.changed)),
      ...diffValues(prefixKeys("note:", pick(stored.notes, notes.changed)), prefixKeys("note:", pick(merged.notes, notes.changed))),
      ...diffValues(prefixKeys("explanation:", pick(stored.explanations, explanations.changed)), prefixKeys("explanation:", pick(merged.explanations, explanations.changed))),
    ];
    await audit(trx, ctx, "return.saved", stored.returnId, stored.organisationCode, changes, null);
    return true;
  });
  if (!written) return undefined;
  // Exactly what this write stored, so the sender's next base is its own result.
  return {
    return: { ...merged, version: stored.version + 1, updatedAt: ctx.now, updatedBy: ctx.actor.id },
    merged: stored.version !== input.baseVersion,
  };
}

async function conflictError(
  ctx: ServiceContext,
  stored: StoredRevision,
  org: Organisation,
  labels: Map<string, string>,
  values: MergeConflict<string | number>[],
  notes: MergeConflict<string>[],
  explanations: MergeConflict<string>[],
  mergedValues: Record<string, FieldValue>,
): Promise<DomainError> {
  // A warning is labelled by its message: from the figures as they would be, or as stored (if the sender's changes cleared it).
  const warnings = new Map<string, ValidationIssue>();
  if (explanations.length > 0) {
    for (const v of [stored.values, mergedValues]) {
      for (const w of (await validateValues(ctx, { ...stored, values: v }, org)).warnings) warnings.set(w.id, w);
    }
  }
  const conflicts: SaveConflict[] = [
    ...values.map((c) => ({ kind: "value" as const, key: c.key, label: labels.get(c.key) ?? c.key, yours: c.yours, theirs: c.theirs })),
    ...notes.map((c) => ({ kind: "note" as const, key: c.key, label: labels.get(c.key) ?? c.key, yours: c.yours, theirs: c.theirs })),
    ...explanations.map((c) => ({ kind: "explanation" as const, key: c.key, label: warnings.get(c.key)?.message ?? `Warning “${c.key}”`, yours: c.yours, theirs: c.theirs })),
  ];
  const n = conflicts.length;
  const named = conflicts.slice(0, 3).map((c) => `‘${c.label}’`);
  const more = n > named.length ? ` and ${n - named.length} more` : "";
  return new DomainError(
    "CONFLICT",
    `Someone else changed ${n === 1 ? "1 answer" : `${n} answers`} on this return since you opened it (${named.join(", ")}${more}). Nothing you sent was saved. Choose which version of each to keep, then save again.`,
    { currentVersion: stored.version, conflicts },
  );
}

function pick<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k]!]));
}

/** A record without its blank entries (a note or explanation removed, a figure blanked). */
function definite<T>(record: Readonly<Record<string, T | null>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as Record<string, T>;
}
