import { templateV2 } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { changeSet } from "./change-set.ts";
import { editExplanation, editNote, editValue, noEdits, type ServerAnswers } from "./edits.ts";
import { fieldLookup } from "./field-lookup.ts";
import { settleEdits } from "./settle.ts";

const fieldOf = fieldLookup(templateV2);
const before: ServerAnswers = { values: { received: 12, withdrawn: 1 }, notes: {}, explanations: {} };

describe("settleEdits: pending edits over newer server answers", () => {
  it("after a save, an edit starts from what it wrote; typing since is still to send", () => {
    const edits = editValue(editValue(noEdits, before, "received", "15"), before, "withdrawn", "2");
    const sent = changeSet(edits, fieldOf);
    const typedSince = editValue(edits, before, "withdrawn", "3");
    const after: ServerAnswers = { values: { received: 15, withdrawn: 2 }, notes: {}, explanations: {} };
    const settled = settleEdits(typedSince, after, fieldOf, sent);
    expect(settled.values).toEqual({ received: { from: 15, text: "15" }, withdrawn: { from: 2, text: "3" } });
    expect(changeSet(settled, fieldOf).values).toEqual({ withdrawn: { from: 2, to: 3 } });
  });

  it("re-applies kept edits after a reload with their original from: a colleague's change to another field merges, the same field clashes", () => {
    const kept = editValue(editValue(noEdits, before, "received", "15"), before, "withdrawn", "2");
    const now: ServerAnswers = { values: { received: 20, withdrawn: 1, carried_forward: 7 }, notes: {}, explanations: {} };
    const settled = settleEdits(kept, now, fieldOf);
    // `received` still says it started from 12, so the server sees the clash with 20.
    expect(changeSet(settled, fieldOf).values).toEqual({ received: { from: 12, to: 15 }, withdrawn: { from: 1, to: 2 } });
  });

  it("drops an edit that changed nothing when someone else changes the answer, so theirs shows", () => {
    const edits = editValue(noEdits, before, "received", "12");
    const settled = settleEdits(edits, { ...before, values: { received: 30 } }, fieldOf);
    expect(settled.values).toEqual({});
  });

  it("treats the same answer made twice as saved", () => {
    const edits = editValue(noEdits, before, "received", "30");
    const settled = settleEdits(edits, { ...before, values: { received: 30 } }, fieldOf);
    expect(settled.values).toEqual({ received: { from: 30, text: "30" } });
    expect(changeSet(settled, fieldOf).values).toEqual({});
  });

  it("keeps text that does not read, with its from, whatever the server has", () => {
    const edits = editValue(noEdits, before, "received", "1O");
    expect(settleEdits(edits, { ...before, values: { received: 40 } }, fieldOf).values).toEqual({ received: { from: 12, text: "1O" } });
  });

  it("settles notes and explanations the same way", () => {
    let edits = editNote(noEdits, before, "received", "Estimated ");
    edits = editExplanation(edits, before, "outlier:received", "A campaign");
    const sent = changeSet(edits, fieldOf);
    const after: ServerAnswers = { values: before.values, notes: { received: "Estimated" }, explanations: { "outlier:received": "A campaign" } };
    const settled = settleEdits(edits, after, fieldOf, sent);
    expect(settled.notes).toEqual({ received: { from: "Estimated", text: "Estimated " } });
    expect(changeSet(settled, fieldOf)).toEqual({ values: {}, notes: {}, explanations: {} });
  });
});
