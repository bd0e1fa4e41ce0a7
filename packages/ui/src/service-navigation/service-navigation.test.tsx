import { describe, expect, it } from "vitest";
import { htmlToReact } from "../testing/html-to-react.ts";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { menuToggleState } from "./menu-toggle.ts";
import { ServiceNavigation, type ServiceNavigationItem, type ServiceNavigationProps, type ServiceNavigationSlots } from "./service-navigation.tsx";

/** The fixtures' slots are HTML strings; ours take React nodes, so the strings are parsed first. */
function withReactSlots(options: Record<string, unknown>): ServiceNavigationProps {
  const slots = options.slots as Record<string, string | { html: string; align?: "inline" }> | undefined;
  if (!slots) return options as ServiceNavigationProps;
  const react = (slot: string | undefined) => (slot === undefined ? undefined : htmlToReact(slot));
  const end = slots.end;
  const reactSlots: ServiceNavigationSlots = {
    start: react(slots.start as string | undefined),
    end: typeof end === "object" ? { ...end, html: react(end.html) } : react(end),
    navigationStart: react(slots.navigationStart as string | undefined),
    navigationEnd: react(slots.navigationEnd as string | undefined),
  };
  return { ...(options as ServiceNavigationProps), slots: reactSlots };
}

describe("ServiceNavigation reproduces govuk-frontend's service-navigation fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof ServiceNavigationProps, true> = { classes: true, attributes: true, ariaLabel: true, menuButtonText: true, menuButtonLabel: true, navigationLabel: true, navigationId: true, navigationClasses: true, collapseNavigationOnMobile: true, serviceName: true, serviceUrl: true, navigation: true, slots: true };
    expectEveryMacroOption("service-navigation", props);
    const item: Record<keyof ServiceNavigationItem, true> = { current: true, active: true, html: true, text: true, children: true, href: true, attributes: true };
    expectEveryMacroOption("service-navigation", item, ["navigation"]);
    const slots: Record<keyof ServiceNavigationSlots, true> = { start: true, end: true, navigationStart: true, navigationEnd: true };
    expectEveryMacroOption("service-navigation", slots, ["slots"]);
  });
  itRendersGovukFixtures("service-navigation", (options) => <ServiceNavigation {...withReactSlots(options)} />);
});

describe("the menu button, as service-navigation.mjs sets it", () => {
  const cases = [
    { mode: null, open: false, button: { hidden: true, "aria-hidden": "true" }, listHidden: false, when: "before JavaScript: the fixture's markup" },
    { mode: "desktop", open: true, button: { hidden: true, "aria-hidden": "true" }, listHidden: false, when: "on a wide screen, open or not" },
    { mode: "mobile", open: false, button: { "aria-expanded": false }, listHidden: true, when: "on a narrow screen, closed" },
    { mode: "mobile", open: true, button: { "aria-expanded": true }, listHidden: false, when: "on a narrow screen, open" },
  ] as const;
  for (const c of cases) {
    it(c.when, () => expect(menuToggleState(c.mode, c.open)).toEqual({ button: c.button, listHidden: c.listHidden }));
  }
});
