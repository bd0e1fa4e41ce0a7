import { describe, expect, it } from "vitest";
import { mergeChanges } from "./merge.ts";

describe("merging a draft's changes into what is stored", () => {
  const stored = { received: 10, withdrawn: 2, key_themes: "Delays" };

  it.each([
    ["stored is still the base: the change applies", { received: { from: 10, to: 12 } }, { ...stored, received: 12 }, ["received"], []],
    ["stored already has the new value: nothing to do", { received: { from: 9, to: 10 } }, stored, [], []],
    ["someone else changed it: a conflict", { received: { from: 9, to: 11 } }, stored, [], [{ key: "received", yours: 11, theirs: 10 }]],
    ["a blank field filled in", { cl_closed: { from: null, to: 3 } }, { ...stored, cl_closed: 3 }, ["cl_closed"], []],
    ["a field blanked", { withdrawn: { from: 2, to: null } }, { received: 10, key_themes: "Delays" }, ["withdrawn"], []],
    ["someone else filled in what the sender saw blank", { cl_closed: { from: 3, to: 4 } }, stored, [], [{ key: "cl_closed", yours: 4, theirs: null }]],
    ["a key named like an object property is just a key", { constructor: { from: null, to: "x" } }, { ...stored, constructor: "x" }, ["constructor"], []],
  ])("%s", (_name, changes, merged, changed, conflicts) => {
    expect(mergeChanges<string | number>(stored, changes)).toEqual({ merged, changed, conflicts });
  });

  it("leaves the stored record as it was", () => {
    const before = structuredClone(stored);
    mergeChanges<string | number>(stored, { received: { from: 10, to: 1 }, withdrawn: { from: 2, to: null } });
    expect(stored).toEqual(before);
  });

  it("a number and the same digits as text are different values", () => {
    expect(mergeChanges<string | number>({ a: 1 }, { a: { from: "1", to: 2 } }).conflicts).toEqual([{ key: "a", yours: 2, theirs: 1 }]);
  });
});
