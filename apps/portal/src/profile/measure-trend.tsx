import { XmrChart } from "@complaints/ui";
import { type QueryOutput } from "@complaints/client";
import { measureValueFormat } from "@complaints/domain";

type Profile = QueryOutput<"metrics.profile">;
export type MeasureSeries = Profile["measures"][number];

/**
 * One measure over time as an XmR chart (its title a level 3 heading), with the Making Data Count
 * variation icon and its words; the assurance icon needs a target, and when there is none that is
 * said in words rather than left out silently.
 */
export function MeasureTrend({ series }: { series: MeasureSeries }) {
  const { measure, points, chart } = series;
  const id = `measure-${measure.id}`;
  if (!chart || !points.some((p) => p.value !== null)) {
    return (
      <section className="app-measure" aria-labelledby={id}>
        <h3 className="govuk-heading-s" id={id}>
          {measure.label}
        </h3>
        <p className="govuk-body">No figures for this measure in these quarters.</p>
      </section>
    );
  }
  return (
    <section className="app-measure">
      <XmrChart title={measure.label} kind={measure.kind} format={measureValueFormat(measure)} points={points} chart={chart} headingLevel={3} idPrefix={id} />
      {chart.assurance ? null : <p className="govuk-body-s app-measure__assurance">Assurance: no target is set for this measure, so there is no assurance icon.</p>}
    </section>
  );
}
