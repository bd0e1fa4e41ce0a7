import { describe, expect, it } from "vitest";
import { nextChecked } from "./choice-state.ts";

const item = (name: string, exclusive = false) => ({ name, exclusive });

describe("nextChecked follows govuk-frontend's radios.mjs and checkboxes.mjs", () => {
  it.each([
    ["a radio unchecks the others", "radios", [item("a"), item("a"), item("a")], [true, false, false], 2, true, [false, false, true]],
    ["a checkbox leaves the others", "checkboxes", [item("a"), item("a")], [true, false], 1, true, [true, true]],
    ["unchecking a checkbox changes nothing else", "checkboxes", [item("a"), item("a", true)], [true, false], 0, false, [false, false]],
    ["an exclusive checkbox unchecks the others", "checkboxes", [item("a"), item("a"), null, item("a", true)], [true, true, false, false], 3, true, [false, false, false, true]],
    ["another checkbox unchecks the exclusive one", "checkboxes", [item("a"), item("a", true)], [false, true], 0, true, [true, false]],
    ["other names are left alone", "checkboxes", [item("a"), item("b"), item("a", true)], [true, true, false], 2, true, [false, true, true]],
  ] as const)("%s", (_name, kind, items, current, index, checked, expected) => {
    expect(nextChecked(kind, [...items], [...current], index, checked)).toEqual(expected);
  });
});
