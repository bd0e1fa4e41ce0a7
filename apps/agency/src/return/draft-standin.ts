/**
 * A minimal in-memory stand-in for the draft store a colleague is writing in `./draft/` (branch
 * `autosave`), with the same exports and contract, so the form can be built against it: it loads
 * with returns.find, keeps edits in memory, saves the whole return with returns.save a moment after
 * typing stops, and validates after each save. No retry, merge or conflict handling: that is the
 * real store's job. Delete this file when `./draft/use-draft.ts` lands on main.
 */
import {
  readCell,
  requireTemplate,
  templateFields,
  writeCell,
  type FieldDeclaration,
  type FieldValue,
  type TemplateDeclaration,
  type ValidationResult,
} from "@complaints/domain/browser";
import { createElement, useCallback, useEffect, useMemo, useRef, useState, type JSX } from "react";
import { api, errorCode, errorMessage } from "../app/trpc.ts";

export type StoredRevision = Awaited<ReturnType<typeof api.returns.get.query>>;

export interface DraftConflict {
  fieldId: string;
  mine: FieldValue;
  theirs: FieldValue;
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; message: string; nextAttemptAt: Date }
  | { kind: "conflict"; conflicts: DraftConflict[] }
  | { kind: "refused"; message: string };

export interface Draft {
  status: "loading" | "ready" | "not-found" | "forbidden" | "error";
  error?: unknown;
  revision?: StoredRevision;
  template?: TemplateDeclaration;
  inputs: Record<string, string>;
  values: Record<string, FieldValue>;
  inputProblems: Record<string, string>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
  setInput(fieldId: string, text: string): void;
  setNote(fieldId: string, note: string | null): void;
  setExplanation(ruleId: string, text: string | null): void;
  flush(): Promise<void>;
  saveState: SaveState;
  validation?: ValidationResult;
}

const saveDelay = 800;

export function useDraft(organisationCode: string, periodCode: string): Draft {
  const [loaded, setLoaded] = useState<{ status: Draft["status"]; error?: unknown; revision?: StoredRevision }>({ status: "loading" });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string> | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [validation, setValidation] = useState<ValidationResult>();
  const dirty = useRef(false);

  useEffect(() => {
    let live = true;
    setLoaded({ status: "loading" });
    api.returns.find
      .query({ organisationCode, period: periodCode })
      .then(async (revision) => {
        if (!live) return;
        if (!revision) return setLoaded({ status: "not-found" });
        setLoaded({ status: "ready", revision });
        const result = await api.returns.validate.query({ returnId: revision.returnId }).catch(() => undefined);
        if (live && result) setValidation(result);
      })
      .catch((error: unknown) => live && setLoaded({ status: errorCode(error) === "FORBIDDEN" ? "forbidden" : errorCode(error) === "NOT_FOUND" ? "not-found" : "error", error }));
    return () => {
      live = false;
    };
  }, [organisationCode, periodCode]);

  const revision = loaded.revision;
  const template = useMemo(() => (revision ? requireTemplate(revision.templateVersion) : undefined), [revision]);
  const fieldsById = useMemo(() => new Map<string, FieldDeclaration>(template ? templateFields(template).map((f) => [f.id, f]) : []), [template]);

  const { inputs, values, inputProblems } = useMemo(() => {
    const shown: Record<string, string> = {};
    const read: Record<string, FieldValue> = { ...revision?.values };
    const problems: Record<string, string> = {};
    for (const [id, value] of Object.entries(revision?.values ?? {})) shown[id] = writeCell(fieldsById.get(id), value);
    for (const [id, text] of Object.entries(edits)) {
      shown[id] = text;
      const field: FieldDeclaration = fieldsById.get(id) ?? { id, section: "", label: id, type: "count", required: false };
      const cell = readCell(field, text);
      if (cell.ok) read[id] = cell.value;
      else problems[id] = cell.problem;
    }
    return { inputs: shown, values: read, inputProblems: problems };
  }, [revision, edits, fieldsById]);

  const currentNotes = notes ?? revision?.notes ?? {};
  const currentExplanations = explanations ?? revision?.explanations ?? {};
  const latest = useRef({ revision, values, inputProblems, notes: currentNotes, explanations: currentExplanations, validation });
  latest.current = { revision, values, inputProblems, notes: currentNotes, explanations: currentExplanations, validation };

  const save = useCallback(async () => {
    const now = latest.current;
    const stored = now.revision;
    if (!stored || !["draft", "returned"].includes(stored.status) || !dirty.current) return;
    dirty.current = false;
    setSaveState({ kind: "saving" });
    // An input that cannot be read keeps its last stored value until it is fixed.
    const given = Object.fromEntries(Object.entries(now.values).filter(([, v]) => v !== null));
    const explained = Object.entries(now.explanations).filter(([, t]) => t.trim() !== "");
    // The API refuses an explanation of a warning the return does not have (yet).
    const known = (id: string) => now.validation?.warnings.some((w) => w.id === id) ?? true;
    try {
      const saved = await api.returns.save.mutate({
        returnId: stored.returnId,
        expectedVersion: stored.version,
        values: given,
        notes: Object.fromEntries(Object.entries(now.notes).filter(([id, n]) => n.trim() !== "" && given[id] !== undefined)),
        explanations: Object.fromEntries(explained.filter(([id]) => known(id))),
      });
      setLoaded({ status: "ready", revision: saved });
      setSaveState({ kind: "saved", at: new Date() });
      const result = await api.returns.validate.query({ returnId: saved.returnId });
      setValidation(result);
      latest.current.validation = result;
      // An explanation held back for a warning this save has now raised goes with the next save.
      if (explained.some(([id]) => !known(id) && result.warnings.some((w) => w.id === id))) {
        dirty.current = true;
        setTimeout(() => void saveRef.current(), 0);
      }
    } catch (error) {
      setSaveState({ kind: "refused", message: errorMessage(error) });
    }
  }, []);

  const saveRef = useRef(save);
  saveRef.current = save;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const schedule = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), saveDelay);
  }, [save]);

  const setInput = useCallback(
    (fieldId: string, text: string) => {
      setEdits((e) => ({ ...e, [fieldId]: text }));
      schedule();
    },
    [schedule],
  );
  const setNote = useCallback(
    (fieldId: string, note: string | null) => {
      setNotes((n) => {
        const next = { ...(n ?? latest.current.notes) };
        if (note === null || note === "") delete next[fieldId];
        else next[fieldId] = note;
        return next;
      });
      schedule();
    },
    [schedule],
  );
  const setExplanation = useCallback(
    (ruleId: string, text: string | null) => {
      setExplanations((x) => {
        const next = { ...(x ?? latest.current.explanations) };
        if (text === null || text === "") delete next[ruleId];
        else next[ruleId] = text;
        return next;
      });
      schedule();
    },
    [schedule],
  );
  // Leaving the page saves what is pending (the real store also keeps it in the browser).
  useEffect(() => () => void (dirty.current && save()), [save]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    // Let the last keystroke's state reach `latest` before saving.
    await new Promise((r) => setTimeout(r, 0));
    await save();
  }, [save]);

  return {
    status: loaded.status,
    error: loaded.error,
    revision,
    template,
    inputs,
    values,
    inputProblems,
    notes: currentNotes,
    explanations: currentExplanations,
    setInput,
    setNote,
    setExplanation,
    flush,
    saveState,
    validation,
  };
}

/** "Saved at 14:02" and the like, announced politely. */
export function SaveStatus({ draft }: { draft: Draft }): JSX.Element {
  const s = draft.saveState;
  const text =
    s.kind === "saving"
      ? "Saving…"
      : s.kind === "saved"
        ? `Saved at ${s.at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`
        : s.kind === "refused"
          ? `Not saved: ${s.message}`
          : s.kind === "retrying"
            ? `Not saved yet: ${s.message}`
            : s.kind === "conflict"
              ? "Not saved: someone else changed the same answers"
              : "";
  return createElement("p", { className: "govuk-body-s app-save-status", role: "status" }, text);
}

/** The real panel shows both values of a clash and lets the user choose; the stand-in never clashes. */
export function ConflictPanel(_props: { draft: Draft }): JSX.Element | null {
  return null;
}
