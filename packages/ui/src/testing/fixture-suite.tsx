import type { ComponentType, ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { govukFixtures, govukMacroOptionNames, normaliseHtml } from "./govuk-fixtures.ts";

/**
 * The shared fixture test (as button.test.tsx spells it out): every option of the macro is a prop,
 * (`notProps` names the Nunjucks-only ones, with the reason), and every govuk-frontend example renders
 * the same HTML, except the `unsupported` ones, each listed with its reason.
 */
export function describeGovukFixtures<P extends object>(
  component: string,
  Component: ComponentType<P>,
  props: Record<keyof P, true>,
  { unsupported = {}, notProps = {} }: { unsupported?: Record<string, string>; notProps?: Record<string, string> } = {},
) {
  describe(`${Component.name} reproduces govuk-frontend's ${component} fixtures`, () => {
    it("takes every option of the macro", () => {
      for (const name of govukMacroOptionNames(component)) if (!(name in notProps)) expect(props, name).toHaveProperty(name);
    });

    for (const fixture of govukFixtures(component)) {
      const reason = unsupported[fixture.name];
      it.skipIf(reason !== undefined)(`${fixture.name}${reason ? ` (not supported: ${reason})` : ""}`, () => {
        const html = renderToStaticMarkup(<Component {...(fixture.options as P)} />);
        expect(normaliseHtml(html)).toBe(normaliseHtml(fixture.html));
      });
    }

    it("lists only examples that exist as unsupported", () => {
      const names = new Set(govukFixtures(component).map((f) => f.name));
      for (const name of Object.keys(unsupported)) expect(names, name).toContain(name);
    });
  });
}

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
