import type { FieldValue, TemplateDeclaration, ValidationResult } from "@complaints/domain";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useLocation, useNavigate } from "react-router";
import { type Me, meQueryKey, queryClient, useMe } from "@complaints/client";
import { draftApi, failedCall, type StoredRevision } from "./draft-api.ts";
import { DraftStore, type ConflictChoices, type DraftSnapshot, type DraftStatus, type PageEvents, type SaveState } from "./draft-store.ts";
import { apiPeriodCode } from "./period-code.ts";
import type { DraftConflict } from "./save-failure.ts";

export type { ConflictChoices, DraftConflict, DraftStatus, SaveState, StoredRevision };

/** A return being filled in: what the form shows, and how it changes it. Saved automatically. */
export interface Draft {
  status: DraftStatus;
  error?: unknown;
  revision?: StoredRevision;
  template?: TemplateDeclaration;
  /** Text as typed, or the stored value as cell text (domain `writeCell`). */
  inputs: Record<string, string>;
  /** Stored values with the local edits that read as values applied. */
  values: Record<string, FieldValue>;
  /** Problems of local text that does not read as a value (domain `readCell`); such fields are not sent. */
  inputProblems: Record<string, string>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
  setInput(fieldId: string, text: string): void;
  setNote(fieldId: string, note: string | null): void;
  setExplanation(ruleId: string, text: string | null): void;
  /** Saves now; resolves when saved or when the save failed and `saveState` says why. */
  flush(): Promise<void>;
  saveState: SaveState;
  /** From `returns.validate` on load and after each successful save. */
  validation?: ValidationResult;
  /** The conflict panel's answer: which of each clashing answer to keep. */
  resolveConflicts(choices: ConflictChoices): void;
}

const stores = new Map<string, DraftStore>();

function browserPage(): PageEvents | undefined {
  if (typeof window === "undefined") return undefined;
  return {
    addEventListener: (type, listener) => (type === "visibilitychange" ? document : window).addEventListener(type, listener),
    removeEventListener: (type, listener) => (type === "visibilitychange" ? document : window).removeEventListener(type, listener),
    isHidden: () => document.visibilityState === "hidden",
  };
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    // Storage turned off: edits then live as long as the page.
    return undefined;
  }
}

/** One store per user, body and quarter for the life of the page, shared by every page that shows the return. */
function draftStore(userId: string, organisationCode: string, period: string): DraftStore {
  const key = JSON.stringify([userId, organisationCode, period]);
  let store = stores.get(key);
  if (!store) {
    store = new DraftStore(userId, organisationCode, period, {
      api: draftApi,
      storage: browserStorage(),
      page: browserPage(),
      failedCall,
      isSignedIn: () => queryClient.getQueryData<Me>(meQueryKey)?.id === userId,
    });
    stores.set(key, store);
  }
  return store;
}

const loadingSnapshot: DraftSnapshot = { status: "loading", saveState: { kind: "idle" }, signInNeeded: false, inputs: {}, values: {}, inputProblems: {}, notes: {}, explanations: {} };
const noSubscription = () => () => {};
const loading = () => loadingSnapshot;

/**
 * The draft of a body's return for a quarter (`periodCode` as "2026-27 Q2" or as in addresses,
 * "2026-27-q2"), for the signed-in user. Call it from any page of the return; they share one draft.
 * If the session ends, the user is sent to sign in and brought back here, edits intact.
 */
export function useDraft(organisationCode: string, periodCode: string): Draft {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const store = me.data ? draftStore(me.data.id, organisationCode, apiPeriodCode(periodCode)) : undefined;
  const snapshot = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? loading);

  useEffect(() => store?.attach(), [store]);

  useEffect(() => {
    // Read from the store, not the render: coming back from sign-in, attach() has just cleared it.
    if (!store?.getSnapshot().signInNeeded) return;
    void navigate(`/sign-in?returnTo=${encodeURIComponent(`${location.pathname}${location.search}`)}`);
  }, [store, snapshot.signInNeeded, navigate, location.pathname, location.search]);

  // Stable per store, so pages can list them as effect dependencies.
  const actions = useMemo(
    () => ({
      setInput: (fieldId: string, text: string) => store?.setInput(fieldId, text),
      setNote: (fieldId: string, note: string | null) => store?.setNote(fieldId, note),
      setExplanation: (ruleId: string, text: string | null) => store?.setExplanation(ruleId, text),
      flush: () => store?.flush() ?? Promise.resolve(),
      resolveConflicts: (choices: ConflictChoices) => store?.resolveConflicts(choices),
    }),
    [store],
  );

  return useMemo<Draft>(() => {
    const { signInNeeded: _signInNeeded, ...shown } = snapshot;
    return { ...shown, ...actions };
  }, [snapshot, actions]);
}
