import "../themes/themes.css";
import { formatOneDecimal, listInWords, plural } from "@complaints/domain";
import { Details, ErrorSummary, Radios, Table, ThemeHeatmap } from "@complaints/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { errorCode, errorMessage, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, usePageTitle } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { QuarterRangeForm, useQuarterRange } from "../quarter-range/quarter-range.tsx";
import { EmergingList } from "../themes/emerging-list.tsx";
import { formatCount, formatRate } from "../themes/format.ts";
import { themeQuarterCells, themesByQuarterRows } from "../themes/themes-by-quarter.tsx";

type ThemesAnswer = QueryOutput<"metrics.themes">;
type Series = ThemesAnswer["department"]["series"][number];

/** What the heat map shows: the latest quarter of the range (default) or the whole range (`?show=range`). */
type Show = "latest" | "range";

/** A series' figure for the heat map: the latest quarter's rate, or the range's total. */
function figure(s: Series | undefined, show: Show) {
  if (!s) return { rate: null, count: null, received: null };
  if (show === "range") return { rate: s.total.rate, count: s.total.count, received: s.total.received };
  return { rate: s.rates.at(-1) ?? null, count: s.counts.at(-1) ?? null, received: s.received.at(-1) ?? null };
}

/**
 * `/portal/{DEPT}/themes`: what complaints were about across the department's bodies, as rates
 * per 100 complaints received over a range of quarters (`?from=…&to=…`), emerging themes listed in
 * words, a bodies × themes table for the latest quarter or the whole range (`?show=range`), and
 * the department's own series over its fixed panel of bodies.
 */
export function ThemesPage({ dept }: { dept: Organisation }) {
  const range = useQuarterRange();
  const [params] = useSearchParams();
  const show: Show = params.get("show") === "range" ? "range" : "latest";
  const latest = useLatestQuarter(dept.code);
  const themes = useQuery(procedureQuery("metrics.themes", { departmentCode: dept.code, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }));
  const refused = themes.isError && errorCode(themes.error) === "BAD_REQUEST";
  const problems = [...range.problems.map((p) => ({ text: p.message, href: `#range-${p.field}` })), ...(refused ? [{ text: errorMessage(themes.error), href: "#range-from" }] : [])];
  usePageTitle("Complaint themes", problems.length > 0);

  const data = themes.data;
  const profileHref = (code: string) => `/${dept.code}/bodies/${code}`;

  return (
    <>
      {problems.length > 0 ? <ErrorSummary key={problems.map((p) => p.text).join()} titleText="There is a problem" errorList={problems} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Complaint themes</h1>
      <p className="govuk-body-l">What complaints were about, per 100 complaints received, so that large and small bodies compare. One complaint can be about several themes.</p>

      <QuarterRangeForm from={data?.from ?? range.from ?? null} to={data?.to ?? range.to ?? null} latest={latest}>
        <Radios
          key={show}
          name="show"
          classes="govuk-radios--small"
          fieldset={{ legend: { text: "The heat map of bodies shows", classes: "govuk-fieldset__legend--s" } }}
          items={[
            { value: "latest", text: "The last quarter of the range" },
            { value: "range", text: "The whole range added together" },
          ]}
          value={show}
        />
      </QuarterRangeForm>

      {/* A refused range is said in the error summary above. */}
      <QueryBoundary queries={[themes]} problem={(error) => (refused ? null : <p className="govuk-body">The themes could not be shown: {errorMessage(error)}</p>)}>
        {(found) =>
          found.periods.length === 0 ? <p className="govuk-body">No body in {dept.name} has sent a return yet, so there are no themes to show.</p> : <ThemesContent data={found} show={show} profileHref={profileHref} />
        }
      </QueryBoundary>
    </>
  );
}

/** A row of the bodies' heat map and table: the department pooled (no code), then each body. */
interface ThemesRow {
  code: string | null;
  name: string;
  series: Map<string, Series>;
}

function ThemesContent({ data, show, profileHref }: { data: ThemesAnswer; show: Show; profileHref: (code: string) => string }) {
  const first = data.periods[0]!;
  const last = data.periods.at(-1)!;
  const rangeLabel = data.periods.length === 1 ? first.periodLabel : `${first.periodLabel} to ${last.periodLabel}`;
  const shownLabel = show === "range" ? rangeLabel : last.periodLabel;
  const departmentLabel = `${data.departmentName}, pooled over ${plural(data.panel.bodies.length, "body", "bodies")}`;
  const bySeries = (series: readonly Series[]) => new Map(series.map((s) => [s.theme, s]));
  const rows: ThemesRow[] = [
    { code: null, name: `${data.departmentName}, pooled`, series: bySeries(data.department.series) },
    ...data.bodies.map((b) => ({ code: b.organisationCode, name: b.name, series: bySeries(b.series) })),
  ];

  return (
    <>
      <h2 className="govuk-heading-m" id="emerging">
        Emerging themes in {last.periodLabel}
      </h2>
      <p className="govuk-body">
        A theme is emerging when its rate in the last quarter is unusually high for that body, or for the department, compared with its own earlier quarters: a special cause on a
        statistical process control chart (NHS England’s Making Data Count rules), worked out from rates per 100 complaints received, not from counts.
      </p>
      {data.emerging.length === 0 ? (
        <p className="govuk-body">No theme is emerging in {last.periodLabel}.</p>
      ) : (
        <EmergingList items={data.emerging} profileHref={profileHref} departmentLabel={departmentLabel} />
      )}

      <h2 className="govuk-heading-m" id="bodies">
        Themes by body, {shownLabel}
      </h2>
      <p className="govuk-body">
        Complaints about each theme per 100 complaints received{show === "range" ? `, adding together the quarters from ${rangeLabel} that each body reported` : ""}. A dash means the body sent no figure.
        Themes marked emerging are emerging in {last.periodLabel}.
      </p>
      <BodiesHeatmap data={data} rows={rows} show={show} shownLabel={shownLabel} profileHref={profileHref} />
      <BodiesTable data={data} rows={rows} show={show} shownLabel={shownLabel} profileHref={profileHref} />

      <h2 className="govuk-heading-m" id="department">
        {data.departmentName} over time
      </h2>
      <PanelWords data={data} profileHref={profileHref} />
      {data.panel.bodies.length > 0 ? <DepartmentOverTime data={data} /> : null}
    </>
  );
}

interface BodiesProps {
  data: ThemesAnswer;
  rows: ThemesRow[];
  show: Show;
  shownLabel: string;
  profileHref: (code: string) => string;
}

/** Bodies by themes as a heat map of rates, each body's name a link to its profile. */
function BodiesHeatmap({ data, rows, show, shownLabel, profileHref }: BodiesProps) {
  return (
    <ThemeHeatmap
      format={formatOneDecimal}
      title={`Complaints per 100 received, by body and theme, ${shownLabel}`}
      headingLevel={3}
      idPrefix="themes-heatmap"
      columns={data.themes}
      rows={rows.map((r) => ({
        id: r.code ?? data.departmentCode,
        label: r.name,
        cells: data.themes.map((t) => {
          const s = r.series.get(t.id);
          const f = figure(s, show);
          return {
            value: f.rate,
            emerging: show === "latest" && Boolean(s?.emerging),
            ...(f.count !== null && f.received !== null ? { detail: `${formatCount(f.count)} of ${formatCount(f.received)} complaints` } : {}),
          };
        }),
      }))}
      renderRowLabel={(row) =>
        row.id === data.departmentCode ? (
          row.label
        ) : (
          <Link className="govuk-link" to={profileHref(row.id)}>
            {row.label}
          </Link>
        )
      }
    />
  );
}

/** The numbers behind the bodies' heat map, as a table behind a Details. */
function BodiesTable({ data, rows, show, shownLabel, profileHref }: BodiesProps) {
  return (
    <Details summaryText="Show the numbers of complaints behind the rates">
      <div className="app-table-scroll" role="region" aria-label={`Complaints by body and theme, ${shownLabel} (scrolls sideways)`} tabIndex={0}>
        <Table
          caption={`Complaints by body and theme, ${shownLabel}: per 100 received, with the number of complaints and complaints received`}
          captionClasses="govuk-table__caption--s"
          classes="app-themes-table"
          firstCellIsHeader
          head={[{ text: "Body" }, ...data.themes.map((t) => ({ text: t.label, format: "numeric" }))]}
          rows={rows.map((r) => [
            r.code
              ? {
                  children: (
                    <Link className="govuk-link" to={profileHref(r.code)}>
                      {r.name}
                    </Link>
                  ),
                }
              : { text: r.name },
            ...data.themes.map((t) => {
              const s = r.series.get(t.id);
              const f = figure(s, show);
              const emerging = show === "latest" && s?.emerging;
              return {
                format: "numeric",
                children: (
                  <>
                    {formatRate(f.rate)}
                    {emerging ? <span className="app-emerging-mark"> ▲ emerging</span> : null}
                    {f.count !== null && f.received !== null ? <span className="app-count-detail">{`${formatCount(f.count)} of ${formatCount(f.received)}`}</span> : null}
                  </>
                ),
              };
            }),
          ])}
        />
      </div>
    </Details>
  );
}

/** The department's themes quarter by quarter, pooled over its panel, as a heat map and the table behind it. */
function DepartmentOverTime({ data }: { data: ThemesAnswer }) {
  return (
    <>
      <ThemeHeatmap
        format={formatOneDecimal}
        title={`${data.departmentName}: complaints per 100 received by theme and quarter, pooled over the panel`}
        headingLevel={3}
        idPrefix="department-heatmap"
        orientation="themes-by-quarters"
        columns={data.periods.map((p) => ({ id: p.period, label: p.periodLabel }))}
        rows={themesByQuarterRows(data.department.series, data.themes)}
      />
      <Details summaryText="Show the numbers of complaints behind the department’s rates">
        <div className="app-table-scroll" role="region" aria-label={`${data.departmentName}: themes by quarter (scrolls sideways)`} tabIndex={0}>
          <Table
            caption={`${data.departmentName}: complaints by theme and quarter, per 100 received and in number, pooled over the panel`}
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: "Theme" }, ...data.periods.map((p) => ({ text: p.periodLabel, format: "numeric" })), { text: "Whole range", format: "numeric" }]}
            rows={[
              [{ text: "Complaints received" }, ...data.department.received.map((n) => ({ text: formatCount(n), format: "numeric" })), { text: formatCount(data.department.received.reduce<number>((a, b) => a + (b ?? 0), 0)), format: "numeric" }],
              ...data.department.series.map((s) => [...themeQuarterCells(s, data.themes), { text: formatRate(s.total.rate), format: "numeric" }]),
            ]}
          />
        </div>
      </Details>
    </>
  );
}

/** Which bodies the department's figures are pooled over, and which were left out and why. */
function PanelWords({ data, profileHref }: { data: ThemesAnswer; profileHref: (code: string) => string }) {
  const { bodies, leftOut } = data.panel;
  return (
    <>
      <p className="govuk-body">
        {bodies.length === 0
          ? "No body sent a return for every quarter of this range, so there is no department figure. Choose a shorter range."
          : `The department’s figures are pooled over a fixed panel: the ${plural(bodies.length, "body", "bodies")} that sent a return for every quarter of the range, so the figures do not move because a body started or stopped reporting. In the panel: ${listInWords(bodies.map((b) => b.name))}.`}
      </p>
      {leftOut.length > 0 ? (
        <>
          <p className="govuk-body">Left out of the panel, because they missed a quarter (their own figures are in the table of bodies):</p>
          <ul className="govuk-list govuk-list--bullet">
            {leftOut.map((l) => (
              <li key={l.organisationCode}>
                <Link className="govuk-link" to={profileHref(l.organisationCode)}>
                  {l.name}
                </Link>
                : no return for {l.missing.length > 4 ? plural(l.missing.length, "quarter", "quarters") : listInWords(l.missing.map((m) => m.periodLabel))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
