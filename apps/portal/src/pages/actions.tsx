import { actionStatuses, actionStatusLabels, actionThemeLabel, actionThemes, formatCount, formatDate, formatPercent, plural } from "@complaints/domain";
import { ActionPlanStatusTags, Button, Details, ErrorSummary, Input, Pagination, Select, Table } from "@complaints/ui";
import { BodyFilter, FilterActions, ThemeFilter } from "../filter-form/filter-fields.tsx";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { downloadCsv, toCsv } from "../app/csv.ts";
import { errorMessage, Loading, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, usePageTitle } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { useDepartmentBodies } from "../app/department-bodies.ts";
import { oneOf, useQueryFilters } from "../filter-form/query-filters.ts";
import "../filter-form/filter-form.css";

type Plan = QueryOutput<"actions.listForDepartment">[number];

const statusChoices = ["overdue", ...actionStatuses] as const;
const statusText: Record<(typeof statusChoices)[number], string> = { overdue: "Overdue", ...actionStatusLabels };
const filterKeys = ["body", "theme", "owner", "status"] as const;
/** Plans shown on one page of the list; the download has every plan the filters match. */
export const plansPerPage = 50;

/**
 * `/portal/{DEPT}/actions`: learning action plans across the department's bodies, overdue first (the
 * API's order), filtered by body, theme, owner and status through the query string
 * (`?status=overdue&body=DES-LIC1&theme=delay&owner=letters`), 50 a page (`&page=2`; applying
 * filters starts again at page 1), and downloads as CSV. Read only: a body's own people keep
 * their plans in the agency app.
 */
export function ActionsPage({ dept }: { dept: Organisation }) {
  const { values, apply, active, search } = useQueryFilters(filterKeys);
  const bodies = useDepartmentBodies(dept.code);
  const status = oneOf(values.status, statusChoices);
  const theme = oneOf(values.theme, actionThemes.map((t) => t.code));
  const body = values.body || undefined;
  const owner = values.owner || undefined;
  const input = { departmentCode: dept.code, ...(body ? { organisationCode: body } : {}), ...(status ? { status } : {}), ...(theme ? { theme } : {}), ...(owner ? { owner } : {}) };
  const plans = useQuery(procedureQuery("actions.listForDepartment", input));
  usePageTitle("Action plans across bodies", plans.isError);

  const ignored = [values.status && !status ? `status “${values.status}”` : null, values.theme && !theme ? `theme “${values.theme}”` : null].filter(Boolean);
  const bodyName = (code: string) => bodies.data?.find((b) => b.code === code)?.name ?? code;

  return (
    <>
      {plans.isError ? <ErrorSummary titleText="There is a problem" errorList={[{ text: errorMessage(plans.error), href: "#body" }]} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Action plans across bodies</h1>
      <p className="govuk-body">Learning action plans of the department’s bodies, overdue first, then by due date. Each body keeps its own plans; you can read them here.</p>
      <ActionsOnTime dept={dept} />

      <form className="app-filter" method="get" action="" onSubmit={apply} key={`${search} ${bodies.isSuccess}`} aria-label="Filter action plans">
        <h2 className="govuk-heading-m">Filter action plans</h2>
        <div className="app-filter__fields app-filter__fields--four">
          <BodyFilter bodies={bodies} value={values.body} />
          <ThemeFilter value={theme ?? ""} />
          <Input id="owner" name="owner" label={{ text: "Owner" }} hint={{ text: "Part of a person’s or team’s name" }} value={values.owner} spellcheck={false} autoComplete="off" />
          <Select id="status" name="status" label={{ text: "Status" }} value={status ?? ""} items={[{ value: "", text: "Any status" }, ...statusChoices.map((s) => ({ value: s, text: statusText[s] }))]} />
        </div>
        <FilterActions submitText="Apply filters" clear={active > 0 ? { href: `/portal/${dept.code}/actions`, text: "Clear filters" } : null} />
      </form>
      {ignored.length > 0 ? <p className="govuk-body">The address asked for {ignored.join(" and ")}, which is not one of the choices, so that filter is not applied.</p> : null}

      <QueryBoundary queries={[plans]} problem={(error) => <p className="govuk-body">No action plans can be shown: {errorMessage(error)}</p>}>
        {(found) => <PlanTable plans={found} dept={dept} filtered={active > 0} bodyName={body ? bodyName(body) : null} search={search} />}
      </QueryBoundary>
    </>
  );
}

/** The page of the list the address asks for (`?page=2`), within the pages there are. */
export function pageOf(value: string | null, total: number): { page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(total / plansPerPage));
  const asked = /^\d{1,6}$/.test(value ?? "") ? Number(value) : 1;
  const page = Math.min(Math.max(1, asked), pages);
  return { page, pages, first: (page - 1) * plansPerPage, last: Math.min(total, page * plansPerPage) };
}

function PlanTable({ plans, dept, filtered, bodyName, search }: { plans: Plan[]; dept: Organisation; filtered: boolean; bodyName: string | null; search: string }) {
  const [params] = useSearchParams();
  const { page, pages, first, last } = pageOf(params.get("page"), plans.length);
  const shown = plans.slice(first, last);
  const overdue = plans.filter((p) => p.overdue).length;
  const summary =
    plans.length === 0
      ? filtered
        ? "No action plans match these filters."
        : "The department’s bodies have no action plans yet."
      : `${plural(plans.length, "action plan")}${filtered ? ` ${plans.length === 1 ? "matches" : "match"} these filters` : ""}: ${overdue === 0 ? "none" : formatCount(overdue)} overdue.${pages > 1 ? ` Showing ${formatCount(first + 1)} to ${formatCount(last)}.` : ""}`;
  const href = (n: number) => {
    const next = new URLSearchParams(search);
    if (n === 1) next.delete("page");
    else next.set("page", String(n));
    const query = next.toString();
    return `/portal/${dept.code}/actions${query ? `?${query}` : ""}`;
  };
  // A new page of the list: focus goes to its count, as a page load would start at the top.
  const count = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    count.current?.focus();
  }, [page]);
  const download = () => downloadCsv(`action-plans-${dept.code}${filtered ? "-filtered" : ""}.csv`, toCsv(plansAsRows(plans)));
  return (
    <>
      <p className="govuk-body" role="status" id="plan-count" tabIndex={-1} ref={count}>
        {summary}
      </p>
      {plans.length > 0 ? <Button text={`Download ${plans.length === 1 ? "this action plan" : `these ${formatCount(plans.length)} action plans`} as CSV`} classes="govuk-button--secondary" type="button" onClick={download} /> : null}
      {plans.length > 0 ? (
        <Table
          caption={`Action plans${bodyName ? ` of ${bodyName}` : " across bodies"}, overdue first, then by due date`}
          captionClasses="govuk-table__caption--m"
          classes="app-stacked-table"
          head={[{ text: "Body" }, { text: "Action" }, { text: "Owner" }, { text: "Due" }, { text: "Status" }]}
          rows={shown.map((p) => [
            {
              attributes: { "data-label": "Body" },
              children: (
                <Link className="govuk-link" to={`/${dept.code}/bodies/${p.organisationCode}`}>
                  {p.organisationName}
                </Link>
              ),
            },
            { children: <PlanDetails plan={p} /> },
            { text: p.owner, attributes: { "data-label": "Owner" } },
            { text: p.completedDate ? `${formatDate(p.dueDate)}; completed ${formatDate(p.completedDate)}` : formatDate(p.dueDate), attributes: { "data-label": "Due" } },
            { children: <ActionPlanStatusTags plan={p} classes="app-status-tags" />, attributes: { "data-label": "Status" } },
          ])}
        />
      ) : null}
      <Pagination current={page} pages={pages} href={href} label="Pages of action plans" />
    </>
  );
}

/** The plans as a table of text for the CSV: one row a plan, dates as ISO 8601, every plan the filters match. */
export function plansAsRows(plans: readonly Plan[]): string[][] {
  const head = ["organisation_code", "organisation_name", "action", "what_went_wrong", "kind", "themes", "owner", "start_date", "due_date", "completed_date", "status", "overdue", "latest_review_date", "latest_review"];
  return [
    head,
    ...plans.map((p) => {
      const latest = p.reviews.at(-1);
      return [
        p.organisationCode,
        p.organisationName,
        p.action,
        p.failing,
        p.kindLabel,
        p.themes.map(actionThemeLabel).join("; "),
        p.owner,
        p.startDate,
        p.dueDate,
        p.completedDate ?? "",
        p.statusLabel,
        p.overdue ? "yes" : "no",
        latest?.date ?? "",
        latest?.note ?? "",
      ];
    }),
  ];
}

/** The action, with the rest of the plan a department needs to follow it up behind a Details. */
function PlanDetails({ plan }: { plan: Plan }) {
  const latest = plan.reviews.at(-1);
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-2">{plan.action}</p>
      {/* One of many on the page: a screen reader's list of controls tells them apart by body and due date. */}
      <Details
        summaryChildren={
          <>
            More about this action<span className="govuk-visually-hidden">{`: ${plan.organisationName}, due ${formatDate(plan.dueDate)}`}</span>
          </>
        }
        classes="govuk-!-margin-bottom-0"
      >
        <dl className="app-plan-facts">
          <dt className="govuk-!-font-weight-bold">What went wrong</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{plan.failing}</dd>
          <dt className="govuk-!-font-weight-bold">Kind</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{plan.kindLabel}</dd>
          <dt className="govuk-!-font-weight-bold">Themes</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{plan.themes.length > 0 ? plan.themes.map(actionThemeLabel).join(", ") : "None recorded"}</dd>
          <dt className="govuk-!-font-weight-bold">Started</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{formatDate(plan.startDate)}</dd>
          <dt className="govuk-!-font-weight-bold">Impact measure</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">
            {plan.impactMeasure}: from {plan.impactBaseline} to {plan.impactTarget}
            {plan.impactResult ? `; result ${plan.impactResult}` : ""}
          </dd>
          <dt className="govuk-!-font-weight-bold">Latest review</dt>
          <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{latest ? `${formatDate(latest.date)}: ${latest.note}` : "No review recorded yet"}</dd>
          {plan.verifiedBy ? (
            <>
              <dt className="govuk-!-font-weight-bold">Completion verified</dt>
              <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">
                By {plan.verifiedBy} on {formatDate(plan.verifiedDate ?? "")}: {plan.verificationNote}
              </dd>
            </>
          ) : null}
        </dl>
      </Details>
    </>
  );
}

/** The department's "learning actions completed on time" for its latest quarter, with its interval and definition. */
function ActionsOnTime({ dept }: { dept: Organisation }) {
  const period = useLatestQuarter(dept.code);
  const figure = useQuery({ ...procedureQuery("metrics.actionsOnTime", { organisationCode: dept.code, period: period ?? "" }), enabled: period !== undefined });
  return (
    <QueryBoundary
      queries={[figure]}
      loading={<Loading>Loading the share of actions completed on time…</Loading>}
      problem={(error) => <p className="govuk-body">The share of actions completed on time cannot be shown: {errorMessage(error)}</p>}
    >
      {(f) => <ActionsOnTimeFigure f={f} />}
    </QueryBoundary>
  );
}

function ActionsOnTimeFigure({ f }: { f: QueryOutput<"metrics.actionsOnTime"> }) {
  return (
    <div className="govuk-!-margin-bottom-6" id="actions-on-time">
      <h2 className="govuk-heading-m">
        {f.label}, {f.periodLabel}
      </h2>
      {f.value === null ? (
        <p className="govuk-body">Not available yet: no action due in {f.periodLabel} has an outcome yet.</p>
      ) : (
        <>
          <p className="govuk-body govuk-!-margin-bottom-2">
            <span className="app-headline-figure">{formatPercent(f.value)}</span>
          </p>
          <p className="govuk-body">
            {f.onTime} of {plural(f.denominator, "action")} due in {f.periodLabel} whose outcome is known were completed on or before their due date
            {f.lower !== null && f.upper !== null ? ` (95% confidence interval ${formatPercent(f.lower)} to ${formatPercent(f.upper)})` : ""}.{" "}
            {f.openOverdue > 0 ? `${plural(f.openOverdue, "action is", "actions are")} still open after their due date. ` : ""}
            {f.notYetDue > 0 ? `${plural(f.notYetDue, "action is", "actions are")} not yet due. ` : ""}As of {formatDate(f.asOf)}.
          </p>
        </>
      )}
      <Details summaryText="How this figure is worked out">
        <p className="govuk-body">{f.definition}</p>
      </Details>
    </div>
  );
}
