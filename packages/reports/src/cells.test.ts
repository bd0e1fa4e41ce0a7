import { describe, expect, it } from "vitest";
import { cellText, markerSuffix, numberMarkers } from "./cells.ts";
import type { Cell, Column } from "./model.ts";
import { samplePack } from "./testing/index.ts";
import { tidyRows } from "./tidy.ts";

/** How a marked number reads in every format: GSS shorthand [r] revised and [p] provisional, r first (model.ts). */

const count: Column = { key: "received", heading: "Received", type: "count" };
const rate: Column = { key: "rate", heading: "Rate", type: "decimal1" };

describe("cellText", () => {
  it.each<[string, Cell, Column, string]>([
    ["a plain number", { kind: "number", value: 1234 }, count, "1,234"],
    ["a revised number", { kind: "number", value: 1234, revised: true }, count, "1,234 [r]"],
    ["a provisional number", { kind: "number", value: 1234, provisional: true }, count, "1,234 [p]"],
    ["a revised and provisional number, r first", { kind: "number", value: 1234, provisional: true, revised: true }, count, "1,234 [r] [p]"],
    ["flags set to false", { kind: "number", value: 12.34, revised: false, provisional: false }, rate, "12.3"],
    ["a provisional rate", { kind: "number", value: 12.34, provisional: true }, rate, "12.3 [p]"],
    ["shorthand", { kind: "shorthand", code: "c" }, count, "[c]"],
  ])("%s", (_, cell, column, shown) => {
    expect(cellText(cell, column)).toBe(shown);
  });

  it("puts the markers in written order, revised before provisional", () => {
    expect(numberMarkers({ provisional: true, revised: true })).toEqual(["r", "p"]);
    expect(numberMarkers({})).toEqual([]);
    expect(markerSuffix(["r", "p"])).toBe(" [r] [p]");
    expect(markerSuffix([])).toBe("");
  });
});

describe("tidyRows", () => {
  it('marks a number "[r]", "[p]" or "[r] [p]" (r first, space-separated, as the spreadsheets show them), and keeps its value', () => {
    const pack = samplePack();
    pack.tables = [
      {
        sheetName: "Marks",
        tableName: "marks",
        title: "Marks",
        description: ["This worksheet contains one table."],
        columns: [count],
        rows: [[{ kind: "number", value: 1 }], [{ kind: "number", value: 2, revised: true }], [{ kind: "number", value: 3, provisional: true }], [{ kind: "number", value: 4, provisional: true, revised: true }], [{ kind: "shorthand", code: "x" }]],
      },
    ];
    expect(tidyRows(pack).map((r) => [r.value, r.marker])).toEqual([
      [1, ""],
      [2, "[r]"],
      [3, "[p]"],
      [4, "[r] [p]"],
      [null, "[x]"],
    ]);
  });
});
