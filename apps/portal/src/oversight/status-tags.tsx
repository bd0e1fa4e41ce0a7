import { Tag } from "@complaints/ui";

const statusClasses: Record<string, string> = {
  not_started: "govuk-tag--grey",
  in_progress: "govuk-tag--blue",
  completed: "govuk-tag--green",
};

/** A plan's status in words, with "Overdue" written out beside it (red, but never colour alone), as in the agency app. */
export function StatusTags({ plan }: { plan: { status: string; statusLabel: string; overdue?: boolean } }) {
  return (
    <span className="app-status-tags">
      {plan.overdue ? <Tag classes="govuk-tag--red" text="Overdue" /> : null}
      <Tag classes={statusClasses[plan.status] ?? "govuk-tag--grey"} text={plan.statusLabel} />
    </span>
  );
}
