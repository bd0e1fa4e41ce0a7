import { Tag } from "../tag/tag.tsx";

/**
 * Tag colours for a quarterly return's status (the domain's `ReturnStatus`, and the tracker's "not
 * started"). The words carry the meaning, colour only helps (WCAG 1.4.1).
 */
export const returnStatusTagClasses = {
  "not started": "govuk-tag--grey",
  draft: "govuk-tag--grey",
  submitted: "govuk-tag--turquoise",
  approved: "govuk-tag--purple",
  accepted: "govuk-tag--green",
  returned: "govuk-tag--red",
} as const satisfies Record<string, string>;

export type ReturnStatusTagStatus = keyof typeof returnStatusTagClasses;

/** A return's status as a tag: `text` is its label (`returnStatusLabels[status]`, or the tracker's own words). */
export function ReturnStatusTag({ status, text }: { status: ReturnStatusTagStatus; text: string }) {
  return <Tag text={text} classes={returnStatusTagClasses[status]} />;
}

const actionPlanStatusClasses: Record<string, string> = {
  not_started: "govuk-tag--grey",
  in_progress: "govuk-tag--blue",
  completed: "govuk-tag--green",
};

/**
 * A learning action plan's status in words, and "Overdue" in words beside it (red, but never colour
 * alone). `classes` is for the wrapping span, which lays the tags out in a row.
 */
export function ActionPlanStatusTags({ plan, classes }: { plan: { status: string; statusLabel: string; overdue?: boolean }; classes?: string }) {
  return (
    <span className={classes}>
      {plan.overdue ? <Tag classes="govuk-tag--red" text="Overdue" /> : null}
      <Tag classes={actionPlanStatusClasses[plan.status] ?? "govuk-tag--grey"} text={plan.statusLabel} />
    </span>
  );
}

const publicationClasses: Record<string, string> = {
  not_for_publication: "govuk-tag--grey",
  waiting: "govuk-tag--yellow",
  published: "govuk-tag--green",
};

/** Whether a plan's "you said, we did" summary is public, in words ("Waiting for approval", "Published 3 December 2026"). */
export function PublicationTag({ plan }: { plan: { publication: string; publicationLabel: string } }) {
  return <Tag classes={publicationClasses[plan.publication] ?? "govuk-tag--grey"} text={plan.publicationLabel} />;
}
