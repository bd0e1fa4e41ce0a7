import type { ReactNode } from "react";
import { formatCount, funnelChartModel, funnelStatus, funnelStatusWords, type FunnelChartData, type FunnelChartPoint } from "@complaints/charts";
import { ChartFigure } from "../chart-figure/chart-figure.tsx";
import { SvgNodeView } from "../chart-figure/svg-node-view.tsx";
import { useWidth } from "../chart-figure/use-width.ts";
import { Table } from "../table/table.tsx";
import { useChartIdPrefix } from "../xmr-chart/xmr-chart.tsx";

/**
 * Props of `FunnelChart`: the `metrics.funnel` answer fits directly, with the measure's formatter:
 * `<FunnelChart title={f.measure.label} pooledProportion={f.pooledProportion} points={f.points} curve={f.curve} overdispersion={f.overdispersion} format={measureValueFormat(f.measure)} formatRatio={formatOneDecimal} />`.
 */
export interface FunnelChartProps extends FunnelChartData {
  headingLevel?: 2 | 3 | 4 | undefined;
  width?: number | undefined;
  idPrefix?: string | undefined;
  /** Size axis: linear (default) or logarithmic. */
  xScale?: "linear" | "log" | undefined;
  /** A body's name in the table, e.g. a link to its profile; default its name as text. */
  renderName?: ((point: FunnelChartPoint) => ReactNode) | undefined;
  tableVisible?: boolean | undefined;
}

/**
 * A funnel plot: each body's proportion against its size, with the department average and the 95%
 * (dashed) and 99.8% (dotted) limits drawn as curves; bodies outside are triangles pointing the way
 * they lie (open beyond 95%, filled beyond 99.8%). Summary in words and the data as a table.
 */
export function FunnelChart(props: FunnelChartProps) {
  const idPrefix = useChartIdPrefix(props.idPrefix);
  const [ref, width] = useWidth<HTMLDivElement>(640, props.width);
  const model = funnelChartModel(props, { width, idPrefix, xScale: props.xScale });
  const order = (p: FunnelChartPoint) => ["above-998", "above-95", "below-998", "below-95", "within"].indexOf(funnelStatus(p));
  const table = (
    <Table
      caption={`${props.title}: each body`}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={[{ text: "Body" }, { text: "Proportion", format: "numeric" }, { text: "Number", format: "numeric" }, { text: "Out of", format: "numeric" }, { text: "Against the limits" }]}
      rows={props.points
        .toSorted((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
        .map((p) => [
          props.renderName ? { children: props.renderName(p) } : { text: p.name },
          { text: props.format(p.proportion), format: "numeric" },
          { text: formatCount(p.numerator), format: "numeric" },
          { text: formatCount(p.denominator), format: "numeric" },
          { text: funnelStatusWords(funnelStatus(p)) },
        ])}
    />
  );
  return (
    <ChartFigure title={props.title} headingLevel={props.headingLevel} summary={model.summary} boxRef={ref} table={table} tableVisible={props.tableVisible} classes="app-chart--funnel">
      <SvgNodeView node={model.tree} />
    </ChartFigure>
  );
}
