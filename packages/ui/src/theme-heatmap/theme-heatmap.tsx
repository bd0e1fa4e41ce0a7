import type { ReactNode } from "react";
import { heatmapModel, heatmapValueText, type HeatmapData, type HeatmapRow } from "@complaints/charts";
import { ChartFigure } from "../chart-figure/chart-figure.tsx";
import { SvgNodeView } from "../chart-figure/svg-node-view.tsx";
import { useWidth } from "../chart-figure/use-width.ts";
import { Table } from "../table/table.tsx";
import { useChartIdPrefix } from "../xmr-chart/xmr-chart.tsx";

/**
 * Props of `ThemeHeatmap`: rows (bodies) × columns (themes), or rows (themes) × columns (quarters) with
 * `orientation: "themes-by-quarters"`, each cell a rate per 100
 * complaints received (null for none), `emerging: true` to mark an emerging theme.
 */
export interface ThemeHeatmapProps extends HeatmapData {
  headingLevel?: 2 | 3 | 4 | undefined;
  width?: number | undefined;
  idPrefix?: string | undefined;
  /** A row's name in the table, e.g. a link to the body's profile; default its label. */
  renderRowLabel?: ((row: HeatmapRow) => ReactNode) | undefined;
  tableVisible?: boolean | undefined;
  /** Heading of the table's first column (the rows' names); default "Body", or "Theme" when the rows are themes (`orientation: "themes-by-quarters"`). */
  rowHeading?: string | undefined;
}

/**
 * A heat map of themes: each cell shaded by its rate with the number printed in it, emerging cells
 * outlined and marked with a triangle; scrolls sideways on a narrow screen rather than shrinking its
 * text. Summary in words and the data as a table.
 */
export function ThemeHeatmap(props: ThemeHeatmapProps) {
  const idPrefix = useChartIdPrefix(props.idPrefix);
  const [ref, width] = useWidth<HTMLDivElement>(640, props.width);
  const model = heatmapModel(props, { width, idPrefix });
  const table = (
    <Table
      caption={`${props.title}: ${props.valueLabel ?? "per 100 complaints received"}`}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={[{ text: props.rowHeading ?? (props.orientation === "themes-by-quarters" ? "Theme" : "Body") }, ...props.columns.map((c) => ({ text: c.label, format: "numeric" }))]}
      rows={props.rows.map((r) => [
        props.renderRowLabel ? { children: props.renderRowLabel(r) } : { text: r.label },
        ...props.columns.map((_, i) => {
          const cell = r.cells[i];
          const text = heatmapValueText(props, cell?.value ?? null);
          return { text: cell?.emerging ? `${text} (emerging)` : text, format: "numeric" };
        }),
      ])}
    />
  );
  return (
    <ChartFigure title={props.title} headingLevel={props.headingLevel} summary={model.summary} boxRef={ref} table={table} tableVisible={props.tableVisible} scrollable={{ label: `${props.title} (scrolls sideways)` }} classes="app-chart--heatmap">
      <div style={{ width: `${model.width}px` }}>
        <SvgNodeView node={model.tree} />
      </div>
    </ChartFigure>
  );
}
