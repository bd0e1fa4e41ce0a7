import { formatCount, formatMeasure, formatPence, parsePeriodCode, periodChoiceInput, periodChoiceLabel, periodChoiceToAddress, periodIndex, type PeriodChoice } from "@complaints/domain";
import { Details, InsetText, Table, WarningText, type TableCell } from "@complaints/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { procedureQuery, QueryBoundary, ShowProblem, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { periodLinks } from "../totals/period-links.ts";
import { coverageSentence, leftOutItems } from "../totals/panel-coverage.ts";
import { yearComparisonWords } from "../totals/year-comparison.ts";

type Rollup = QueryOutput<"metrics.rollup">;
type Figures = Rollup["current"];
type FieldInfo = Rollup["fields"][number];
type MeasureInfo = Rollup["measures"][number];

/** Bodies-by-type table: the measures a board asks about first (the rest are in the department table). */
const typeMeasures = ["within_timescale", "something_went_wrong", "er_average_working_days", "complaints_per_10000"];

/**
 * The Totals page, `/portal/{DEPT}/summary/{PERIOD}` (an address people bookmark): the department roll-up for a quarter (`2026-27-q2`) or a
 * financial year (`2025-26`): the totals of everyone who has sent so far, with their coverage and no
 * change; then the totals and measures beside the same period a year earlier over the same bodies
 * and quarters only (the API's matched panel), naming those left out; and the same by body type.
 * Every figure is the API's (metrics.rollup): counts summed, ratios recomputed from the sums.
 */
export function TotalsPage({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  const rollup = useQuery(procedureQuery("metrics.rollup", { departmentCode: dept.code, ...periodChoiceInput(choice) }));
  const latest = useLatestQuarter(dept.code);
  const label = periodChoiceLabel(choice);
  usePageTitle(`Department totals, ${label}`, rollup.isError);

  return (
    <>
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">Department totals</h1>
      <p className="govuk-body-l" id="rollup-period">
        {capitalise(label)}
      </p>
      <nav aria-label="Other periods" className="govuk-!-margin-bottom-6">
        <ul className="govuk-list">
          {periodLinks(choice, latest).map((l) => (
            <li key={l.segment}>
              <Link className="govuk-link" to={`/${dept.code}/summary/${l.segment}`}>
                {l.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {latest !== undefined && notYetOpen(choice, latest) ? (
        // A year or quarter after the latest one opened (a typed or old address): words, not tables of "Not reported".
        <InsetText>
          {choice.kind === "quarter" ? `${label} has not opened for returns yet` : `No quarter of ${label} has opened for returns yet`}, so there is nothing to add up. The latest quarter is{" "}
          <Link className="govuk-link" to={`/${dept.code}/summary/${periodChoiceToAddress({ kind: "quarter", period: latest })}`}>
            {periodChoiceLabel({ kind: "quarter", period: latest })}
          </Link>
          .
        </InsetText>
      ) : (
        <QueryBoundary queries={[rollup]} problem={(error) => <ShowProblem what="The department totals" error={error} />}>
          {(totals) => <TotalsTables rollup={totals} />}
        </QueryBoundary>
      )}
      <p className="govuk-body govuk-!-margin-top-6">
        <Link className="govuk-link" to={`/${dept.code}/compare/${periodChoiceToAddress(choice)}`}>
          Compare the department’s bodies for {label}
        </Link>
      </p>
    </>
  );
}

/** Whether the quarter, or the first quarter of the year, comes after the latest quarter opened. */
function notYetOpen(choice: PeriodChoice, latest: string): boolean {
  const first = parsePeriodCode(choice.kind === "quarter" ? choice.period : `${choice.financialYear} Q1`);
  const last = parsePeriodCode(latest);
  return first !== null && last !== null && periodIndex(first) > periodIndex(last);
}

function bodiesSentence(f: Figures): string {
  return `${formatCount(f.bodies.counted)} of ${formatCount(f.bodies.expected)} ${f.bodies.expected === 1 ? "body" : "bodies"}`;
}

function TotalsTables({ rollup }: { rollup: Rollup }) {
  const periods = { now: rollup.label, earlier: rollup.yearEarlier.label, year: rollup.financialYear !== null };
  return (
    <>
      <SentSoFar rollup={rollup} {...periods} />
      <h2 className="govuk-heading-m">Compared with {periods.earlier}</h2>
      <ComparisonCoverage panel={rollup.comparison.panel} {...periods} />
      <TotalsBesideYearEarlier rollup={rollup} {...periods} />
      {periods.year ? <p className="govuk-body-s app-secondary-text">Open at the start of the year comes from the Apr to Jun returns and open at the end from the Jan to Mar returns; every other figure adds up the year’s four quarters.</p> : null}
      <MeasuresBesideYearEarlier rollup={rollup} {...periods} />
      <HowTotalsAreWorkedOut />
      <h2 className="govuk-heading-m">By body type</h2>
      <BodyTypesTable rollup={rollup} {...periods} />
    </>
  );
}

/** The period shown, the same period a year earlier, and whether they are financial years. */
interface Periods {
  now: string;
  earlier: string;
  year: boolean;
}

/** The totals of every return that counts so far, with how many bodies they cover and no change. */
function SentSoFar({ rollup, now, year }: { rollup: Rollup } & Periods) {
  const matched = rollup.comparison;
  return (
    <>
      <h2 className="govuk-heading-m">Sent so far</h2>
      <p className="govuk-body" id="rollup-bodies">
        {bodiesSentence(rollup.current)} expected to report {rollup.current.bodies.counted === 1 ? "has" : "have"} sent returns that count for {now} ({formatCount(rollup.current.returns)} {rollup.current.returns === 1 ? "return" : "returns"}).
        {rollup.current.provisional || matched.previousYear.provisional ? " Some returns are not yet accepted by the department: their figures are provisional and may change." : ""}
      </p>
      <Table
        caption={`Totals of the returns sent so far, ${now} (${bodiesSentence(rollup.current)})`}
        captionClasses="govuk-table__caption--s"
        classes="app-stacked-table"
        attributes={{ id: "rollup-sent" }}
        firstCellIsHeader
        head={[{ text: "Figure" }, { text: now, format: "numeric" }]}
        rows={rollup.fields.map((info) => [
          { text: fieldLabel(info, year), attributes: { "data-field": info.id } },
          { text: fieldValue(info, rollup.current.fields.find((f) => f.id === info.id)!.value), format: "numeric", attributes: { "data-label": now } },
        ])}
      />
    </>
  );
}

/** How many bodies the year-on-year comparison covers (a warning when few), and those left out of it. */
function ComparisonCoverage({ panel, now, earlier }: { panel: Rollup["comparison"]["panel"] } & Periods) {
  const leftOut = leftOutItems(panel);
  return (
    <>
      {panel.lowCoverage ? (
        <WarningText iconFallbackText="Warning" attributes={{ id: "rollup-coverage" }}>
          {coverageSentence(panel, now, earlier)}
        </WarningText>
      ) : (
        <p className="govuk-body" id="rollup-coverage">
          {coverageSentence(panel, now, earlier)}
        </p>
      )}
      {leftOut.length > 0 ? (
        <>
          <p className="govuk-body" id="rollup-left-out-heading">
            Left out of the comparison:
          </p>
          <ul className="govuk-list govuk-list--bullet" id="rollup-left-out" aria-labelledby="rollup-left-out-heading">
            {leftOut.map((b) => (
              <li key={b.organisationCode + b.text}>{b.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The one of a list of figures with this id (the API gives every field and measure in each list). */
function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  return list.find((x) => x.id === id)!;
}

/** Each field's total now and a year earlier over the same bodies and quarters, with the change. */
function TotalsBesideYearEarlier({ rollup, now, earlier, year }: { rollup: Rollup } & Periods) {
  const { current, previousYear, changes } = rollup.comparison;
  return (
    <BesideYearEarlierTable
      id="rollup-totals"
      caption={`Department totals, ${now}, beside ${earlier}: the same bodies and quarters`}
      head={[{ text: "Figure" }, { text: now, format: "numeric" }, { text: earlier, format: "numeric" }, { text: "Change" }]}
      rows={rollup.fields.map((info) => [
        { text: fieldLabel(info, year), attributes: { "data-field": info.id } },
        { text: fieldValue(info, byId(current.fields, info.id).value), format: "numeric", attributes: { "data-label": now } },
        { text: fieldValue(info, byId(previousYear.fields, info.id).value), format: "numeric", attributes: { "data-label": earlier } },
        { text: capitalise(byId(changes.fields, info.id).words), attributes: { "data-label": "Change" } },
      ])}
    />
  );
}

/** Each measure now and a year earlier with its interval, the change, and whether the intervals say it differs. */
function MeasuresBesideYearEarlier({ rollup, now, earlier }: { rollup: Rollup } & Periods) {
  const { current, previousYear, changes } = rollup.comparison;
  return (
    <BesideYearEarlierTable
      id="rollup-measures"
      caption={`Department measures, ${now}, beside ${earlier}: the same bodies and quarters`}
      head={[{ text: "Measure" }, { text: `${now} (95% interval)` }, { text: `${earlier} (95% interval)` }, { text: "Change" }, { text: "Compared with a year earlier" }]}
      rows={rollup.measures.map((info) => {
        const change = byId(changes.measures, info.id);
        return [
          { text: info.label, attributes: { "data-measure": info.id } },
          { text: measureWithInterval(info, byId(current.measures, info.id)), attributes: { "data-label": now } },
          { text: measureWithInterval(info, byId(previousYear.measures, info.id)), attributes: { "data-label": earlier } },
          { text: capitalise(change.words), attributes: { "data-label": "Change" } },
          { text: yearComparisonWords(change.intervals, info.polarity), attributes: { "data-label": "Compared with a year earlier" } },
        ];
      })}
    />
  );
}

/** The department's tables beside a year earlier: a medium caption, and each row a block of labelled lines on a narrow screen. */
function BesideYearEarlierTable({ id, caption, head, rows }: { id: string; caption: string; head: TableCell[]; rows: TableCell[][] }) {
  return <Table caption={caption} captionClasses="govuk-table__caption--m" classes="app-stacked-table" attributes={{ id }} firstCellIsHeader head={head} rows={rows} />;
}

function HowTotalsAreWorkedOut() {
  return (
    <Details summaryText="How the figures and comparisons are worked out">
      <p className="govuk-body">
        Counts are added up over the returns that count: those the body’s senior accountable officer has approved or the department has accepted, each at its last revision sent. Every measure is then worked out again from those totals: percentages are never averaged across bodies or quarters.
      </p>
      <p className="govuk-body">
        A comparison with a year earlier adds up only the quarters each body sent in both years, so a body late with its return, one that has just joined or one that has closed does not move the figures: a body missing one quarter is left out for that quarter only. The totals of everyone who has sent so far are shown with how many bodies they cover, and never with a change.
      </p>
      <p className="govuk-body">
        Changes in percentages are given in percentage points; other changes as a percentage of the figure a year earlier. “Compared with a year earlier” sets the two 95% confidence intervals side by side: “similar” when they overlap, “higher” or “lower” when they do not. Intervals that do not overlap show a real difference; overlapping intervals do not prove there is none, so “similar” means no clear change. Averages have no interval, so they are not compared.
      </p>
    </Details>
  );
}

/** The main counts and the measures a board asks about first, by body type, with a year earlier in brackets. */
function BodyTypesTable({ rollup, now, earlier }: { rollup: Rollup } & Periods) {
  return (
    <Table
      caption={`Body types, ${now}, with ${earlier} in brackets: the same bodies and quarters`}
      captionClasses="govuk-table__caption--s"
      classes="app-stacked-table"
      attributes={{ id: "rollup-body-types" }}
      firstCellIsHeader
      head={[
        { text: "Body type" },
        { text: "Bodies compared" },
        { text: "Complaints received", format: "numeric" },
        ...typeMeasures.map((id): TableCell => ({ text: rollup.measures.find((m) => m.id === id)?.label ?? id })),
      ]}
      rows={rollup.byBodyType.map((g) => [
        { text: capitalise(g.bodyType) },
        { text: `${formatCount(g.comparison.panel.covered.length)} of ${formatCount(g.comparison.panel.expected)}`, attributes: { "data-label": "Bodies compared" } },
        { text: `${fieldText(g.comparison.current, "received")} (${fieldText(g.comparison.previousYear, "received")})`, format: "numeric", attributes: { "data-label": "Complaints received" } },
        ...typeMeasures.map((id): TableCell => {
          const info = rollup.measures.find((m) => m.id === id)!;
          return { text: `${measureText(info, g.comparison.current, id)} (${measureText(info, g.comparison.previousYear, id)})`, attributes: { "data-label": info.label } };
        }),
      ])}
    />
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fieldLabel(info: FieldInfo, year: boolean): string {
  if (year && info.aggregation === "opening") return "Open at the start of the year";
  if (year && info.aggregation === "closing") return "Open at the end of the year";
  return info.label;
}

function fieldValue(info: FieldInfo, value: number | null): string {
  if (value === null) return "Not reported";
  return info.type === "money" ? formatPence(value) : formatCount(value);
}

function fieldText(f: Figures, id: string): string {
  const cell = f.fields.find((x) => x.id === id);
  return cell?.value === null || cell === undefined ? "not reported" : formatCount(cell.value);
}

function measureText(info: MeasureInfo, f: Figures, id: string): string {
  const cell = f.measures.find((m) => m.id === id);
  return cell?.value === null || cell === undefined ? "Not available" : formatMeasure(info, cell.value, { unit: true });
}

function measureWithInterval(info: MeasureInfo, cell: Figures["measures"][number]): string {
  if (cell.value === null) return "Not available";
  const value = formatMeasure(info, cell.value, { unit: true });
  if (!cell.interval95) return value;
  return `${value} (${formatMeasure(info, cell.interval95.lower)} to ${formatMeasure(info, cell.interval95.upper, { unit: true })})`;
}
