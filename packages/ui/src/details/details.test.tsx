import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { Details, type DetailsProps } from "./details.tsx";

describe("Details reproduces govuk-frontend's details fixtures", () => {
  it("takes every option of the macro (children for caller)", () => {
    const props: Record<keyof DetailsProps | "caller", true> = { summaryText: true, summaryHtml: true, summaryChildren: true, text: true, html: true, children: true, caller: true, id: true, open: true, classes: true, attributes: true };
    expectEveryMacroOption("details", props);
  });
  itRendersGovukFixtures("details", (options) => <Details {...(options as DetailsProps)} />);
});
