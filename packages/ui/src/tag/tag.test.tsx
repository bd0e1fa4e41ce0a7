import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { Tag, type TagProps } from "./tag.tsx";

describe("Tag reproduces govuk-frontend's tag fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof TagProps, true> = { text: true, html: true, children: true, classes: true, attributes: true };
    expectEveryMacroOption("tag", props);
  });
  itRendersGovukFixtures("tag", (options) => <Tag {...(options as TagProps)} />);
});
