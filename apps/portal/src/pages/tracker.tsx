import { useQuery } from "@tanstack/react-query";
import { Link, Table, type TableCell } from "@complaints/ui";
import { formatDate, formatDateTime, formatPeriodCode, formatPeriodLabel, periodFromIndex, periodIndex, periodToAddress, previousPeriod, requirePeriod } from "@complaints/domain";
import type { FormEvent, ReactNode } from "react";
import { useSearchParams } from "react-router";
import { type Organisation, procedureQuery, QueryBoundary, useMe, usePageTitle } from "@complaints/client";
import { adminAddress, isAdministrator } from "../admin/admin-route.tsx";
import { useLatestQuarter } from "../app/periods.ts";
import { applyFilter, bodyTypeLabel, readFilter, statusFilters, timelinessFilters, writeFilter } from "../tracker/filters.ts";
import { FilterActions, FilterCheckboxes } from "../filter-form/filter-fields.tsx";
import { QuarterPagination } from "../tracker/quarter-pagination.tsx";
import { canOpenReturn, timelinessLabels, TrackerStatusTag, type Tracker, type TrackerRow } from "../tracker/tracker-status.tsx";
import "../filter-form/filter-form.css";
import "../tracker/tracker.css";

/** `/portal/{DEPT}/returns/{ORG}/{PERIOD}`: where the department reviews a body's return. */
export function reviewAddress(dept: string, org: string, period: string): string {
  return `/portal/${dept}/returns/${org}/${periodToAddress(period)}`;
}

export function trackerAddress(dept: string, period: string, search = ""): string {
  return `/portal/${dept}/tracker/${periodToAddress(period)}${search}`;
}

/**
 * `/portal/{DEPT}/tracker/{PERIOD}`: every body expected to report for the quarter (active in it),
 * its return's status, when the department received it and whether that was on time; filters by
 * status and body type in the query string; each sent return opens for review.
 */
export function TrackerPage({ dept, period }: { dept: Organisation; period: string }) {
  const label = formatPeriodLabel(requirePeriod(period));
  usePageTitle(`Submission tracker: ${label}`);
  const tracker = useQuery(procedureQuery("tracker.forPeriod", { departmentCode: dept.code, period }));
  const latest = useLatestQuarter(dept.code);
  const [params] = useSearchParams();
  const search = params.toString() ? `?${params.toString()}` : "";

  const p = requirePeriod(period);
  const before = formatPeriodCode(previousPeriod(p));
  const after = formatPeriodCode(periodFromIndex(periodIndex(p) + 1));
  const nextAllowed = latest !== undefined && periodIndex(requirePeriod(after)) <= periodIndex(requirePeriod(latest));

  const heading = (
    <>
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Submission tracker: {label}</h1>
    </>
  );
  const pagination = (
    <QuarterPagination
      previous={{ href: trackerAddress(dept.code, before, search), label: formatPeriodLabel(requirePeriod(before)) }}
      next={nextAllowed ? { href: trackerAddress(dept.code, after, search), label: formatPeriodLabel(requirePeriod(after)) } : null}
    />
  );

  return (
    <>
      {heading}
      <QueryBoundary queries={[tracker]} what="The tracker">
        {(data) => <TrackerContent dept={dept} period={period} label={label} data={data} pagination={pagination} />}
      </QueryBoundary>
    </>
  );
}

function TrackerContent({ dept, period, label, data, pagination }: { dept: Organisation; period: string; label: string; data: Tracker; pagination: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const search = params.toString();
  const rows = applyFilter(data.rows, filter);
  const types = [...new Set(data.rows.map((r) => r.bodyType))].toSorted();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const statuses = form.getAll("status").map(String);
    const timeliness = form.getAll("timeliness").map(String);
    setParams(
      writeFilter({
        statuses: statusFilters.filter((f) => statuses.includes(f.value)).map((f) => f.status),
        types: form.getAll("type").map(String),
        timeliness: timelinessFilters.filter((f) => timeliness.includes(f.value)).map((f) => f.timeliness),
      }),
    );
  }

  return (
    <>
      <TrackerIntro dept={dept} label={label} reportingWindow={data.window} />
      <KeyFigures summary={data.summary} />
      {pagination}

      <form noValidate onSubmit={apply} key={params.toString()} aria-labelledby="filter-heading">
        <h2 className="govuk-heading-m" id="filter-heading">
          Filter bodies
        </h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <FilterCheckboxes
              name="status"
              legend="Status"
              values={statusFilters.filter((f) => filter.statuses.includes(f.status)).map((f) => f.value)}
              items={statusFilters.map((f) => ({ value: f.value, text: f.label }))}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <FilterCheckboxes
              name="timeliness"
              legend="On time or late"
              values={timelinessFilters.filter((f) => filter.timeliness.includes(f.timeliness)).map((f) => f.value)}
              items={timelinessFilters.map((f) => ({ value: f.value, text: f.label }))}
            />
            <FilterCheckboxes
              name="type"
              legend="Body type"
              values={filter.types}
              items={types.map((t) => ({ value: t, text: bodyTypeLabel(t) }))}
            />
          </div>
        </div>
        <FilterActions submitText="Apply filters" clear={search ? { href: trackerAddress(dept.code, period), text: "Clear filters" } : null} />
      </form>

      <TrackerTable dept={dept} data={data} rows={rows} />
    </>
  );
}

/** Which bodies the tracker lists, and when their returns are due (or that the window is not open yet). */
function TrackerIntro({ dept, label, reportingWindow }: { dept: Organisation; label: string; reportingWindow: Tracker["window"] }) {
  // Only an administrator can open a window, so only they are pointed to the page that does.
  const me = useMe();
  const isAdmin = me.data ? isAdministrator(me.data) : false;
  return (
    <p className="govuk-body">
      Every body expected to send a return for {label}: those active at any time in the quarter.
      {!reportingWindow ? (
        <>
          {" The reporting window for this quarter has not been opened."}
          {isAdmin ? (
            <>
              {" "}
              <Link className="govuk-link" href={adminAddress.windows(dept.code)}>
                Open it in reporting windows
              </Link>
              .
            </>
          ) : null}
        </>
      ) : reportingWindow.dueDate ? (
        ` Returns are due by ${formatDate(reportingWindow.dueDate)}.`
      ) : (
        " Each body's due date is 20 working days after the end of the quarter, counted in its own nation."
      )}
    </p>
  );
}

function KeyFigures({ summary }: { summary: Tracker["summary"] }) {
  const figures: [string, number][] = [
    ["Expected", summary.expected],
    ["Received", summary.received],
    ["Accepted", summary.accepted],
    ["Late or overdue", summary.late],
    ["Returned", summary.returned],
  ];
  return (
    <dl className="app-key-figures" aria-label="Returns this quarter">
      {figures.map(([label, count]) => (
        <div className="app-key-figures__item" key={label}>
          <dt className="govuk-body app-key-figures__label govuk-!-margin-bottom-0">{label}</dt>
          <dd className="govuk-heading-l app-key-figures__count" data-figure={label}>
            {count}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function receivedText(row: TrackerRow): string {
  if (row.receivedAt) return formatDateTime(row.receivedAt);
  return row.timeliness === "not recorded" ? "Not recorded" : "Not received";
}

function TrackerTable({ dept, data, rows }: { dept: Organisation; data: Tracker; rows: TrackerRow[] }) {
  // Only the oversight analysts chase late bodies (permission returns.chase).
  const canChase = useMe().data?.role === "oversight";
  const caption = `Bodies expected to report for ${data.periodLabel}: ${rows.length === data.rows.length ? `${rows.length}` : `${rows.length} of ${data.rows.length} shown`}`;
  if (rows.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{caption}</h2>
        <p className="govuk-body">No body matches the filters. Choose other statuses or body types, or clear the filters.</p>
      </>
    );
  }
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Bodies expected to report">
      <Table
        caption={caption}
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        // Below the tablet breakpoint each body becomes a block of labelled lines, as on the action plans page, instead of a table scrolled sideways past its dates.
        classes="app-tracker-table app-stacked-table"
        head={[{ text: "Body" }, { text: "Status" }, { text: "Received by the department" }, { text: "On time or late" }]}
        rows={rows.map((row): TableCell[] => [
          {
            children: (
              <>
                {canOpenReturn(row) ? (
                  <Link className="govuk-link" href={reviewAddress(dept.code, row.organisationCode, data.period)}>
                    {row.name}
                    <span className="govuk-visually-hidden">: review the return</span>
                  </Link>
                ) : (
                  row.name
                )}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 app-secondary-text">{bodyTypeLabel(row.bodyType)}</span>
              </>
            ),
            attributes: { "data-body": row.organisationCode },
          },
          { children: <TrackerStatusTag row={row} />, attributes: { "data-label": "Status" } },
          { text: receivedText(row), attributes: { "data-label": "Received by the department" } },
          {
            attributes: { "data-label": "On time or late" },
            children: (
              <>
                {timelinessLabels[row.timeliness]}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Due {formatDate(row.dueDate)}</span>
                {canChase && row.timeliness === "overdue" ? (
                  <Link className="govuk-link govuk-body-s" href={`/portal/${dept.code}/tracker/${periodToAddress(data.period)}/chase/${row.organisationCode}`}>
                    Chase<span className="govuk-visually-hidden"> {row.name}</span>
                  </Link>
                ) : null}
              </>
            ),
          },
        ])}
      />
    </div>
  );
}
