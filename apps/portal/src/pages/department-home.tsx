import { useQueries, useQuery } from "@tanstack/react-query";
import { Link, SummaryList, type SummaryListRow } from "@complaints/ui";
import { formatDate, formatPeriodLabel, periodToAddress, requirePeriod } from "@complaints/domain";
import { emergingSentence } from "../themes/emerging-list.tsx";
import { Loading, procedureQuery, QueryBoundary, usePageTitle, type Organisation } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { outliers, outlierText, summaryFunnelMeasures, type Funnel } from "../department-home/funnel-outliers.ts";
import { coverageSentence, leftOutItems } from "../totals/panel-coverage.ts";
import { lateOrOverdueSearch } from "../tracker/filters.ts";
import { trackerAddress } from "./tracker.tsx";

/** How many overdue actions the summary lists by name; the rest are a link away. */
const overdueShown = 5;

const bodies = (n: number) => `${n} ${n === 1 ? "body" : "bodies"}`;

/**
 * `/portal/{DEPT}/`: the latest quarter at a glance: who has sent their return, who is late, what
 * was returned; bodies outside the funnel limits; emerging themes; overdue actions. Every item
 * links to the page that explains it.
 */
export function DepartmentHomePage({ dept }: { dept: Organisation }) {
  const latest = useLatestQuarter(dept.code);
  const label = latest ? formatPeriodLabel(requirePeriod(latest)) : null;
  usePageTitle(label ? `Summary for ${label}` : "Summary of the latest quarter");
  if (!latest || !label) return <Loading />;
  const address = periodToAddress(latest);
  return (
    <>
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Summary for {label}</h1>
      <p className="govuk-body">The latest quarter your department has opened for returns. Each figure links to the page that explains it.</p>
      <Returns dept={dept} period={latest} label={label} />
      <YearEarlier dept={dept} period={latest} />
      <FunnelOutliers dept={dept} period={latest} />
      <EmergingThemes dept={dept} />
      <OverdueActions dept={dept} />
      <h2 className="govuk-heading-m">More about {label}</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" href={`/portal/${dept.code}/compare/${address}`}>
            Compare bodies for {label}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" href={`/portal/${dept.code}/summary/${address}`}>
            Department totals for {label}, beside a year earlier
          </Link>
        </li>
      </ul>
    </>
  );
}

function Returns({ dept, period, label }: { dept: Organisation; period: string; label: string }) {
  const tracker = useQuery(procedureQuery("tracker.forPeriod", { departmentCode: dept.code, period }));
  const card = { title: { text: `Returns for ${label}`, headingLevel: 2 }, actions: { items: [{ href: trackerAddress(dept.code, period), text: "Open the submission tracker" }] } };
  return (
    <QueryBoundary queries={[tracker]} what="The submission tracker">
      {({ rows, summary }) => {
        const sent = rows.filter((r) => r.status === "approved" || r.status === "accepted").length;
        const waiting = rows.filter((r) => r.status === "approved").length;
        const link = (text: string, search: string) => (
          <Link className="govuk-link" href={trackerAddress(dept.code, period, search)}>
            {text}
          </Link>
        );
        const rowsShown: SummaryListRow[] = [
          { key: { text: "Sent to the department" }, value: { children: link(`${sent} of ${bodies(summary.expected)}`, "?status=approved&status=accepted") } },
          { key: { text: "Waiting for the department's decision" }, value: { children: link(bodies(waiting), "?status=approved") } },
          { key: { text: "Late or overdue" }, value: { children: link(bodies(summary.late), lateOrOverdueSearch) } },
          { key: { text: "Returned to the body" }, value: { children: link(bodies(summary.returned), "?status=returned") } },
        ];
        return (
          <div data-card="returns">
            <SummaryList card={card} rows={rowsShown} />
          </div>
        );
      }}
    </QueryBoundary>
  );
}

/**
 * Complaints received by everyone who has sent so far (with its coverage, never a change), and the
 * change from a year earlier over the same bodies and quarters only (metrics.rollup's comparison);
 * when that covers half the bodies or fewer, coverage leads and no change is given.
 */
function YearEarlier({ dept, period }: { dept: Organisation; period: string }) {
  const rollup = useQuery(procedureQuery("metrics.rollup", { departmentCode: dept.code, period }));
  const href = `/portal/${dept.code}/summary/${periodToAddress(period)}`;
  return (
    <QueryBoundary queries={[rollup]} what="The department totals">
      {(r) => {
        const m = r.comparison;
        const received = (side: typeof m.current) => side.fields.find((f) => f.id === "received")?.value ?? null;
        const count = (n: number | null) => (n === null ? "not reported" : n.toLocaleString("en-GB"));
        const sentSoFar = received(r.current);
        const now = received(m.current);
        const then = received(m.previousYear);
        const change = m.changes.fields.find((c) => c.id === "received")!;
        const leftOut = leftOutItems(m.panel);
        const rows: SummaryListRow[] = [
          { key: { text: "Complaints received, sent so far" }, value: { text: `${count(sentSoFar)} (${r.current.bodies.counted} of ${bodies(r.current.bodies.expected)})` } },
          {
            key: { text: `Compared with ${r.yearEarlier.label}` },
            value: {
              children: (
                <>
                  <p className="govuk-body govuk-!-margin-bottom-1">{coverageSentence(m.panel, r.label, r.yearEarlier.label)}</p>
                  {!m.panel.lowCoverage && m.panel.covered.length > 0 ? (
                    <Link className="govuk-link" href={href}>
                      Complaints received {change.words}: {count(now)} against {count(then)}
                    </Link>
                  ) : null}
                </>
              ),
            },
          },
        ];
        if (leftOut.length > 0) {
          rows.push({
            key: { text: "Left out of the comparison" },
            value: {
              children: (
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {leftOut.map((b) => (
                    <li key={b.organisationCode + b.text}>{b.text}</li>
                  ))}
                </ul>
              ),
            },
          });
        }
        return (
          <div data-card="year-earlier">
            <SummaryList card={{ title: { text: `Compared with a year earlier`, headingLevel: 2 }, actions: { items: [{ href, text: "See the department totals" }] } }} rows={rows} />
          </div>
        );
      }}
    </QueryBoundary>
  );
}

function FunnelOutliers({ dept, period }: { dept: Organisation; period: string }) {
  const funnels = useQueries({
    queries: summaryFunnelMeasures.map((measure) => procedureQuery("metrics.funnel", { departmentCode: dept.code, period, measure, overdispersion: false })),
  });
  return (
    <>
      {funnels.map((f, i) => {
        const measure = summaryFunnelMeasures[i]!;
        return (
          <QueryBoundary
            key={measure}
            queries={[f]}
            loading={
              <div>
                <Loading />
              </div>
            }
            what="A funnel plot"
          >
            {(funnel) => <FunnelCard dept={dept} period={period} funnel={funnel} />}
          </QueryBoundary>
        );
      })}
    </>
  );
}

function FunnelCard({ dept, period, funnel }: { dept: Organisation; period: string; funnel: Funnel }) {
  const href = `/portal/${dept.code}/funnel/${periodToAddress(period)}/${funnel.measure.id}`;
  const outside = outliers(funnel);
  const rows: SummaryListRow[] =
    funnel.points.length === 0
      ? [{ key: { text: "Bodies outside the limits" }, value: { text: "No body has sent figures for this measure for the quarter yet" } }]
      : outside.length === 0
        ? [{ key: { text: "Bodies outside the limits" }, value: { text: `None: all ${bodies(funnel.points.length)} with figures are within the 95% limits` } }]
        : outside.map((p) => ({
            key: { text: p.name },
            value: {
              children: (
                <Link className="govuk-link" href={href}>
                  {outlierText(p, funnel.measure)}
                </Link>
              ),
            },
          }));
  return (
    <div data-card={`funnel-${funnel.measure.id}`}>
      <SummaryList
        card={{ title: { text: `${funnel.measure.label}: bodies outside the funnel limits`, headingLevel: 2 }, actions: { items: [{ href, text: "See the funnel plot", visuallyHiddenText: `of ${funnel.measure.label.toLowerCase()}` }] } }}
        rows={rows}
      />
    </div>
  );
}

function EmergingThemes({ dept }: { dept: Organisation }) {
  const themes = useQuery(procedureQuery("metrics.themes", { departmentCode: dept.code }));
  const href = `/portal/${dept.code}/themes`;
  return (
    <QueryBoundary queries={[themes]} what="Emerging themes">
      {({ emerging }) => {
        const rows: SummaryListRow[] =
          emerging.length === 0
            ? [{ key: { text: "Latest quarter" }, value: { text: "None: no theme is unusually high in the latest quarter, at the department or at any body" } }]
            : emerging.map((e) => ({
                key: { text: e.themeLabel },
                value: {
                  children: (
                    <Link className="govuk-link" href={href}>
                      {e.scope === "department" ? "Across the department" : e.name}: {emergingSentence(e)}
                    </Link>
                  ),
                },
              }));
        return (
          <div data-card="themes">
            <SummaryList
              card={{ title: { text: "Emerging themes", headingLevel: 2 }, actions: { items: [{ href, text: "See themes across bodies" }] } }}
              rows={rows}
            />
          </div>
        );
      }}
    </QueryBoundary>
  );
}

function OverdueActions({ dept }: { dept: Organisation }) {
  const actions = useQuery(procedureQuery("actions.listForDepartment", { departmentCode: dept.code, status: "overdue" }));
  const href = `/portal/${dept.code}/actions?status=overdue`;
  return (
    <QueryBoundary queries={[actions]} what="Overdue actions">
      {(list) => {
        const rows: SummaryListRow[] = [
          {
            key: { text: "Overdue actions" },
            value: {
              children: (
                <Link className="govuk-link" href={href}>
                  {list.length === 0 ? "None" : `${list.length} ${list.length === 1 ? "action is" : "actions are"} past their due date`}
                </Link>
              ),
            },
          },
          ...list.slice(0, overdueShown).map(
            (a): SummaryListRow => ({
              key: { text: a.organisationName },
              value: {
                children: (
                  <>
                    <Link className="govuk-link" href={href}>
                      {a.action.length > 120 ? `${a.action.slice(0, 117).trimEnd()}…` : a.action}
                    </Link>
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      Due {formatDate(a.dueDate)}. Owner: {a.owner}.
                    </span>
                  </>
                ),
              },
            }),
          ),
        ];
        return (
          <div data-card="actions">
            <SummaryList
              card={{ title: { text: "Overdue actions", headingLevel: 2 }, actions: { items: [{ href, text: "See every overdue action" }] } }}
              rows={rows}
            />
          </div>
        );
      }}
    </QueryBoundary>
  );
}
