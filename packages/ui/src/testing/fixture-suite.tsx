import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { govukFixtures, govukMacroOptionNames, normaliseHtml } from "./govuk-fixtures.ts";

/**
 * One test per example in a govuk-frontend component's fixtures.json: render the options with our
 * component and compare with the fixture's HTML (normalised). `unsupported` names the examples we do
 * not reproduce, each with its reason; a name that is not a fixture fails, so the list stays honest.
 */
export function itRendersGovukFixtures(component: string, render: (options: Record<string, unknown>) => ReactElement, unsupported: Record<string, string> = {}) {
  const fixtures = govukFixtures(component);
  it("lists only real fixtures as unsupported", () => {
    expect(Object.keys(unsupported).filter((name) => !fixtures.some((f) => f.name === name))).toEqual([]);
  });
  for (const fixture of fixtures) {
    const reason = unsupported[fixture.name];
    it.skipIf(reason !== undefined)(`${fixture.name}${reason ? ` (not supported: ${reason})` : ""}`, () => {
      expect(normaliseHtml(renderToStaticMarkup(render(fixture.options)))).toBe(normaliseHtml(fixture.html));
    });
  }
}

/** Every option of the macro (or of a nested option at `path`) is one of our props. */
export function expectEveryMacroOption(component: string, props: Record<string, true>, path: string[] = []) {
  for (const name of govukMacroOptionNames(component, path)) expect(props, [component, ...path, name].join(".")).toHaveProperty(name);
}
