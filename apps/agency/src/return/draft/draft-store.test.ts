import type { FieldValue } from "@complaints/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftApi, SaveChangesInput, StoredRevision } from "./draft-api.ts";
import { conflictId, DraftStore } from "./draft-store.ts";
import { draftStorageKey } from "./local-draft.ts";
import { memoryStorage } from "./memory-storage.ts";
import type { DraftConflict, FailedCall } from "./save-failure.ts";

/**
 * The store against a stand-in for the server that merges as api `returns.saveChanges` does (per
 * key: stored = from applies, stored = to is fine, anything else clashes and nothing is saved).
 */
class FakeServer {
  stored = { values: { received: 12, withdrawn: 1 } as Record<string, FieldValue>, notes: {} as Record<string, string>, explanations: {} as Record<string, string> };
  version = 3;
  saves: SaveChangesInput[] = [];
  /** Failures to answer the next saves with, in order. */
  failures: FailedCall[] = [];
  /** While set, saves wait for it. */
  gate: Promise<void> | undefined;

  revision(): StoredRevision {
    return { returnId: "return-1", revision: 1, version: this.version, templateVersion: 2, status: "draft", organisationCode: "DES-LIC1", period: "2026-27 Q2", ...structuredClone(this.stored) } as unknown as StoredRevision;
  }

  readonly api: DraftApi = {
    find: async () => this.revision(),
    get: async () => this.revision(),
    validate: async () => ({ errors: [], warnings: [], unexplained: [], canSubmit: this.stored.values.received !== null }),
    saveChanges: async (input) => {
      this.saves.push(structuredClone(input));
      if (this.gate) await this.gate;
      const failure = this.failures.shift();
      if (failure) throw { call: failure };
      const conflicts: DraftConflict[] = [];
      const writes: (() => void)[] = [];
      for (const kind of ["values", "notes", "explanations"] as const) {
        const record = this.stored[kind] as Record<string, FieldValue>;
        for (const [key, change] of Object.entries(input[kind] ?? {})) {
          const theirs = record[key] ?? null;
          if (theirs === change.to) continue;
          if (theirs !== change.from) conflicts.push({ kind: kind === "values" ? "value" : kind === "notes" ? "note" : "explanation", key, label: `Label of ${key}`, yours: change.to, theirs });
          else
            writes.push(() => {
              if (change.to === null) delete record[key];
              else record[key] = change.to;
            });
        }
      }
      if (conflicts.length > 0) throw { call: { code: "CONFLICT", httpStatus: 409, details: { currentVersion: this.version, conflicts }, message: "Someone else changed it" } };
      for (const write of writes) write();
      const merged = this.version !== input.baseVersion;
      if (writes.length > 0) this.version += 1;
      return { return: this.revision(), merged };
    },
  };

  /** A colleague's save. */
  colleagueSets(key: string, value: FieldValue): void {
    this.stored.values[key] = value;
    this.version += 1;
  }
}

const offline: FailedCall = { code: null, message: "The service could not be reached." };
const failedCall = (error: unknown): FailedCall => (error as { call?: FailedCall }).call ?? offline;

let server: FakeServer;
let storage: Storage;
const key = draftStorageKey("user-1", "return-1");

function openStore(userId = "user-1"): DraftStore {
  const store = new DraftStore(userId, "DES-LIC1", "2026-27 Q2", { api: server.api, storage, failedCall });
  store.attach();
  return store;
}

async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-02T14:02:00Z") });
  server = new FakeServer();
  storage = memoryStorage();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("DraftStore", () => {
  it("loads the return and its validation, and shows stored values as text", async () => {
    const store = openStore();
    expect(store.getSnapshot().status).toBe("loading");
    await settle();
    const draft = store.getSnapshot();
    expect(draft.status).toBe("ready");
    expect(draft.inputs.received).toBe("12");
    expect(draft.validation?.canSubmit).toBe(true);
  });

  it("keeps an edit in local storage at once and saves only that change, with its from, 1.5 s after typing stops", async () => {
    const store = openStore();
    await settle();
    store.setInput("received", "1");
    store.setInput("received", "15");
    expect(JSON.parse(storage.getItem(key)!).edits.values).toEqual({ received: { from: 12, text: "15" } });
    await settle(1400);
    expect(server.saves).toEqual([]);
    await settle(100);
    expect(server.saves).toEqual([{ returnId: "return-1", baseVersion: 3, values: { received: { from: 12, to: 15 } } }]);
    expect(store.getSnapshot().saveState).toEqual({ kind: "saved", at: new Date("2026-12-02T14:02:01.500Z") });
    expect(store.getSnapshot().revision?.version).toBe(4);
    expect(storage.getItem(key)).toBeNull();
  });

  it("saves one at a time: changes made while a save is on its way go together in the next", async () => {
    const store = openStore();
    await settle();
    let open!: () => void;
    server.gate = new Promise((resolve) => (open = resolve));
    store.setInput("received", "15");
    await settle(1500);
    expect(store.getSnapshot().saveState.kind).toBe("saving");
    store.setInput("withdrawn", "2");
    store.setInput("received", "16");
    await settle(3000);
    expect(server.saves).toHaveLength(1);
    server.gate = undefined;
    open();
    await settle();
    expect(server.saves.slice(1)).toEqual([{ returnId: "return-1", baseVersion: 4, values: { received: { from: 15, to: 16 }, withdrawn: { from: 1, to: 2 } } }]);
    expect(server.stored.values).toEqual({ received: 16, withdrawn: 2 });
    expect(store.getSnapshot().inputs.received).toBe("16");
  });

  it("does not send text that does not read as a value, but keeps it", async () => {
    const store = openStore();
    await settle();
    store.setInput("received", "twelve");
    await settle(2000);
    expect(server.saves).toEqual([]);
    expect(store.getSnapshot().inputProblems.received).toMatch(/whole number/);
    expect(JSON.parse(storage.getItem(key)!).edits.values.received.text).toBe("twelve");
  });

  it("retries a save that got no answer with back-off, then saves", async () => {
    const store = openStore();
    await settle();
    server.failures = [offline, offline];
    store.setInput("received", "15");
    await settle(1500);
    expect(store.getSnapshot().saveState).toEqual({ kind: "retrying", message: "The service could not be reached.", nextAttemptAt: new Date("2026-12-02T14:02:03.500Z") });
    store.setInput("withdrawn", "2");
    await settle(2000);
    expect(server.saves).toHaveLength(2);
    expect(store.getSnapshot().saveState).toMatchObject({ kind: "retrying", nextAttemptAt: new Date("2026-12-02T14:02:07.500Z") });
    await settle(4000);
    expect(server.saves).toHaveLength(3);
    expect(store.getSnapshot().saveState.kind).toBe("saved");
    expect(server.stored.values).toEqual({ received: 15, withdrawn: 2 });
  });

  it("flush() saves at once and resolves when saved", async () => {
    const store = openStore();
    await settle();
    store.setInput("received", "15");
    await store.flush();
    expect(server.saves).toHaveLength(1);
    expect(store.getSnapshot().saveState.kind).toBe("saved");
  });

  it("flush() resolves once the server's checks of what it saved are back, so a warning about the body's history can stop Save and continue", async () => {
    const store = openStore();
    await settle();
    let answer!: () => void;
    const checked = new Promise<void>((resolve) => (answer = resolve));
    const outlier = { id: "outlier:received", severity: "warning" as const, fieldIds: ["received"], message: "far from usual" };
    server.api.validate = async () => {
      await checked;
      return { errors: [], warnings: [outlier], unexplained: [outlier], canSubmit: false };
    };
    store.setInput("received", "500");
    let flushed = false;
    void store.flush().then(() => (flushed = true));
    await settle();
    expect(server.saves).toHaveLength(1);
    expect(flushed).toBe(false);
    answer();
    await settle();
    expect(flushed).toBe(true);
    expect(store.getSnapshot().validation?.warnings.map((w) => w.id)).toEqual(["outlier:received"]);
  });

  it("re-applies kept edits after a reload and saves them with their original from: another field changed meanwhile merges", async () => {
    const first = openStore();
    await settle();
    server.failures = [offline];
    first.setInput("received", "15");
    await settle(1500);
    // The page is reloaded; meanwhile a colleague saved another answer.
    server.colleagueSets("withdrawn", 4);
    const second = openStore();
    await settle();
    expect(server.saves.at(-1)).toEqual({ returnId: "return-1", baseVersion: 4, values: { received: { from: 12, to: 15 } } });
    expect(server.stored.values).toEqual({ received: 15, withdrawn: 4 });
    expect(second.getSnapshot().inputs).toMatchObject({ received: "15", withdrawn: "4" });
    expect(storage.getItem(key)).toBeNull();
  });

  it("never reads another user's kept edits", async () => {
    storage.setItem(draftStorageKey("user-2", "return-1"), JSON.stringify({ format: 1, userId: "user-2", returnId: "return-1", keptAt: "", edits: { values: { received: { from: 12, text: "99" } }, notes: {}, explanations: {} } }));
    const store = openStore("user-1");
    await settle(2000);
    expect(store.getSnapshot().inputs.received).toBe("12");
    expect(server.saves).toEqual([]);
  });

  it("holds a clash for the user's choice; keeping yours sends it again from theirs", async () => {
    const store = openStore();
    await settle();
    server.colleagueSets("received", 20);
    store.setInput("received", "15");
    store.setInput("withdrawn", "2");
    await settle(1500);
    const state = store.getSnapshot().saveState;
    expect(state).toEqual({ kind: "conflict", conflicts: [{ kind: "value", key: "received", label: "Label of received", yours: 15, theirs: 20 }] });
    expect(server.stored.values).toEqual({ received: 20, withdrawn: 1 });
    // Typing elsewhere waits with the rest.
    store.setInput("carried_forward", "3");
    await settle(5000);
    expect(server.saves).toHaveLength(1);
    store.resolveConflicts({ [conflictId({ kind: "value", key: "received" })]: "yours" });
    await settle();
    expect(server.saves.at(-1)?.values).toEqual({ received: { from: 20, to: 15 }, withdrawn: { from: 1, to: 2 }, carried_forward: { from: null, to: 3 } });
    expect(server.stored.values).toEqual({ received: 15, withdrawn: 2, carried_forward: 3 });
    expect(store.getSnapshot().saveState.kind).toBe("saved");
  });

  it("keeping theirs drops your edit and shows their answer", async () => {
    const store = openStore();
    await settle();
    server.colleagueSets("received", 20);
    store.setInput("received", "15");
    await settle(1500);
    store.resolveConflicts({ "value:received": "theirs" });
    await settle();
    expect(store.getSnapshot().inputs.received).toBe("20");
    expect(store.getSnapshot().saveState.kind).toBe("saved");
    expect(storage.getItem(key)).toBeNull();
  });

  it("when the session has ended, keeps the edits and asks for sign-in; back from signing in, saves them", async () => {
    const store = openStore();
    await settle();
    server.failures = [{ code: "UNAUTHORIZED", httpStatus: 401, message: "Sign in" }];
    store.setInput("received", "15");
    await settle(1500);
    expect(store.getSnapshot().signInNeeded).toBe(true);
    expect(storage.getItem(key)).not.toBeNull();
    // The page goes to sign-in and comes back.
    store.attach();
    await settle();
    expect(store.getSnapshot().signInNeeded).toBe(false);
    expect(server.stored.values.received).toBe(15);
    expect(store.getSnapshot().saveState.kind).toBe("saved");
  });

  it("never sends one user's edits once another user has signed in on this browser", async () => {
    let signedIn = "user-1";
    const store = new DraftStore("user-1", "DES-LIC1", "2026-27 Q2", { api: server.api, storage, failedCall, isSignedIn: () => signedIn === "user-1" });
    store.attach();
    await settle();
    store.setInput("received", "15");
    signedIn = "user-2";
    await settle(5000);
    expect(server.saves).toEqual([]);
    expect(JSON.parse(storage.getItem(key)!).edits.values.received.text).toBe("15");
  });

  it("says what the API refused, keeps the edit, and tries again after the next edit", async () => {
    const store = openStore();
    await settle();
    server.failures = [{ code: "BAD_REQUEST", httpStatus: 400, message: "That figure is too large." }];
    store.setInput("received", "15");
    await settle(1500);
    expect(store.getSnapshot().saveState).toEqual({ kind: "refused", message: "That figure is too large." });
    expect(storage.getItem(key)).not.toBeNull();
    store.setInput("received", "16");
    await settle(1500);
    expect(server.stored.values.received).toBe(16);
  });

  it("withdraws a stored explanation the API refuses because the figures cleared its warning, and saves the figures", async () => {
    server.stored.explanations = { "outlier:received": "A campaign in May" };
    const store = openStore();
    await settle();
    const save = server.api.saveChanges;
    server.api.saveChanges = async (input) => {
      const explanations = { ...server.stored.explanations };
      for (const [id, change] of Object.entries(input.explanations ?? {})) if (change.to === null) delete explanations[id];
      if (explanations["outlier:received"] && (input.values?.received?.to ?? server.stored.values.received) === 13) {
        server.saves.push(structuredClone(input));
        throw { call: { code: "BAD_REQUEST", httpStatus: 400, details: { issues: [{ field: "explanations.outlier:received", message: "There is no warning" }] }, message: "There is no warning “outlier:received” on this return to explain." } };
      }
      return save(input);
    };
    store.setInput("received", "13");
    await settle(1500);
    expect(server.saves.at(-1)).toEqual({ returnId: "return-1", baseVersion: 3, values: { received: { from: 12, to: 13 } }, explanations: { "outlier:received": { from: "A campaign in May", to: null } } });
    expect(server.stored).toMatchObject({ values: { received: 13 }, explanations: {} });
    expect(store.getSnapshot().saveState.kind).toBe("saved");
  });

  it("saves at once when a page showing the draft goes", async () => {
    const store = new DraftStore("user-1", "DES-LIC1", "2026-27 Q2", { api: server.api, storage, failedCall });
    const detach = store.attach();
    await settle();
    store.setInput("received", "15");
    detach();
    await settle();
    expect(server.saves).toHaveLength(1);
  });

  it("says when there is no return for the quarter, or the user may not see it", async () => {
    server.api.find = async () => null;
    const none = openStore();
    await settle();
    expect(none.getSnapshot().status).toBe("not-found");
    server.api.find = async () => {
      throw { call: { code: "FORBIDDEN", httpStatus: 403, message: "No" } };
    };
    const forbidden = openStore();
    await settle();
    expect(forbidden.getSnapshot().status).toBe("forbidden");
  });
});
