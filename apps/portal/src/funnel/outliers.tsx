import { Link } from "@complaints/ui";
import { formatCount, funnelStatus, type FunnelChartPoint, type FunnelStatus } from "@complaints/charts";
import { formatMeasure, type MeasureFormat } from "@complaints/domain";

const groups: { status: FunnelStatus; heading: string }[] = [
  { status: "above-998", heading: "Above the 99.8% limit" },
  { status: "above-95", heading: "Above the 95% limit" },
  { status: "below-95", heading: "Below the 95% limit" },
  { status: "below-998", heading: "Below the 99.8% limit" },
];

/**
 * The bodies outside the funnel's limits, in words beside the chart: grouped by side and limit,
 * furthest first, each with its proportion and size, linking to the body's profile.
 */
export function OutsideTheLimits({ dept, points, unit, measure }: { dept: string; points: readonly FunnelChartPoint[]; unit: string; measure: MeasureFormat }) {
  const outside = points.filter((p) => funnelStatus(p) !== "within");
  return (
    <section aria-labelledby="outside-heading" className="app-funnel-outliers">
      <h2 className="govuk-heading-m" id="outside-heading">
        Bodies outside the limits
      </h2>
      {outside.length === 0 ? (
        <p className="govuk-body">No body is outside the 95% limits: every difference from the department average could be chance.</p>
      ) : (
        <p className="govuk-body">
          {formatCount(outside.length)} of {formatCount(points.length)} {points.length === 1 ? "body is" : "bodies are"} outside the 95% limits. Outside the 99.8% limits is strong evidence of a real difference; outside only the 95% limits is a reason to look closer.
        </p>
      )}
      {groups.map((g) => {
        const list = points.filter((p) => funnelStatus(p) === g.status).toSorted((a, b) => (g.status.startsWith("above") ? b.proportion - a.proportion : a.proportion - b.proportion));
        if (list.length === 0) return null;
        return (
          <div key={g.status}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
              {g.heading} ({formatCount(list.length)})
            </h3>
            <ul className="govuk-list govuk-list--bullet" data-status={g.status}>
              {list.map((p) => (
                <li key={p.organisationCode}>
                  <Link className="govuk-link" href={`/portal/${dept}/bodies/${p.organisationCode}`}>
                    {p.name}
                  </Link>
                  : {formatMeasure(measure, p.proportion)} ({formatCount(p.numerator)} of {formatCount(p.denominator)} {unit}), {g.heading.toLowerCase()}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
