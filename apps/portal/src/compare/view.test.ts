import { describe, expect, it } from "vitest";
import { defaultMeasures, readView, writeView } from "./view.ts";

const known = {
  measures: ["something_went_wrong", "within_timescale", "escalation_rate", "ombudsman_upheld", "complaints_per_10000"],
  types: ["advisory non-departmental public body", "executive agency"],
  columns: ["name", "type", "something_went_wrong", "within_timescale", "escalation_rate", "ombudsman_upheld", "complaints_per_10000"],
};
const read = (search: string) => readView(new URLSearchParams(search), known);

describe("the compare view in the query string", () => {
  it("reads the shared address of the brief", () => {
    expect(read("?sort=within_timescale-desc&type=executive-agency&measures=ombudsman_upheld,within_timescale&counts=yes")).toEqual({
      sort: { id: "within_timescale", desc: true },
      types: ["executive agency"],
      // In the measures' own order, whatever the address's.
      measures: ["within_timescale", "ombudsman_upheld"],
      counts: true,
    });
  });

  it("reads a body type whose name has hyphens of its own", () => {
    expect(read("?type=advisory-non-departmental-public-body").types).toEqual(["advisory non-departmental public body"]);
  });

  it.each([
    ["?sort=nonsense-desc", null],
    ["?sort=within_timescale-sideways", null],
    ["?sort=within_timescale", null],
    ["?sort=name-asc", { id: "name", desc: false }],
  ])("falls back to no order for an unreadable sort (%s)", (search, sort) => {
    expect(read(search).sort).toEqual(sort);
  });

  it("shows the headline measures when the address names none it knows, and every type when it names no known type", () => {
    const view = read("?measures=unknown&type=ministry-of-magic");
    expect(view.measures).toEqual(known.measures.filter((m) => (defaultMeasures as readonly string[]).includes(m)));
    expect(view.types).toEqual([]);
  });

  it("writes the default view as the plain address, and any other view so it reads back the same", () => {
    expect(writeView(read("")).toString()).toBe("");
    const view = { sort: { id: "escalation_rate", desc: false }, types: ["advisory non-departmental public body", "executive agency"], measures: ["escalation_rate"], counts: true };
    const written = writeView(view);
    expect(written.toString()).toBe("sort=escalation_rate-asc&type=advisory-non-departmental-public-body&type=executive-agency&measures=escalation_rate&counts=yes");
    expect(readView(written, known)).toEqual(view);
  });
});
