import { ActionPlanStatusTags, Button, PublicationTag, Table } from "@complaints/ui";
import { formatDate } from "@complaints/domain";
import { Link } from "react-router";
import { QueryBoundary, usePageTitle, type QueryOutput } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import { usePlanList } from "./queries.ts";

/** `/agency/{ORG}/actions`: the body's learning action plans, overdue first (the API's order), each marked in words, with whether its "you said, we did" summary is published. */
export function ActionListPage({ org, canEdit }: ActionsViewer) {
  const plans = usePlanList(org);
  usePageTitle("Learning action plans");
  return <QueryBoundary queries={[plans]}>{(list) => <PlanList org={org} canEdit={canEdit} list={list} />}</QueryBoundary>;
}

function PlanList({ org, canEdit, list }: { org: string; canEdit: boolean; list: QueryOutput<"actions.list"> }) {
  const overdue = list.filter((p) => p.overdue).length;
  const open = list.filter((p) => p.status !== "completed").length;
  const organisationName = list[0]?.organisationName ?? org;
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Learning action plans</h1>
      <p className="govuk-body">
        {list.length === 0
          ? "There are no action plans yet."
          : `${count(list.length, "action")}: ${open} open, ${overdue === 0 ? "none" : overdue} overdue.`}
      </p>
      {canEdit ? <Button text="Add an action" href={`/${org}/actions/new`} /> : <p className="govuk-body">You can read these action plans. Only {organisationName}’s own people can change them.</p>}
      {list.length > 0 ? (
        <Table
          caption="Action plans, overdue first, then by due date"
          captionClasses="govuk-visually-hidden"
          classes="app-stacked-table"
          head={[{ text: "Action" }, { text: "Owner" }, { text: "Due" }, { text: "Status" }, { text: "Publication" }]}
          rows={list.map((p) => [
            {
              children: (
                <Link className="govuk-link" to={`/${org}/actions/${p.id}`}>
                  {p.action}
                </Link>
              ),
            },
            { text: p.owner, attributes: { "data-label": "Owner" } },
            { text: p.completedDate ? `Due ${formatDate(p.dueDate)}; completed ${formatDate(p.completedDate)}` : `Due ${formatDate(p.dueDate)}` },
            { children: <ActionPlanStatusTags plan={p} classes="app-status-tags" /> },
            { children: <PublicationTag plan={p} />, attributes: { "data-label": "Publication" } },
          ])}
        />
      ) : null}
    </>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
