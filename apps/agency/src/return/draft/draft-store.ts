import { requireTemplate, writeCell, type FieldValue, type TemplateDeclaration, type ValidationResult } from "@complaints/domain";
import { autosaveDelayMs, retryDelayMs } from "./back-off.ts";
import { changeSet, changeSetInput, isEmptyChangeSet, unsavedEdits, type ChangeSet } from "./change-set.ts";
import type { DraftApi, StoredRevision } from "./draft-api.ts";
import { draftView, type DraftView } from "./draft-view.ts";
import { editExplanation, editNote, editValue, noEdits, type DraftEdits, type ServerAnswers } from "./edits.ts";
import { fieldLookup, templateFieldIds, type FieldLookup } from "./field-lookup.ts";
import { keepEdits, keptEdits } from "./local-draft.ts";
import { saveFailure, strayExplanations, type DraftConflict, type FailedCall } from "./save-failure.ts";
import { settleEdits } from "./settle.ts";

export type DraftStatus = "loading" | "ready" | "not-found" | "forbidden" | "error";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retrying"; message: string; nextAttemptAt: Date }
  | { kind: "conflict"; conflicts: DraftConflict[] }
  | { kind: "refused"; message: string };

/** Which answer to keep for each clash, by `conflictId`. */
export type ConflictChoices = Readonly<Record<string, "yours" | "theirs">>;

export function conflictId(conflict: Pick<DraftConflict, "kind" | "key">): string {
  return `${conflict.kind}:${conflict.key}`;
}

export interface DraftSnapshot extends DraftView {
  status: DraftStatus;
  error?: unknown;
  revision?: StoredRevision;
  template?: TemplateDeclaration;
  saveState: SaveState;
  validation?: ValidationResult;
  /** The session has ended: the page sends the user to sign in (the edits are kept in local storage). */
  signInNeeded: boolean;
}

/** The browser events that make a draft save at once: leaving the page, or the network coming back. */
export interface PageEvents {
  addEventListener(type: "pagehide" | "visibilitychange" | "online", listener: () => void): void;
  removeEventListener(type: "pagehide" | "visibilitychange" | "online", listener: () => void): void;
  isHidden(): boolean;
}

export interface DraftStoreOptions {
  api: DraftApi;
  storage?: Storage | undefined;
  page?: PageEvents | undefined;
  now?: () => Date;
  /** Turns a failed call into its code and message (the app's tRPC helpers). */
  failedCall: (error: unknown) => FailedCall;
  /**
   * Whether this store's user is the one signed in now. Another user signing in on this browser
   * must never send this user's edits under their own session: the store then waits (its edits stay
   * in local storage under this user's key).
   */
  isSignedIn?: () => boolean;
}

const emptyView: DraftView = { inputs: {}, values: {}, inputProblems: {}, notes: {}, explanations: {} };

/**
 * One user's draft of one return in this browser: the server's answers, the user's edits over them,
 * and the autosave that sends them. Edits are written to local storage the moment they are made and
 * saved a moment after typing stops, one save at a time (changes made meanwhile go together in the
 * next). A save that gets no answer is tried again with back-off; a clash waits for the user's
 * choice; nothing typed is dropped until the server has it.
 */
export class DraftStore {
  private snapshot: DraftSnapshot = { status: "loading", saveState: { kind: "idle" }, signInNeeded: false, ...emptyView };
  private readonly listeners = new Set<() => void>();
  private status: DraftStatus = "loading";
  private error: unknown;
  private revision: StoredRevision | undefined;
  private template: TemplateDeclaration | undefined;
  private fieldOf: FieldLookup | undefined;
  private fieldIds: string[] = [];
  private edits: DraftEdits = noEdits;
  private saveState: SaveState = { kind: "idle" };
  private validation: ValidationResult | undefined;
  private signInNeeded = false;
  private loading = false;
  private saving = false;
  private saveAgain = false;
  private failures = 0;
  private loadFailures = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private loadTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: (() => void)[] = [];
  private validationRequest = 0;
  /** The server's checks of the last save, while they are on their way. */
  private validating: Promise<void> | undefined;
  /** Stray explanations were withdrawn for the save being retried (done at most once per successful save). */
  private withdrewExplanations = false;
  private attached = 0;
  private readonly now: () => Date;

  constructor(
    readonly userId: string,
    readonly organisationCode: string,
    readonly period: string,
    private readonly options: DraftStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  // For React's useSyncExternalStore: stable functions, and a snapshot replaced on every change.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DraftSnapshot => this.snapshot;

  /**
   * A page showing the draft. The first one loads it (or reads it again, or picks up after signing
   * in); each one leaving saves at once. Returns the function to call when the page goes.
   */
  attach(): () => void {
    this.attached += 1;
    if (this.attached === 1) {
      this.options.page?.addEventListener("pagehide", this.onLeave);
      this.options.page?.addEventListener("visibilitychange", this.onVisibility);
      this.options.page?.addEventListener("online", this.onOnline);
    }
    if (this.attached === 1 || this.signInNeeded) {
      // Back after signing in, or on the page again: read the return and save what is waiting.
      this.signInNeeded = false;
      if (this.saveState.kind === "refused") this.saveState = { kind: "idle" };
      if (this.revision) void this.refresh().then(() => this.runSave());
      else if (!this.loading) void this.load();
      this.emit();
    }
    return () => {
      this.attached -= 1;
      if (this.attached === 0) {
        this.options.page?.removeEventListener("pagehide", this.onLeave);
        this.options.page?.removeEventListener("visibilitychange", this.onVisibility);
        this.options.page?.removeEventListener("online", this.onOnline);
      }
      void this.flush();
    };
  }

  setInput(fieldId: string, text: string): void {
    if (!this.revision) return;
    this.edits = editValue(this.edits, this.answers(), fieldId, text);
    this.edited();
  }

  setNote(fieldId: string, note: string | null): void {
    if (!this.revision) return;
    this.edits = editNote(this.edits, this.answers(), fieldId, note);
    this.edited();
  }

  setExplanation(ruleId: string, text: string | null): void {
    if (!this.revision) return;
    this.edits = editExplanation(this.edits, this.answers(), ruleId, text);
    this.edited();
  }

  /**
   * Saves now (a "Save" button, leaving the page). Resolves when the server has everything and its
   * checks of it are back (a "Save and continue" stops for a warning about the body's history), or
   * the save failed and the draft says why; never rejects.
   */
  flush(): Promise<void> {
    if (!this.revision || this.signInNeeded || this.saveState.kind === "conflict") return Promise.resolve();
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      void this.runSave();
    });
  }

  /**
   * The user's choice for each clash. Keeping yours sends it again as a change from their answer
   * (so it applies unless the answer moved on once more); keeping theirs drops your edit.
   */
  resolveConflicts(choices: ConflictChoices): void {
    if (this.saveState.kind !== "conflict" || !this.revision || !this.fieldOf) return;
    const values = { ...this.edits.values };
    const notes = { ...this.edits.notes };
    const explanations = { ...this.edits.explanations };
    let revision = this.revision;
    for (const c of this.saveState.conflicts) {
      const choice = choices[conflictId(c)];
      if (!choice) continue;
      if (c.kind === "value") {
        if (choice === "yours") values[c.key] = { from: c.theirs, text: values[c.key]?.text ?? writeCell(this.fieldOf(c.key), c.yours) };
        else delete values[c.key];
        revision = { ...revision, values: withAnswer(revision.values, c.key, c.theirs) };
      } else {
        const edits = c.kind === "note" ? notes : explanations;
        const theirs = typeof c.theirs === "string" ? c.theirs : null;
        if (choice === "yours") edits[c.key] = { from: theirs, text: edits[c.key]?.text ?? (typeof c.yours === "string" ? c.yours : null) };
        else delete edits[c.key];
        if (c.kind === "note") revision = { ...revision, notes: withText(revision.notes, c.key, theirs) };
        else revision = { ...revision, explanations: withText(revision.explanations, c.key, theirs) };
      }
    }
    this.revision = revision;
    this.edits = { values, notes, explanations };
    this.keep();
    if (isEmptyChangeSet(changeSet(this.edits, this.fieldOf))) {
      // Theirs kept throughout: the server already has what the page shows.
      this.saveState = { kind: "saved", at: this.now() };
      this.emit();
      void this.refresh();
      return;
    }
    this.saveState = { kind: "idle" };
    this.emit();
    void this.runSave();
  }

  private readonly onLeave = () => void this.flush();

  private readonly onVisibility = () => {
    if (this.options.page?.isHidden()) void this.flush();
  };

  private readonly onOnline = () => {
    if (this.saveState.kind === "retrying") void this.flush();
    else if (this.status === "error") void this.load();
  };

  private answers(): ServerAnswers {
    return this.revision ?? { values: {}, notes: {}, explanations: {} };
  }

  private edited(): void {
    this.keep();
    if (this.saveState.kind === "refused") this.saveState = { kind: "idle" };
    this.emit();
    // While retrying, or waiting for the user to settle a clash, the edit waits with the rest.
    if (this.saveState.kind === "retrying" || this.saveState.kind === "conflict" || this.signInNeeded) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.runSave(), autosaveDelayMs);
  }

  /** Writes what the server does not have yet to local storage, at once. */
  private keep(): void {
    if (!this.revision || !this.fieldOf) return;
    keepEdits(this.options.storage, this.userId, this.revision.returnId, unsavedEdits(this.edits, this.fieldOf), this.now());
  }

  private async load(): Promise<void> {
    clearTimeout(this.loadTimer);
    this.loading = true;
    try {
      const found = await this.options.api.find(this.organisationCode, this.period);
      this.loadFailures = 0;
      if (!found) {
        this.status = "not-found";
        return;
      }
      // Edits this user made earlier in this browser and the server never got: re-applied over
      // today's answers, each with the value it started from, and saved.
      const kept = keptEdits(this.options.storage, this.userId, found.returnId);
      if (kept) this.edits = kept;
      this.adopt(found);
      this.status = "ready";
      this.error = undefined;
      void this.refreshValidation();
      void this.runSave();
    } catch (error) {
      const call = this.options.failedCall(error);
      if (call.code === "UNAUTHORIZED") this.signInNeeded = true;
      else if (call.code === "FORBIDDEN") this.status = "forbidden";
      else if (call.code === "NOT_FOUND" || call.code === "BAD_REQUEST") this.status = "not-found";
      else {
        this.status = "error";
        this.error = error;
        if (saveFailure(call).kind === "retry") {
          this.loadFailures += 1;
          this.loadTimer = setTimeout(() => void this.load(), retryDelayMs(this.loadFailures));
        }
      }
    } finally {
      this.loading = false;
      this.emit();
    }
  }

  /** Reads the return again: others' saved answers show, and edits settle against them. */
  private async refresh(): Promise<void> {
    if (!this.revision) return;
    try {
      this.adopt(await this.options.api.get(this.revision.returnId));
      this.emit();
    } catch (error) {
      if (this.options.failedCall(error).code === "UNAUTHORIZED") {
        this.signInNeeded = true;
        this.emit();
      }
    }
  }

  /** Takes the server's answers (unless an answer already taken is newer) and settles the edits against them. */
  private adopt(revision: StoredRevision, sent?: ChangeSet): void {
    const current = this.revision;
    if (current && current.returnId === revision.returnId && (revision.revision < current.revision || (revision.revision === current.revision && revision.version < current.version))) return;
    this.revision = revision;
    if (!this.template || this.template.version !== revision.templateVersion) {
      this.template = requireTemplate(revision.templateVersion);
      this.fieldOf = fieldLookup(this.template);
      this.fieldIds = templateFieldIds(this.template);
    }
    this.edits = settleEdits(this.edits, this.answers(), this.fieldOf!, sent);
    this.keep();
  }

  private async runSave(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    if (!this.revision || !this.fieldOf || this.signInNeeded || this.saveState.kind === "conflict") return this.release();
    if (this.options.isSignedIn && !this.options.isSignedIn()) return this.release();
    const changes = changeSet(this.edits, this.fieldOf);
    if (isEmptyChangeSet(changes)) {
      // Nothing left to send (the server got it, or the edits were undone): say so if we were trying.
      if (this.saveState.kind === "retrying" || this.saveState.kind === "saving") {
        this.saveState = { kind: "saved", at: this.now() };
        this.emit();
      }
      return this.release();
    }
    clearTimeout(this.retryTimer);
    this.saving = true;
    this.saveAgain = false;
    this.saveState = { kind: "saving" };
    this.emit();
    try {
      const result = await this.options.api.saveChanges({ returnId: this.revision.returnId, baseVersion: this.revision.version, ...changeSetInput(changes) });
      this.saving = false;
      this.failures = 0;
      this.withdrewExplanations = false;
      this.adopt(result.return, changes);
      this.saveState = { kind: "saved", at: this.now() };
      this.emit();
      void this.refreshValidation();
    } catch (error) {
      this.saving = false;
      if (this.failed(this.options.failedCall(error))) return this.runSave();
      return this.release();
    }
    // Changes made while that save was on its way go next, together.
    if (this.saveAgain || this.waiters.length > 0) return this.runSave();
  }

  /** Records why a save failed; true if it should be sent again at once. */
  private failed(call: FailedCall): boolean {
    const failure = saveFailure(call);
    switch (failure.kind) {
      case "retry": {
        this.failures += 1;
        const delay = retryDelayMs(this.failures);
        this.saveState = { kind: "retrying", message: failure.message, nextAttemptAt: new Date(this.now().getTime() + delay) };
        this.retryTimer = setTimeout(() => void this.runSave(), delay);
        break;
      }
      case "sign-in":
        this.signInNeeded = true;
        this.saveState = { kind: "refused", message: "You have been signed out. Sign in again to save your changes." };
        break;
      case "conflict":
        this.saveState = { kind: "conflict", conflicts: failure.conflicts };
        void this.refresh();
        break;
      case "refused":
        if (this.withdrawStrayExplanations(call)) return true;
        this.saveState = { kind: "refused", message: failure.message };
        break;
    }
    this.emit();
    return false;
  }

  /**
   * A change of figures that clears a warning makes its stored explanation one the API refuses, and
   * with it the whole save. An explanation this user has not touched is withdrawn (a change from the
   * stored text to none) and the save sent again, once; one the user is writing is left for them.
   */
  private withdrawStrayExplanations(call: FailedCall): boolean {
    if (!this.revision || this.withdrewExplanations) return false;
    const stray = strayExplanations(call.details);
    if (stray.length === 0 || stray.some((id) => this.edits.explanations[id] !== undefined)) return false;
    const explanations = { ...this.edits.explanations };
    for (const id of stray) explanations[id] = { from: this.revision.explanations[id] ?? null, text: null };
    this.edits = { ...this.edits, explanations };
    this.withdrewExplanations = true;
    this.keep();
    return true;
  }

  /** Lets `flush()` callers go on. */
  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    void (this.validating ?? Promise.resolve()).then(() => {
      for (const resolve of waiting) resolve();
    });
  }

  private refreshValidation(): Promise<void> {
    const validating = this.fetchValidation();
    this.validating = validating;
    void validating.then(() => {
      if (this.validating === validating) this.validating = undefined;
    });
    return validating;
  }

  private async fetchValidation(): Promise<void> {
    if (!this.revision) return;
    const request = (this.validationRequest += 1);
    try {
      const validation = await this.options.api.validate(this.revision.returnId);
      if (request !== this.validationRequest) return;
      this.validation = validation;
      this.emit();
    } catch {
      // The last result stands; the next save asks again.
    }
  }

  private emit(): void {
    const view = this.revision && this.fieldOf ? draftView(this.revision, this.edits, this.fieldOf, this.fieldIds) : emptyView;
    this.snapshot = {
      status: this.status,
      ...(this.error !== undefined ? { error: this.error } : {}),
      ...(this.revision ? { revision: this.revision } : {}),
      ...(this.template ? { template: this.template } : {}),
      ...view,
      saveState: this.saveState,
      ...(this.validation ? { validation: this.validation } : {}),
      signInNeeded: this.signInNeeded,
    };
    for (const listener of this.listeners) listener();
  }
}

function withAnswer(values: Readonly<Record<string, FieldValue>>, key: string, value: FieldValue): Record<string, FieldValue> {
  const out = { ...values };
  if (value === null) delete out[key];
  else out[key] = value;
  return out;
}

function withText(record: Readonly<Record<string, string>>, key: string, text: string | null): Record<string, string> {
  const out = { ...record };
  if (text === null) delete out[key];
  else out[key] = text;
  return out;
}
