import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { govukFixtures, govukMacroOptionNames, normaliseHtml } from "../testing/govuk-fixtures.ts";
import { Button, type ButtonProps } from "./button.tsx";

/** Examples this component does not reproduce, with the reason. */
const unsupported: Record<string, string> = {};

describe("Button reproduces govuk-frontend's button fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof ButtonProps, true> = { text: true, html: true, children: true, type: true, name: true, value: true, disabled: true, href: true, classes: true, attributes: true, preventDoubleClick: true, isStartButton: true, id: true, onClick: true };
    for (const name of govukMacroOptionNames("button")) expect(props, name).toHaveProperty(name);
  });

  for (const fixture of govukFixtures("button")) {
    const reason = unsupported[fixture.name];
    it.skipIf(reason !== undefined)(`${fixture.name}${reason ? ` (not supported: ${reason})` : ""}`, () => {
      const html = renderToStaticMarkup(<Button {...(fixture.options as ButtonProps)} />);
      expect(normaliseHtml(html)).toBe(normaliseHtml(fixture.html));
    });
  }
});
