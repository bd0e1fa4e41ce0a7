import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { GenericHeader, type GenericHeaderProps } from "./generic-header.tsx";

describe("GenericHeader reproduces govuk-frontend's generic-header fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof GenericHeaderProps, true> = { url: true, logoText: true, logoHtml: true, containerClasses: true, classes: true, attributes: true };
    expectEveryMacroOption("generic-header", props);
  });
  itRendersGovukFixtures("generic-header", (options) => <GenericHeader {...(options as GenericHeaderProps)} />);
});
