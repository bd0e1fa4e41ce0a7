import { caseColumns } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { mappingFromChoices, matchingHeaders, maxValuesShown, missingRequiredColumns, ourCodes, suggestedCode, unmatchedValues } from "./mapping-draft.ts";

describe("the mapping screen's choices", () => {
  it("matches a file's headers to our columns by name, ignoring case and spaces around", () => {
    expect(matchingHeaders(["Case_Ref", " RECEIVED_DATE ", "Opened", "stage", "stage"])).toEqual({ case_ref: "Case_Ref", received_date: " RECEIVED_DATE ", stage: "stage" });
    expect(Object.keys(matchingHeaders([...caseColumns]))).toEqual([...caseColumns]);
  });

  it("offers the values of a coded column that are not our codes, most frequent first, lists split at ;", () => {
    const rows = [
      ["A", "Stage 1", "Delay; Rude staff"],
      ["B", "Stage 2", "delay;Rude staff"],
      ["C", "early_resolution", ""],
      ["D", " Stage 1 ", "Rude staff"],
    ];
    expect(unmatchedValues(rows, 1, "stage", ourCodes("stage", []))).toEqual({ values: ["Stage 1", "Stage 2"], more: 0 });
    expect(unmatchedValues(rows, 2, "themes", ourCodes("themes", []))).toEqual({ values: ["Rude staff", "Delay"], more: 0 });
  });

  it("offers at most a screenful of values from a column that looks like free text, and counts the rest", () => {
    const rows = Array.from({ length: maxValuesShown + 7 }, (_, i) => [`Area ${String(i).padStart(2, "0")}`]);
    const result = unmatchedValues(rows, 0, "service_area", ourCodes("service_area", ["north"]));
    expect(result.values).toHaveLength(maxValuesShown);
    expect(result.more).toBe(7);
  });

  it("uses the body's own service area codes", () => {
    expect(ourCodes("service_area", ["north", "south"])).toEqual(["north", "south"]);
    expect(ourCodes("outcome", [])).toEqual(["upheld", "partly_upheld", "not_upheld"]);
  });

  it("saves the headers chosen and only the codes translated, for columns that are in the file", () => {
    const mapping = mappingFromChoices({
      name: "  Casebook export  ",
      columns: { case_ref: "Reference", received_date: "Opened", stage: "Level", closed_date: "Closed", outcome: "Result", channel: "", themes: "" },
      codes: { stage: { "Stage 1": "early_resolution", "Stage 2": "closer_look", Other: "" }, channel: { Web: "online" } },
    });
    expect(mapping).toEqual({
      name: "Casebook export",
      columns: { case_ref: "Reference", received_date: "Opened", stage: "Level", closed_date: "Closed", outcome: "Result" },
      codes: { stage: { "Stage 1": "early_resolution", "Stage 2": "closer_look" } },
    });
  });

  it("names the required columns not yet matched", () => {
    expect(missingRequiredColumns({ case_ref: "Ref", stage: "Level" })).toEqual(["received_date", "closed_date", "outcome"]);
  });
});

describe("suggesting our code for a value", () => {
  it.each([
    ["Upheld", "upheld"],
    ["Partly upheld", "partly_upheld"],
    ["Early-Resolution", "early_resolution"],
    ["Stage 1", null],
    ["", null],
  ])("%s → %s", (value, code) => {
    expect(suggestedCode(value, [...ourCodes("outcome", []), ...ourCodes("stage", [])])).toBe(code);
  });
});
