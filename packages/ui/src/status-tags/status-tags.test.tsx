import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionPlanStatusTags, PublicationTag, ReturnStatusTag } from "./status-tags.tsx";

describe("status tags", () => {
  it("writes a return's status in words, coloured by the status", () => {
    expect(renderToStaticMarkup(<ReturnStatusTag status="approved" text="Sent to the department" />)).toBe(
      '<strong class="govuk-tag govuk-tag--purple">Sent to the department</strong>',
    );
    expect(renderToStaticMarkup(<ReturnStatusTag status="not started" text="Not started" />)).toContain("govuk-tag--grey");
  });

  it("writes 'Overdue' beside an action plan's status, never colour alone", () => {
    const html = renderToStaticMarkup(<ActionPlanStatusTags plan={{ status: "in_progress", statusLabel: "In progress", overdue: true }} classes="app-tags" />);
    expect(html).toBe('<span class="app-tags"><strong class="govuk-tag govuk-tag--red">Overdue</strong><strong class="govuk-tag govuk-tag--blue">In progress</strong></span>');
    expect(renderToStaticMarkup(<ActionPlanStatusTags plan={{ status: "unknown", statusLabel: "Unknown", overdue: false }} />)).toBe(
      '<span><strong class="govuk-tag govuk-tag--grey">Unknown</strong></span>',
    );
  });

  it("writes whether a plan's summary is published in words", () => {
    expect(renderToStaticMarkup(<PublicationTag plan={{ publication: "waiting", publicationLabel: "Waiting for approval" }} />)).toBe('<strong class="govuk-tag govuk-tag--yellow">Waiting for approval</strong>');
    expect(renderToStaticMarkup(<PublicationTag plan={{ publication: "published", publicationLabel: "Published 3 December 2026" }} />)).toContain("govuk-tag--green");
  });
});
