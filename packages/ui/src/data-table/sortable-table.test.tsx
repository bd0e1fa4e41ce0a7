import type { Column, SortingState } from "@tanstack/react-table";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createHouseColumnHelper, useHouseTable, type HouseTable, type HouseTableFeatures } from "./house-table.ts";
import { defaultSortedMessage, pressSortButton, SortableTable } from "./sortable-table.tsx";

interface Body {
  code: string;
  name: string;
  type: string;
  rate: number | undefined;
}

const bodies: Body[] = [
  { code: "B", name: "Beta Agency", type: "executive agency", rate: 0.5 },
  { code: "A", name: "Alpha Board", type: "advisory", rate: undefined },
  { code: "C", name: "Gamma Office", type: "executive agency", rate: 0.25 },
  { code: "D", name: "Delta Service", type: "advisory", rate: 0.75 },
];

const helper = createHouseColumnHelper<Body>();
const columns = helper.columns([
  helper.accessor("name", { header: "Body", meta: { rowHeader: true } }),
  helper.accessor("type", { header: "Type", enableSorting: false, filterFn: "oneOf" }),
  helper.accessor("rate", { header: () => <abbr title="Within timescale">On time</abbr>, meta: { label: "Within timescale", numeric: true }, cell: (c) => (c.getValue() === undefined ? "No figure" : `${c.getValue()! * 100}%`) }),
]);

function Harness({ sorting = [], types = [], pinned = [], onTable }: { sorting?: SortingState; types?: string[]; pinned?: string[]; onTable?: (table: HouseTable<Body>) => void }) {
  const table = useHouseTable({
    data: bodies,
    columns,
    getRowId: (b) => b.code,
    initialState: { sorting, columnFilters: types.length ? [{ id: "type", value: types }] : [], rowPinning: { top: pinned, bottom: [] } },
  });
  onTable?.(table);
  return <SortableTable table={table} caption="Bodies" noRowsText="No bodies" />;
}

const render = (props: Parameters<typeof Harness>[0] = {}) => new DOMParserLite(renderToStaticMarkup(<Harness {...props} />));

/** Just enough of the markup to read, without a DOM in the test environment. */
class DOMParserLite {
  constructor(readonly html: string) {}
  headers(): { text: string; ariaSort: string | null; button: boolean }[] {
    return [...this.html.matchAll(/<th scope="col"([^>]*)>(.*?)<\/th>/g)].map((m) => ({
      text: m[2]!.replace(/<[^>]+>/g, ""),
      ariaSort: /aria-sort="([^"]+)"/.exec(m[1]!)?.[1] ?? null,
      button: m[2]!.startsWith('<button type="button"'),
    }));
  }
  rowNames(): string[] {
    return [...this.html.matchAll(/<th scope="row" class="govuk-table__header">(.*?)<\/th>/g)].map((m) => m[1]!);
  }
}

describe("SortableTable reproduces MOJ Frontend's sortable table markup", () => {
  it("renders a GOV.UK table marked as sortable, with the caption's hint for screen readers", () => {
    const { html } = render();
    expect(html).toMatch(/^<table class="govuk-table" data-module="moj-sortable-table"><caption class="govuk-table__caption">Bodies<span class="govuk-visually-hidden"> \(column headers with buttons are sortable\)\.<\/span><\/caption>/);
  });

  it("puts a real button in each sortable header, with aria-sort on the th and MOJ's arrow; other headers stay plain", () => {
    const { html } = render();
    expect(html).toContain('<th scope="col" class="govuk-table__header" aria-sort="none"><button type="button" data-index="0">Body<svg width="22" height="22" focusable="false" aria-hidden="true" role="img" viewBox="0 0 22 22" fill="none"');
    expect(render().headers()).toEqual([
      { text: "Body", ariaSort: "none", button: true },
      { text: "Type", ariaSort: null, button: false },
      { text: "On time", ariaSort: "none", button: true },
    ]);
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric" aria-sort="none"><button type="button" data-index="2"><abbr title="Within timescale">On time</abbr>');
    expect(html).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">50%</td>');
  });

  it("has a polite, atomic live region after the table, empty until someone sorts", () => {
    expect(render().html).toMatch(/<\/table><div aria-atomic="true" aria-live="polite" class="govuk-visually-hidden" role="status"><\/div>$/);
  });

  it.each<[SortingState, string, string[]]>([
    [[], "none", ["Beta Agency", "Alpha Board", "Gamma Office", "Delta Service"]],
    [[{ id: "name", desc: false }], "ascending", ["Alpha Board", "Beta Agency", "Delta Service", "Gamma Office"]],
    [[{ id: "name", desc: true }], "descending", ["Gamma Office", "Delta Service", "Beta Agency", "Alpha Board"]],
  ])("sorting %j shows aria-sort %s and the rows in that order", (sorting, ariaSort, names) => {
    const view = render({ sorting });
    expect(view.headers()[0]!.ariaSort).toBe(ariaSort);
    expect(view.headers()[2]!.ariaSort).toBe("none");
    expect(view.rowNames()).toEqual(names);
  });

  it("puts bodies without a figure last in both directions", () => {
    expect(render({ sorting: [{ id: "rate", desc: false }] }).rowNames()).toEqual(["Gamma Office", "Beta Agency", "Delta Service", "Alpha Board"]);
    expect(render({ sorting: [{ id: "rate", desc: true }] }).rowNames()).toEqual(["Delta Service", "Beta Agency", "Gamma Office", "Alpha Board"]);
  });

  it("filters rows to the chosen values, and says so when none is left", () => {
    expect(render({ types: ["advisory"] }).rowNames()).toEqual(["Alpha Board", "Delta Service"]);
    expect(render({ types: ["nothing"] }).html).toContain('<tbody class="govuk-table__body"><tr class="govuk-table__row"><td class="govuk-table__cell" colSpan="3">No bodies</td></tr></tbody>');
  });

  it("keeps a pinned row (a benchmark) first, marked, whatever the order and the filters", () => {
    const view = render({ pinned: ["D"], sorting: [{ id: "name", desc: false }], types: ["executive agency"] });
    expect(view.rowNames()).toEqual(["Delta Service", "Beta Agency", "Gamma Office"]);
    expect(view.html).toContain('<tr class="govuk-table__row app-sortable-table__pinned-row"><th scope="row" class="govuk-table__header">Delta Service</th>');
  });
});

describe("pressing a sort button (the buttons' click handler, with the house defaults)", () => {
  /** The live table instance of a rendered SortableTable (no DOM here, so the handler is called directly). */
  const table = () => {
    let t: HouseTable<Body> | undefined;
    renderToStaticMarkup(<Harness onTable={(x) => (t = x)} />);
    return t!;
  };
  const column = (t: HouseTable<Body>, id: string) => t.getColumn(id) as unknown as Column<HouseTableFeatures, any, any>;

  it("follows MOJ's cycle: ascending first, then descending, then ascending again, never back to unsorted", () => {
    const t = table();
    const name = column(t, "name");
    expect(pressSortButton(name)).toBe("ascending");
    expect(t.getRowModel().rows.map((r) => r.original.code)).toEqual(["A", "B", "D", "C"]);
    expect(pressSortButton(name)).toBe("descending");
    expect(t.getRowModel().rows.map((r) => r.original.code)).toEqual(["C", "D", "B", "A"]);
    expect(pressSortButton(name)).toBe("ascending");
    expect(t.atoms.sorting.get()).toEqual([{ id: "name", desc: false }]);
    // The header then says so.
    expect(render({ sorting: t.atoms.sorting.get() }).headers()[0]!.ariaSort).toBe("ascending");
  });

  it("sorts by one column at a time: another column's button replaces the order", () => {
    const t = table();
    pressSortButton(column(t, "name"));
    expect(pressSortButton(column(t, "rate"))).toBe("ascending");
    expect(t.atoms.sorting.get()).toEqual([{ id: "rate", desc: false }]);
    expect(t.getColumn("name")!.getIsSorted()).toBe(false);
  });

  it("announces the new order in words, naming the column by its label", () => {
    expect(defaultSortedMessage("Within timescale", "descending")).toBe("Sorted by Within timescale, descending");
  });
});
