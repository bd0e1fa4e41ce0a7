import { templateV2 } from "@complaints/domain";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConflictPanel } from "./conflict-panel.tsx";

describe("ConflictPanel", () => {
  it("shows nothing unless the draft has a clash", () => {
    expect(renderToStaticMarkup(<ConflictPanel draft={{ saveState: { kind: "saved", at: new Date() }, template: templateV2, resolveConflicts: () => {} }} />)).toBe("");
  });

  it("asks, for each clash, which answer to keep, in words", () => {
    const html = renderToStaticMarkup(
      <ConflictPanel
        draft={{
          template: templateV2,
          resolveConflicts: () => {},
          saveState: {
            kind: "conflict",
            conflicts: [
              { kind: "value", key: "handling_cost", label: "Cost of complaint handling", yours: 160_050, theirs: null },
              { kind: "note", key: "received", label: "Complaints received", yours: "Estimated", theirs: "Counted" },
            ],
          },
        }}
      />,
    );
    expect(html).toContain('role="region" aria-labelledby="conflict-panel-title"');
    expect(html).toContain("Someone else changed 2 answers you also changed");
    expect(html).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Cost of complaint handling</legend>');
    expect(html).toContain('<label class="govuk-label govuk-radios__label" for="conflict-1">Your answer: £1,600.50</label>');
    expect(html).toContain('<label class="govuk-label govuk-radios__label" for="conflict-1-2">Their answer: No answer</label>');
    expect(html).toContain("Note on ‘Complaints received’");
    expect(html).toContain("Their answer: Counted");
    expect(html).toContain(">Keep these answers</button>");
  });
});
