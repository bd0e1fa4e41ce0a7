import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { InsetText, type InsetTextProps } from "./inset-text.tsx";

describe("InsetText reproduces govuk-frontend's inset-text fixtures", () => {
  it("takes every option of the macro (children for caller)", () => {
    const props: Record<keyof InsetTextProps | "caller", true> = { text: true, html: true, children: true, caller: true, id: true, classes: true, attributes: true };
    expectEveryMacroOption("inset-text", props);
  });
  itRendersGovukFixtures("inset-text", (options) => <InsetText {...(options as InsetTextProps)} />);
});
