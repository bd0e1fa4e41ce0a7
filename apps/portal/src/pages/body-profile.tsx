import "../themes/themes.css";
import { ActionPlanStatusTags, Details, ErrorSummary, SummaryList, Table, ThemeHeatmap } from "@complaints/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatOneDecimal } from "@complaints/domain";
import { errorCode, errorMessage, Loading, NoAccessPage, NotFoundPage, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, useOrganisation, usePageTitle } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { MeasureTrend } from "../profile/measure-trend.tsx";
import { QuarterRangeForm, useQuarterRange } from "../quarter-range/quarter-range.tsx";
import { EmergingList } from "../themes/emerging-list.tsx";
import { formatCount, formatRate } from "../themes/format.ts";
import { themeQuarterCells, themesByQuarterRows } from "../themes/themes-by-quarter.tsx";

type Profile = QueryOutput<"metrics.profile">;
type ActionPlan = QueryOutput<"actions.list">[number];

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `/portal/{DEPT}/bodies/{ORG}`: one body over time: each measure as an XmR chart with its Making
 * Data Count variation (and assurance, where a target is set) in words, its themes per 100
 * complaints received, its Ombudsman figures and its action plans. The API decides access: another
 * department's body is "You do not have access" (nothing of it shown); a department's code, or a
 * code no organisation has, is "Page not found".
 */
export function BodyProfilePage({ dept, org }: { dept: Organisation; org: string }) {
  const range = useQuarterRange();
  const latest = useLatestQuarter(dept.code);
  const profile = useQuery({ ...procedureQuery("metrics.profile", { organisationCode: org, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }), retry: false });
  const code = profile.isError ? errorCode(profile.error) : null;
  // BAD_REQUEST is a department's code (or a malformed one), or a range the API refuses: organisations.get tells them apart.
  const organisation = useOrganisation(org);
  const notABody = code === "BAD_REQUEST" && ((organisation.isError && errorCode(organisation.error) === "BAD_REQUEST") || organisation.data?.kind === "department");
  const rangeRefused = code === "BAD_REQUEST" && !notABody && (organisation.isSuccess || organisation.isError);
  const problems = [...range.problems.map((p) => ({ text: p.message, href: `#range-${p.field}` })), ...(rangeRefused ? [{ text: errorMessage(profile.error), href: "#range-from" }] : [])];
  const name = profile.data?.organisation.name ?? organisation.data?.name;
  usePageTitle(name && organisation.data?.kind === "body" ? `${name}: body profile` : "Body profile", problems.length > 0);

  if (code === "FORBIDDEN") return <NoAccessPage />;
  // A body of this user's department under another department's address (possible only with nested departments) is not this page.
  const elsewhere = profile.data && profile.data.organisation.departmentCode !== dept.code;
  if (code === "NOT_FOUND" || notABody || elsewhere) return <NotFoundPage />;
  if (profile.isPending || (code === "BAD_REQUEST" && !rangeRefused)) return <Loading />;
  if (profile.isError && !rangeRefused) return <p className="govuk-body">The body’s profile could not be shown: {errorMessage(profile.error)}</p>;

  const data = profile.data;
  return (
    <>
      {problems.length > 0 ? <ErrorSummary key={problems.map((p) => p.text).join()} titleText="There is a problem" errorList={problems} /> : null}
      <span className="govuk-caption-l">
        {dept.name}: body profile
      </span>
      <h1 className="govuk-heading-l">{name ?? org}</h1>
      {organisation.data ? <BodyFacts body={organisation.data} /> : null}
      <QuarterRangeForm from={data?.from ?? range.from ?? null} to={data?.to ?? range.to ?? null} latest={latest} />
      {data ? <ProfileContent data={data} dept={dept} org={org} /> : null}
    </>
  );
}

function BodyFacts({ body }: { body: Organisation }) {
  return (
    <SummaryList
      classes="govuk-summary-list--no-border app-body-facts"
      rows={[
        { key: { text: "Type of body" }, value: { text: body.bodyType ? capitalise(body.bodyType) : "Not recorded" } },
        { key: { text: "Reporting" }, value: { text: body.activeTo ? `From ${formatDate(body.activeFrom)} until it closed on ${formatDate(body.activeTo)}` : `Since ${formatDate(body.activeFrom)}` } },
      ]}
    />
  );
}

function ProfileContent({ data, dept, org }: { data: Profile; dept: Organisation; org: string }) {
  const reported = data.periods.filter((p) => p.reported);
  const first = data.periods[0];
  const last = data.periods.at(-1);
  const rangeLabel = first && last ? (first === last ? first.periodLabel : `${first.periodLabel} to ${last.periodLabel}`) : "";
  return (
    <>
      <nav className="app-contents" aria-labelledby="contents-title">
        <h2 className="govuk-heading-s" id="contents-title">
          Contents
        </h2>
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href="#measures">
              Measures over time
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#themes">
              Themes over time
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#ombudsman">
              Ombudsman figures
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#actions">
              Action plans
            </a>
          </li>
        </ul>
      </nav>
      {data.periods.length === 0 ? (
        <p className="govuk-body">{data.organisation.name} has not sent the department a return yet, so there are no figures to show.</p>
      ) : (
        <p className="govuk-body">
          {rangeLabel}: {data.organisation.name} sent returns for {reported.length} of {data.periods.length} quarters.
          {data.periods.some((p) => p.provisional) ? " Figures the department has not yet accepted are provisional, marked [p]." : ""}
        </p>
      )}

      <h2 className="govuk-heading-m" id="measures">
        Measures over time
      </h2>
      <p className="govuk-body">
        Each measure is drawn as a statistical process control (XmR) chart, following NHS England’s Making Data Count. Points outside the process limits, or in an unusual run or trend, are
        special cause variation; the words beside each chart say whether that is improving or concerning. Limits from fewer than 12 quarters are trial limits. No targets are set for these
        measures, so no assurance icon is shown.
      </p>
      {data.measures.map((m) => (
        <MeasureTrend key={m.measure.id} series={m} />
      ))}

      <h2 className="govuk-heading-m" id="themes">
        Themes over time
      </h2>
      <BodyThemes data={data} />

      <h2 className="govuk-heading-m" id="ombudsman">
        Ombudsman figures
      </h2>
      <Ombudsman data={data} />

      <h2 className="govuk-heading-m" id="actions">
        Action plans
      </h2>
      <ActionPlans org={org} name={data.organisation.name} dept={dept} />
    </>
  );
}

function BodyThemes({ data }: { data: Profile }) {
  const { themes, series, emerging } = data.themes;
  if (series.length === 0) return <p className="govuk-body">No themes to show in these quarters.</p>;
  const last = data.periods.at(-1)!;
  return (
    <>
      <p className="govuk-body">Complaints about each theme per 100 complaints received, quarter by quarter. One complaint can be about several themes. A dash means no figure was sent.</p>
      <h3 className="govuk-heading-s">Emerging themes in {last.periodLabel}</h3>
      {emerging.length === 0 ? <p className="govuk-body">No theme is emerging in {last.periodLabel}.</p> : <EmergingList items={emerging} />}
      <ThemeHeatmap
        format={formatOneDecimal}
        title={`${data.organisation.name}: complaints per 100 received by theme and quarter`}
        headingLevel={3}
        idPrefix="profile-themes"
        orientation="themes-by-quarters"
        columns={data.periods.map((p) => ({ id: p.period, label: p.periodLabel }))}
        rows={themesByQuarterRows(series, themes)}
      />
      <Details summaryText="Show the numbers of complaints behind the rates">
        <div className="app-table-scroll" role="region" aria-label="Complaints by theme and quarter (scrolls sideways)" tabIndex={0}>
          <Table
            caption={`${data.organisation.name}: complaints by theme and quarter, per 100 received and in number`}
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: "Theme" }, ...data.periods.map((p) => ({ text: p.periodLabel, format: "numeric" })), { text: "Whole range", format: "numeric" }]}
            rows={[
              [{ text: "Complaints received" }, ...(series[0]?.received ?? []).map((n) => ({ text: formatCount(n), format: "numeric" })), { text: formatCount(series[0]?.total.received), format: "numeric" }],
              ...series.map((s) => [
                ...themeQuarterCells(s, themes),
                {
                  format: "numeric",
                  children: (
                    <>
                      {formatRate(s.total.rate)}
                      {s.total.count !== null ? <span className="app-count-detail">{formatCount(s.total.count)}</span> : null}
                    </>
                  ),
                },
              ]),
            ]}
          />
        </div>
      </Details>
    </>
  );
}

/**
 * A column's short heading, as the template declares it, so the nine figures fit beside each other.
 * Where it is the end of the full label ("Complied with" of "Recommendations complied with"), screen
 * readers hear the rest too; sighted readers have it from the column before.
 */
function shortHeading(field: { label: string; shortLabel: string }): ReactNode {
  const full = field.label;
  const short = field.shortLabel;
  const rest = full.slice(0, full.length - short.length);
  if (!rest || full.slice(rest.length).toLowerCase() !== short.toLowerCase()) return capitalise(short);
  return (
    <>
      <span className="govuk-visually-hidden">{capitalise(rest)}</span>
      {short}
    </>
  );
}

function Ombudsman({ data }: { data: Profile }) {
  const { fields, rows } = data.ombudsman;
  if (rows.length === 0) return <p className="govuk-body">No Ombudsman figures in these quarters.</p>;
  const cell = (v: number | string | null) => (v === null ? "–" : typeof v === "number" ? formatCount(v) : v);
  return (
    <>
      <p className="govuk-body">
        Complaints the Parliamentary and Health Service Ombudsman dealt with, by quarter, as {data.organisation.name} reported them: referred to the Ombudsman, accepted for
        investigation, investigations reported on and their outcome, and the Ombudsman’s recommendations. [x] means not available, [z] not applicable, a dash that no figure was sent.
      </p>
      <div className="app-table-scroll" role="region" aria-label="Ombudsman figures (scrolls sideways)" tabIndex={0}>
        <Table
          caption={`${data.organisation.name}: Ombudsman figures by quarter`}
          captionClasses="govuk-table__caption--s"
          classes="app-ombudsman-table"
          firstCellIsHeader
          head={[{ text: "Quarter" }, ...fields.map((f) => ({ children: shortHeading(f), format: "numeric" }))]}
          rows={rows.map((r) => [{ text: `${r.periodLabel}${r.provisional ? " [p]" : ""}` }, ...fields.map((f) => ({ text: cell(r.values[f.id as keyof typeof r.values] ?? null), format: "numeric" }))])}
        />
      </div>
    </>
  );
}

function ActionPlans({ org, name, dept }: { org: string; name: string; dept: Organisation }) {
  const plans = useQuery(procedureQuery("actions.list", { organisationCode: org }));
  return (
    <QueryBoundary queries={[plans]} loading={<Loading>Loading the action plans…</Loading>} problem={(error) => <p className="govuk-body">The action plans could not be shown: {errorMessage(error)}</p>}>
      {(list) => <ActionPlanList list={list} name={name} dept={dept} />}
    </QueryBoundary>
  );
}

function ActionPlanList({ list, name, dept }: { list: readonly ActionPlan[]; name: string; dept: Organisation }) {
  if (list.length === 0) return <p className="govuk-body">{name} has no learning action plans.</p>;
  const overdue = list.filter((p) => p.overdue).length;
  const open = list.filter((p) => p.status !== "completed").length;
  return (
    <>
      <p className="govuk-body">
        {list.length} {list.length === 1 ? "action" : "actions"}: {open} open, {overdue === 0 ? "none" : overdue} overdue. Overdue first, then by due date. Only {name}’s own people can change them.{" "}
        <Link className="govuk-link" to={`/${dept.code}/actions`}>
          Action plans across all bodies
        </Link>
        .
      </p>
      <Table
        caption={`${name}: learning action plans`}
        captionClasses="govuk-visually-hidden"
        classes="app-stacked-table"
        head={[{ text: "Action" }, { text: "Owner" }, { text: "Due" }, { text: "Status" }]}
        rows={list.map((p) => [
          { text: p.action },
          { text: p.owner, attributes: { "data-label": "Owner" } },
          { text: p.completedDate ? `${formatDate(p.dueDate)}; completed ${formatDate(p.completedDate)}` : formatDate(p.dueDate), attributes: { "data-label": "Due" } },
          {
            children: <ActionPlanStatusTags plan={p} classes="app-status-tags" />,
          },
        ])}
      />
    </>
  );
}
