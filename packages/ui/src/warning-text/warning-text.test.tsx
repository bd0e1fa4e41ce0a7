import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { WarningText, type WarningTextProps } from "./warning-text.tsx";

describe("WarningText reproduces govuk-frontend's warning-text fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof WarningTextProps, true> = { text: true, html: true, children: true, iconFallbackText: true, classes: true, attributes: true };
    expectEveryMacroOption("warning-text", props);
  });
  itRendersGovukFixtures("warning-text", (options) => <WarningText {...(options as WarningTextProps)} />);
});
