import type { ReactNode, RefObject } from "react";
import { Details } from "../details/details.tsx";

export interface ChartFigureProps {
  /** The visible title, in the figcaption. */
  title: ReactNode;
  /** Wrap the title in a heading of this level (h2–h4) inside the figcaption; default none (a styled figcaption). */
  headingLevel?: 2 | 3 | 4 | undefined;
  /** The plain-English summary of what the chart shows. */
  summary: string;
  /** The chart: the SVG, inside the measured box. */
  children: ReactNode;
  /** The data table alternative. */
  table: ReactNode;
  /** Show the table openly instead of inside "Show the data as a table". */
  tableVisible?: boolean | undefined;
  /** Measured box around the SVG (from useWidth). */
  boxRef?: RefObject<HTMLDivElement | null> | undefined;
  /** Let a wide chart scroll sideways in a focusable region (the heat map) instead of shrinking. */
  scrollable?: { label: string } | undefined;
  /** Extra content after the summary (e.g. MDC icons). */
  after?: ReactNode;
  classes?: string | undefined;
}

/** A chart as a GOV.UK-styled figure: title, summary in words, the picture, and the data as a table. */
export function ChartFigure(props: ChartFigureProps) {
  const Heading = props.headingLevel ? (`h${props.headingLevel}` as const) : null;
  return (
    <figure className={`app-chart govuk-!-margin-0 govuk-!-margin-bottom-6${props.classes ? ` ${props.classes}` : ""}`}>
      <figcaption className={Heading ? undefined : "govuk-heading-s govuk-!-margin-bottom-2"}>{Heading ? <Heading className="govuk-heading-s govuk-!-margin-bottom-2">{props.title}</Heading> : props.title}</figcaption>
      <p className="govuk-body app-chart__summary">{props.summary}</p>
      {props.after}
      {props.scrollable ? (
        <div ref={props.boxRef} className="app-chart__box app-chart__box--scroll" role="region" aria-label={props.scrollable.label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
          {props.children}
        </div>
      ) : (
        <div ref={props.boxRef} className="app-chart__box" style={{ width: "100%" }}>
          {props.children}
        </div>
      )}
      {props.tableVisible ? (
        props.table
      ) : (
        // A page of charts has many of these: a screen reader's list of controls tells them apart by the chart's title.
        <Details
          summaryChildren={
            <>
              Show the data as a table<span className="govuk-visually-hidden">: {props.title}</span>
            </>
          }
          classes="govuk-!-margin-top-3 govuk-!-margin-bottom-0"
        >
          {props.table}
        </Details>
      )}
    </figure>
  );
}
