import { useQueries, useQuery } from "@tanstack/react-query";
import { Link, NotificationBanner, ReturnStatusTag, Table, Tag } from "@complaints/ui";
import { formatDate, isSent, plural, returnStatusLabels } from "@complaints/domain";
import { Loading, type Organisation, procedureQuery, type QueryOutput, ServiceProblem, usePageTitle } from "@complaints/client";
import { periodToAddress } from "@complaints/domain";

type ReturnSummary = QueryOutput<"returns.list">[number];
type OpenWindow = QueryOutput<"windows.list">[number];

export function returnAddress(org: string, period: string, page = ""): string {
  return `/agency/${org}/returns/${periodToAddress(period)}/${page}`;
}

/**
 * `/agency/{ORG}/`: the body's page. The open reporting window with its due date and working days
 * left, anything returned with the reasons, the returns by quarter with their status, and overdue
 * learning actions.
 */
export function BodyPage({ org }: { org: Organisation }) {
  usePageTitle(org.name);
  const returns = useQuery(procedureQuery("returns.list", { organisationCode: org.code }));
  const windows = useQuery(procedureQuery("windows.list", { openOnly: true, organisationCode: org.code }));
  const returned = (returns.data ?? []).filter((r) => r.status === "returned");
  // The list has no reasons; a returned return's own record does.
  const reasons = useQueries({
    queries: returned.map((r) => procedureQuery("returns.get", { returnId: r.returnId })),
  });
  const plans = useQuery(procedureQuery("actions.list", { organisationCode: org.code }));
  const overdue = (plans.data ?? []).filter((p) => p.overdue);

  if (returns.isError || windows.isError) return <ServiceProblem />;
  if (returns.isPending || windows.isPending) return <Loading />;

  const byPeriod = new Map(returns.data.map((r) => [r.period, r]));
  const open = windows.data.filter((w) => w.open);
  const notStarted = open.filter((w) => !byPeriod.has(w.period));

  return (
    <>
      <span className="govuk-caption-l">Quarterly complaints returns</span>
      <h1 className="govuk-heading-l">{org.name}</h1>

      <ReturnedBanners org={org} returned={returned} reasons={reasons} />

      {open.map((w) => (
        <OpenWindowSummary key={w.period} org={org} window={w} current={byPeriod.get(w.period)} />
      ))}

      <h2 className="govuk-heading-m govuk-!-margin-top-8">Your returns</h2>
      <ReturnsTable org={org} notStarted={notStarted} returns={returns.data} />

      <OverdueActions org={org} overdue={overdue} />
    </>
  );
}

type ReturnedReason = { data?: QueryOutput<"returns.get"> | undefined };
type ActionPlanSummary = QueryOutput<"actions.list">[number];

/** A banner for each return sent back, with the reasons from its own record (the list has none). */
function ReturnedBanners({ org, returned, reasons }: { org: Organisation; returned: ReturnSummary[]; reasons: ReturnedReason[] }) {
  return (
    <>
      {reasons.map((q, i) =>
        q.data ? (
          <NotificationBanner
            key={returned[i]!.returnId}
            titleId={`returned-${i}`}
            children={
              <>
                <p className="govuk-notification-banner__heading">
                  {q.data.decidedBy ? "The department returned" : "Your senior accountable officer sent back"} your return for {returned[i]!.periodLabel}
                </p>
                <p className="govuk-body">{q.data.decidedBy ? "Their reasons:" : "Their comment:"}</p>
                <blockquote className="govuk-inset-text app-reason">{q.data.returnReason}</blockquote>
                <p className="govuk-body">
                  <Link className="govuk-notification-banner__link" href={returnAddress(org.code, returned[i]!.period)}>
                    Correct the return for {returned[i]!.periodLabel}
                  </Link>
                </p>
              </>
            }
          />
        ) : null,
      )}
    </>
  );
}

/** The returns by quarter, newest first: the open quarters not started yet, then every return with its status. */
function ReturnsTable({ org, notStarted, returns }: { org: Organisation; notStarted: OpenWindow[]; returns: ReturnSummary[] }) {
  if (returns.length + notStarted.length === 0) return <p className="govuk-body">There are no returns yet.</p>;
  return (
    <Table
      caption="Returns by quarter, newest first"
      captionClasses="govuk-visually-hidden"
      firstCellIsHeader
      head={[{ text: "Quarter" }, { text: "Status" }, { text: "Revision", format: "numeric" }]}
      rows={[
        ...notStarted.map((w) => [
          { children: <Link className="govuk-link" href={returnAddress(org.code, w.period)}>{w.periodLabel}</Link> },
          { children: <Tag text="Not started" classes="govuk-tag--grey" /> },
          { text: "", format: "numeric" as const },
        ]),
        ...returns.map((r: ReturnSummary) => [
          { children: <Link className="govuk-link" href={returnAddress(org.code, r.period)}>{r.periodLabel}</Link> },
          { children: <ReturnStatusTag status={r.status} text={returnStatusLabels[r.status]} /> },
          { text: String(r.revision), format: "numeric" as const },
        ]),
      ]}
    />
  );
}

/** The body's learning actions past their due date, each linked to its plan. */
function OverdueActions({ org, overdue }: { org: Organisation; overdue: ActionPlanSummary[] }) {
  if (overdue.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Overdue learning actions</h2>
      <ul className="govuk-list govuk-list--spaced">
        {overdue.map((a) => (
          <li key={a.id}>
            <Tag text="Overdue" classes="govuk-tag--red" />{" "}
            <Link className="govuk-link" href={`/agency/${org.code}/actions/${a.id}`}>
              {a.action}
            </Link>
            <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
              Due {formatDate(a.dueDate)}: {a.statusLabel.toLowerCase()}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The quarter a body can report on now: due date, working days left (counted by the server in the body's nation). */
function OpenWindowSummary({ org, window, current }: { org: Organisation; window: OpenWindow; current: ReturnSummary | undefined }) {
  const sent = current ? isSent(current.status) : false;
  return (
    <div className="app-open-window">
      <h2 className="govuk-heading-m">Return for {window.periodLabel}</h2>
      <p className="govuk-body-l govuk-!-margin-bottom-2">Due by {formatDate(window.dueDate)}</p>
      {sent ? (
        <p className="govuk-body">Sent to the department.</p>
      ) : window.workingDaysLeft === null ? null : window.overdue ? (
        <p className="govuk-body">
          <Tag text="Overdue" classes="govuk-tag--red" /> <span className="govuk-!-font-weight-bold">{plural(-window.workingDaysLeft, "working day", "working days")} late</span>
        </p>
      ) : (
        <p className="govuk-body govuk-!-font-weight-bold">{window.workingDaysLeft === 0 ? "Due today" : `${plural(window.workingDaysLeft, "working day", "working days")} left`}</p>
      )}
      <p className="govuk-body">
        {current ? (
          <>
            Status: <ReturnStatusTag status={current.status} text={returnStatusLabels[current.status]} />
          </>
        ) : (
          "Not started."
        )}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href={returnAddress(org.code, window.period)}>
          {current ? "Go to" : "Start"} the return for {window.periodLabel}
        </Link>
      </p>
    </div>
  );
}
