import { describe, expect, it } from "vitest";
import { noEdits, type DraftEdits } from "./edits.ts";
import { draftStorageKey, keepEdits, keptEdits, parseStoredDraft } from "./local-draft.ts";
import { memoryStorage } from "./memory-storage.ts";

const edits: DraftEdits = { values: { received: { from: 12, text: "15" } }, notes: { received: { from: null, text: "Estimated" } }, explanations: {} };
const at = new Date("2026-12-02T10:00:00Z");

describe("local draft storage", () => {
  it("keys each entry by user and return", () => {
    expect(draftStorageKey("user-1", "return-1")).toBe("complaints.draft.v1:user-1:return-1");
    expect(draftStorageKey("user-2", "return-1")).not.toBe(draftStorageKey("user-1", "return-1"));
  });

  it("keeps and reads back a user's edits, and never another user's", () => {
    const storage = memoryStorage();
    expect(keepEdits(storage, "user-1", "return-1", edits, at)).toBe(true);
    expect(keptEdits(storage, "user-1", "return-1")).toEqual(edits);
    expect(keptEdits(storage, "user-2", "return-1")).toBeNull();
    expect(keptEdits(storage, "user-1", "return-2")).toBeNull();
  });

  it("removes the entry once nothing is unsaved", () => {
    const storage = memoryStorage();
    keepEdits(storage, "user-1", "return-1", edits, at);
    keepEdits(storage, "user-1", "return-1", noEdits, at);
    expect(storage.length).toBe(0);
  });

  it("says so when the browser refuses to store", () => {
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException("full", "QuotaExceededError"); } } as Storage;
    expect(keepEdits(full, "user-1", "return-1", edits, at)).toBe(false);
    expect(keepEdits(undefined, "user-1", "return-1", edits, at)).toBe(false);
  });

  it("ignores what it cannot read, and entries copied under another user's key", () => {
    const storage = memoryStorage();
    storage.setItem(draftStorageKey("user-1", "return-1"), "{not json");
    expect(keptEdits(storage, "user-1", "return-1")).toBeNull();
    expect(parseStoredDraft({ format: 1, userId: "user-2", returnId: "return-1", edits }, "user-1", "return-1")).toBeNull();
    expect(parseStoredDraft({ format: 2, userId: "user-1", returnId: "return-1", edits }, "user-1", "return-1")).toBeNull();
  });

  it("keeps the well-formed edits of an entry and drops the rest", () => {
    const stored = {
      format: 1,
      userId: "user-1",
      returnId: "return-1",
      edits: { values: { received: { from: 12, text: "15" }, withdrawn: { from: {}, text: "1" }, bad: "x" }, notes: { received: { from: null, text: null } }, explanations: [] },
    };
    expect(parseStoredDraft(stored, "user-1", "return-1")).toEqual({ values: { received: { from: 12, text: "15" } }, notes: { received: { from: null, text: null } }, explanations: {} });
  });
});
