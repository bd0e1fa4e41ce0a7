import { templateV2 } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { changeSet, changeSetInput, isEmptyChangeSet, unsavedEdits } from "./change-set.ts";
import { editNote, editValue, noEdits, type DraftEdits, type ServerAnswers } from "./edits.ts";
import { fieldLookup } from "./field-lookup.ts";

const fieldOf = fieldLookup(templateV2);
const server: ServerAnswers = { values: { received: 12, handling_cost: 150_000, key_themes: "Delays" }, notes: { received: "Estimated" }, explanations: {} };

describe("changeSet: what an autosave sends", () => {
  const cases: { name: string; edits: DraftEdits; expected: ReturnType<typeof changeSet> }[] = [
    { name: "no edits, nothing", edits: noEdits, expected: { values: {}, notes: {}, explanations: {} } },
    {
      name: "a changed count, from the stored value",
      edits: editValue(noEdits, server, "received", "15"),
      expected: { values: { received: { from: 12, to: 15 } }, notes: {}, explanations: {} },
    },
    {
      name: "money typed in pounds goes as pence",
      edits: editValue(noEdits, server, "handling_cost", "£1,600.50"),
      expected: { values: { handling_cost: { from: 150_000, to: 160_050 } }, notes: {}, explanations: {} },
    },
    { name: "an edit back to where it started sends nothing", edits: editValue(editValue(noEdits, server, "received", "15"), server, "received", " 12 "), expected: { values: {}, notes: {}, explanations: {} } },
    { name: "text that does not read as a value stays in the browser", edits: editValue(noEdits, server, "received", "twelve"), expected: { values: {}, notes: {}, explanations: {} } },
    {
      name: "a field never answered starts from blank, and clearing one sends null",
      edits: editValue(editValue(noEdits, server, "withdrawn", "3"), server, "received", ""),
      expected: { values: { withdrawn: { from: null, to: 3 }, received: { from: 12, to: null } }, notes: {}, explanations: {} },
    },
    {
      name: "a marker",
      edits: editValue(noEdits, server, "withdrawn", "[x]"),
      expected: { values: { withdrawn: { from: null, to: "[x]" } }, notes: {}, explanations: {} },
    },
    {
      name: "notes are sent trimmed, and blank is no note",
      edits: editNote(editNote(noEdits, server, "received", "  "), server, "withdrawn", " Two late "),
      expected: { values: {}, notes: { received: { from: "Estimated", to: null }, withdrawn: { from: null, to: "Two late" } }, explanations: {} },
    },
    { name: "a note only re-spaced sends nothing", edits: editNote(noEdits, server, "received", "Estimated  "), expected: { values: {}, notes: {}, explanations: {} } },
  ];
  it.each(cases)("$name", ({ edits, expected }) => {
    expect(changeSet(edits, fieldOf)).toEqual(expected);
  });

  it("keeps the value a field's edit started from however often it is edited", () => {
    let edits = editValue(noEdits, server, "received", "13");
    edits = editValue(edits, { ...server, values: { received: 99 } }, "received", "14");
    expect(changeSet(edits, fieldOf).values).toEqual({ received: { from: 12, to: 14 } });
  });

  it("leaves empty parts out of the request", () => {
    const changes = changeSet(editValue(noEdits, server, "received", "15"), fieldOf);
    expect(changeSetInput(changes)).toEqual({ values: { received: { from: 12, to: 15 } } });
    expect(isEmptyChangeSet(changes)).toBe(false);
    expect(isEmptyChangeSet(changeSet(noEdits, fieldOf))).toBe(true);
  });
});

describe("unsavedEdits: what the browser must keep", () => {
  it("keeps text that does not read and changed answers, not edits the server already has", () => {
    let edits = editValue(noEdits, server, "received", "12.0");
    edits = editValue(edits, server, "withdrawn", "two");
    edits = editValue(edits, server, "carried_forward", "4");
    edits = editValue(edits, server, "key_themes", "Delays ");
    edits = editNote(edits, server, "received", "Estimated ");
    expect(unsavedEdits(edits, fieldOf)).toEqual({
      values: { received: { from: 12, text: "12.0" }, withdrawn: { from: null, text: "two" }, carried_forward: { from: null, text: "4" } },
      notes: {},
      explanations: {},
    });
  });
});
