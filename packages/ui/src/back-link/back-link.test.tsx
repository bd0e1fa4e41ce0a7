import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { BackLink, type BackLinkProps } from "./back-link.tsx";

describe("BackLink reproduces govuk-frontend's back-link fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof BackLinkProps, true> = { text: true, html: true, children: true, href: true, classes: true, attributes: true };
    expectEveryMacroOption("back-link", props);
  });
  itRendersGovukFixtures("back-link", (options) => <BackLink {...(options as BackLinkProps)} />);
});
