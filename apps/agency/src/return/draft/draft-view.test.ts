import { templateV2 } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { draftView } from "./draft-view.ts";
import { editExplanation, editNote, editValue, noEdits, type ServerAnswers } from "./edits.ts";
import { fieldLookup, templateFieldIds } from "./field-lookup.ts";

const fieldOf = fieldLookup(templateV2);
const ids = templateFieldIds(templateV2);
const server: ServerAnswers = { values: { received: 12, handling_cost: 150_000, "received_by_service_area.NORTH": 4 }, notes: { received: "Estimated" }, explanations: { "outlier:received": "A campaign" } };

describe("draftView: pending edits over the server's answers", () => {
  it("shows stored values as cell text, for every field of the template and a body's own breakdown cells", () => {
    const view = draftView(server, noEdits, fieldOf, ids);
    expect(view.inputs.received).toBe("12");
    expect(view.inputs.handling_cost).toBe("1500.00");
    expect(view.inputs.withdrawn).toBe("");
    expect(view.inputs["received_by_service_area.NORTH"]).toBe("4");
    expect(view.values).toEqual(server.values);
    expect(view.inputProblems).toEqual({});
  });

  it("applies edits that read as values, and keeps the text and problem of those that do not", () => {
    let edits = editValue(noEdits, server, "received", "1,200");
    edits = editValue(edits, server, "handling_cost", "lots");
    const view = draftView(server, edits, fieldOf, ids);
    expect(view.inputs.received).toBe("1,200");
    expect(view.values.received).toBe(1200);
    expect(view.inputs.handling_cost).toBe("lots");
    expect(view.values.handling_cost).toBe(150_000);
    expect(view.inputProblems.handling_cost).toMatch(/pounds and pence/);
  });

  it("shows notes and explanations as typed, and a removed one as none", () => {
    let edits = editNote(noEdits, server, "received", null);
    edits = editNote(edits, server, "withdrawn", "Two late ");
    edits = editExplanation(edits, server, "outlier:received", "A campaign in May");
    const view = draftView(server, edits, fieldOf, ids);
    expect(view.notes).toEqual({ withdrawn: "Two late " });
    expect(view.explanations).toEqual({ "outlier:received": "A campaign in May" });
  });
});
