import { Table } from "@complaints/ui";
import { formatMeasure } from "../themes/format.ts";

type Profile = Awaited<ReturnType<typeof import("../app/trpc.ts").api.metrics.profile.query>>;
export type MeasureSeries = Profile["measures"][number];

const variationText: Record<string, string> = {
  "common-cause": "Common cause variation: no significant change",
  improvement: "Special cause variation: improving",
  concern: "Special cause variation: concerning",
  neither: "Special cause variation: neither improving nor concerning",
};

const ruleText: Record<string, string> = {
  "outside-limits": "outside the process limits",
  trend: "in a trend of points rising or falling",
  "two-of-three": "two of three points close to a process limit",
  run: "in a run of points on one side of the mean",
};

/** One measure over time: its latest variation in words, and its values by quarter as a table. */
export function MeasureTrend({ series }: { series: MeasureSeries }) {
  const { measure, points, chart } = series;
  const id = `measure-${measure.id}`;
  const withValues = points.filter((p) => p.value !== null);
  return (
    <section className="app-measure" aria-labelledby={id}>
      <h3 className="govuk-heading-s" id={id}>
        {measure.label}
      </h3>
      {withValues.length === 0 || !chart ? (
        <p className="govuk-body">No figures for this measure in these quarters.</p>
      ) : (
        <>
          <p className="govuk-body">
            {variationText[chart.variation] ?? chart.variation}. {chart.assurance ? "" : "No target is set for this measure, so there is no assurance icon."}
          </p>
          <Table
            caption={`${measure.label}: values by quarter`}
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: "Quarter" }, { text: "Value", format: "numeric" }, { text: "Variation" }]}
            rows={points.map((p) => [
              { text: p.periodLabel },
              { text: formatMeasure(p.value, measure.kind), format: "numeric" },
              { text: p.value === null ? "no value" : p.specialCause ? `${p.variation === "improvement" ? "improving" : p.variation === "concern" ? "concerning" : "special cause"}: ${ruleText[p.specialCause]}` : "common cause" },
            ])}
          />
        </>
      )}
    </section>
  );
}
