import { Link, Panel } from "@complaints/ui";
import { periodLabelOf } from "@complaints/domain";
import type { Organisation } from "@complaints/client";
import { returnAddress } from "./body.tsx";

/** What the user just did from the check page, and the revision it left. */
export type Done = { kind: "submitted" | "approved" | "sentBack" | "reopened"; revision: number };

export function confirmationTitle(done: Done): string {
  return { submitted: "Return submitted", approved: "Return approved and sent to the department", sentBack: "Return sent back to the complaints team", reopened: `Revision ${done.revision} opened` }[done.kind];
}

export function Confirmation({ done, org, period }: { done: Done; org: Organisation; period: string }) {
  const label = periodLabelOf(period);
  const next = {
    submitted: "Your senior accountable officer will review it and send it to the department, or send it back with a comment.",
    approved: "The department will review it. Its decision appears on your organisation's page and in the return's history.",
    sentBack: "The complaints team can see your comment, make the changes and submit the return again.",
    reopened: "The new revision is a draft with the same figures. Make the corrections, then submit it for approval again.",
  }[done.kind];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel titleText={confirmationTitle(done)} text={`${org.name}: ${label}`} />
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">{next}</p>
        <ul className="govuk-list">
          {done.kind === "reopened" ? (
            <li>
              <Link className="govuk-link" href={returnAddress(org.code, period)}>
                Correct the return for {label}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="govuk-link" href={returnAddress(org.code, period, "history")}>
              See the return's history
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href={`/agency/${org.code}/`}>
              Back to {org.name}'s returns
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
