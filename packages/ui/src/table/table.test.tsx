import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { Table, type TableCell, type TableProps } from "./table.tsx";

describe("Table reproduces govuk-frontend's table fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof TableProps, true> = { rows: true, head: true, caption: true, captionClasses: true, firstCellIsHeader: true, classes: true, attributes: true };
    expectEveryMacroOption("table", props);
    const cell: Record<keyof TableCell, true> = { text: true, html: true, children: true, format: true, classes: true, colspan: true, rowspan: true, attributes: true };
    expectEveryMacroOption("table", cell, ["rows"]);
    expectEveryMacroOption("table", cell, ["head"]);
  });
  itRendersGovukFixtures("table", (options) => <Table {...(options as unknown as TableProps)} />);
});
