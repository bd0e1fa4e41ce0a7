import { useId } from "react";
import { variationSide, xmrChartModel, xmrLimitsText, xmrPointWords, type XmrChartData } from "@complaints/charts";
import { ChartFigure } from "../chart-figure/chart-figure.tsx";
import { SvgNodeView } from "../chart-figure/svg-node-view.tsx";
import { useWidth } from "../chart-figure/use-width.ts";
import { AssuranceIcon, VariationIcon } from "../mdc-icon/mdc-icon.tsx";
import { Table } from "../table/table.tsx";

/**
 * Props of `XmrChart`: the `metrics.trend` answer fits directly, with the measure's formatter:
 * `<XmrChart title={t.measure.label} kind={t.measure.kind} format={measureValueFormat(t.measure)} points={t.points} chart={t.chart} />`.
 */
export interface XmrChartProps extends XmrChartData {
  /** Heading level for the title inside the figcaption (default: none, a styled figcaption). */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** Fixed drawing width; by default the chart measures its box and redraws as it changes. */
  width?: number | undefined;
  /** Ids inside the SVG start with this (default: from React's useId). */
  idPrefix?: string | undefined;
  /** Show the Making Data Count variation and assurance icons with their words above the chart (default true). */
  showIcons?: boolean | undefined;
  /** Show the data table openly rather than in a Details (default false). */
  tableVisible?: boolean | undefined;
}

/** A safe id prefix from React's useId (which may contain characters like « »). */
export function useChartIdPrefix(given?: string): string {
  const id = useId();
  return given ?? `chart-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/**
 * An XmR (statistical process control) chart in the Making Data Count style: the series by quarter,
 * mean, process limits, special-cause points marked by shape (and named in the legend and table),
 * "trial limits" said in words under 12 points; with a summary in words and the data as a table.
 */
export function XmrChart(props: XmrChartProps) {
  const idPrefix = useChartIdPrefix(props.idPrefix);
  const [ref, width] = useWidth<HTMLDivElement>(640, props.width);
  const model = xmrChartModel(props, { width, idPrefix });
  const c = props.chart;
  const text = (v: number | null) => (v === null || !Number.isFinite(v) ? "no data" : props.format(v));
  const latest = props.points.findLast((p) => p.value !== null);
  const icons =
    props.showIcons !== false && c && (c.variation || c.assurance) ? (
      <div className="app-chart__icons govuk-!-margin-bottom-2">
        {c.variation ? <VariationIcon variation={c.variation} side={variationSide(c.variation, c.improvement, latest?.value, c.mean)} /> : null}
        {c.assurance ? <AssuranceIcon assurance={c.assurance} /> : null}
      </div>
    ) : null;
  const table = (
    <Table
      caption={`${props.title}: values by quarter`}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={[{ text: "Quarter" }, { text: "Value", format: "numeric" }, { text: "Variation" }]}
      rows={[
        ...props.points.map((p) => [{ text: p.periodLabel }, { text: text(p.value), format: "numeric" }, { text: xmrPointWords(p, c?.mean ?? null) }]),
        c ? [{ text: "Mean" }, { text: text(c.mean), format: "numeric" }, { text: "" }] : null,
        c ? [{ text: c.trial ? "Process limits (trial)" : "Process limits" }, { text: xmrLimitsText(c, props), format: "numeric" }, { text: "" }] : null,
      ]}
    />
  );
  return (
    <ChartFigure title={props.title} headingLevel={props.headingLevel} summary={model.summary} boxRef={ref} table={table} tableVisible={props.tableVisible} after={icons} classes="app-chart--xmr">
      <SvgNodeView node={model.tree} />
    </ChartFigure>
  );
}
