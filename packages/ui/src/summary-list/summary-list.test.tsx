import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { SummaryList, type SummaryCard, type SummaryCardTitle, type SummaryListAction, type SummaryListActions, type SummaryListProps, type SummaryListRow } from "./summary-list.tsx";

describe("SummaryList reproduces govuk-frontend's summary-list fixtures", () => {
  it("takes every option of the macro", () => {
    const props: Record<keyof SummaryListProps, true> = { rows: true, card: true, classes: true, attributes: true };
    expectEveryMacroOption("summary-list", props);
    const row: Record<keyof SummaryListRow, true> = { classes: true, key: true, value: true, actions: true };
    expectEveryMacroOption("summary-list", row, ["rows"]);
    const content: Record<keyof SummaryListRow["key"], true> = { text: true, html: true, children: true, classes: true };
    expectEveryMacroOption("summary-list", content, ["rows", "key"]);
    expectEveryMacroOption("summary-list", content, ["rows", "value"]);
    const actions: Record<keyof SummaryListActions, true> = { items: true, classes: true };
    expectEveryMacroOption("summary-list", actions, ["rows", "actions"]);
    expectEveryMacroOption("summary-list", actions, ["card", "actions"]);
    const action: Record<keyof SummaryListAction, true> = { href: true, text: true, html: true, children: true, visuallyHiddenText: true, classes: true, attributes: true };
    expectEveryMacroOption("summary-list", action, ["rows", "actions", "items"]);
    expectEveryMacroOption("summary-list", action, ["card", "actions", "items"]);
    const card: Record<keyof SummaryCard, true> = { title: true, actions: true, classes: true, attributes: true };
    expectEveryMacroOption("summary-list", card, ["card"]);
    const title: Record<keyof SummaryCardTitle, true> = { text: true, html: true, children: true, headingLevel: true, classes: true };
    expectEveryMacroOption("summary-list", title, ["card", "title"]);
  });
  itRendersGovukFixtures("summary-list", (options) => <SummaryList {...(options as unknown as SummaryListProps)} />);
});

describe("SummaryList with React content", () => {
  it("puts React values and action text where the template puts text", () => {
    const html = renderToStaticMarkup(
      <SummaryList
        card={{ title: { children: <em>Q1 return</em> } }}
        rows={[{ key: { text: "Status" }, value: { children: <strong>Sent</strong> }, actions: { items: [{ href: "/q1/edit", children: "Change", visuallyHiddenText: "status" }] } }]}
      />,
    );
    expect(html).toContain('<dd class="govuk-summary-list__value"><strong>Sent</strong></dd>');
    expect(html).toContain('<a class="govuk-link" href="/q1/edit">Change<span class="govuk-visually-hidden"> status (<em>Q1 return</em>)</span></a>');
  });
});
