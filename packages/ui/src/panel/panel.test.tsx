import { describe, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { Panel, type PanelAction, type PanelActions, type PanelProps } from "./panel.tsx";

describe("Panel reproduces govuk-frontend's panel fixtures", () => {
  it("takes every option of the macro (children for caller)", () => {
    const props: Record<keyof PanelProps | "caller", true> = { titleText: true, titleHtml: true, headingLevel: true, text: true, html: true, children: true, caller: true, classes: true, attributes: true, actions: true };
    expectEveryMacroOption("panel", props);
    const actions: Record<keyof PanelActions, true> = { items: true, classes: true, attributes: true };
    expectEveryMacroOption("panel", actions, ["actions"]);
    const action: Record<keyof PanelAction, true> = { text: true, type: true, href: true, classes: true, attributes: true };
    expectEveryMacroOption("panel", action, ["actions", "items"]);
  });
  itRendersGovukFixtures("panel", (options) => <Panel {...(options as PanelProps)} />);
});
