import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { PhaseBanner, type PhaseBannerProps } from "./phase-banner.tsx";

describe("PhaseBanner reproduces govuk-frontend's phase-banner fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof PhaseBannerProps, true> = { tag: true, text: true, html: true, children: true, classes: true, attributes: true };
    expectEveryMacroOption("phase-banner", props);
  });
  itRendersGovukFixtures("phase-banner", (options) => <PhaseBanner {...(options as PhaseBannerProps)} />);
});
