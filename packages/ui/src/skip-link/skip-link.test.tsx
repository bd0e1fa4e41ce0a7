import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { SkipLink, type SkipLinkProps } from "./skip-link.tsx";

describe("SkipLink reproduces govuk-frontend's skip-link fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof SkipLinkProps, true> = { text: true, html: true, children: true, href: true, classes: true, attributes: true };
    expectEveryMacroOption("skip-link", props);
  });
  itRendersGovukFixtures("skip-link", (options) => <SkipLink {...(options as SkipLinkProps)} />);
});
