import { ActionPlanStatusTags, Details, ErrorSummary, Input } from "@complaints/ui";
import { BodyFilter, FilterActions, ThemeFilter } from "../filter-form/filter-fields.tsx";
import { actionThemes, formatDate, plural } from "@complaints/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { errorMessage, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, useMe, usePageTitle } from "@complaints/client";
import { useDepartmentBodies } from "../app/department-bodies.ts";
import { oneOf, useQueryFilters } from "../filter-form/query-filters.ts";
import "../filter-form/filter-form.css";

type Item = QueryOutput<"actions.learning">["items"][number];

const filterKeys = ["q", "theme", "body"] as const;

/**
 * `/portal/{DEPT}/learning`: the learning library, the department's bodies' published "you said, we
 * did" items (completed, and approved by the body's senior accountable officer), newest first, so
 * one body learns from another. Search (`?q=`) finds every word, in any case, in an item's summary,
 * action, themes or body name; filter by theme and body.
 */
export function LearningPage({ dept }: { dept: Organisation }) {
  const { values, apply, active, search } = useQueryFilters(filterKeys);
  const bodies = useDepartmentBodies(dept.code);
  const theme = oneOf(values.theme, actionThemes.map((t) => t.code));
  const body = values.body || undefined;
  const q = values.q || undefined;
  const input = { departmentCode: dept.code, ...(q ? { q } : {}), ...(theme ? { theme } : {}), ...(body ? { organisationCode: body } : {}) };
  const library = useQuery(procedureQuery("actions.learning", input));
  // The department's oversight may take a published item down, from the body's action plan page.
  const canWithdraw = ((useMe().data?.permissions ?? []) as readonly string[]).includes("actions.withdrawPublication");
  usePageTitle(q ? `Learning library: results for “${q}”` : "Learning library", library.isError);

  return (
    <>
      {library.isError ? <ErrorSummary titleText="There is a problem" errorList={[{ text: errorMessage(library.error), href: "#q" }]} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Learning library</h1>
      <p className="govuk-body">What the department’s bodies changed after people complained, in their own “you said, we did” words. Only completed actions whose summary the body’s senior accountable officer approved for publication are shown, without the complaints they came from.</p>

      <form className="app-filter" method="get" action="" role="search" onSubmit={apply} key={`${search} ${bodies.isSuccess}`} aria-label="Learning library">
        <div className="app-filter__fields">
          <Input id="q" name="q" type="search" label={{ text: "Search the learning library", classes: "govuk-label--s" }} hint={{ text: "For example: letters, screen reader, or a body’s name" }} value={values.q} spellcheck={false} autoComplete="off" formGroup={{ classes: "app-filter__search" }} />
          <ThemeFilter value={theme ?? ""} />
          <BodyFilter bodies={bodies} value={values.body} />
        </div>
        <FilterActions submitText="Search" clear={active > 0 ? { href: `/portal/${dept.code}/learning`, text: "Clear search and filters" } : null} />
      </form>

      <QueryBoundary queries={[library]} problem={(error) => <p className="govuk-body">No items can be shown: {errorMessage(error)}</p>}>
        {(found) => (
        <>
          <p className="govuk-body" role="status" id="learning-count">
            {found.items.length === found.total
              ? found.total === 0
                ? "No body has published any learning yet."
                : `${plural(found.total, "item")}, newest first.`
              : found.items.length === 0
                ? `No items match${q ? ` “${q}”` : " these filters"}. Try fewer or different words.`
                : `${plural(found.items.length, "item")} of ${found.total} match${q ? ` “${q}”` : " these filters"}, newest first.`}
          </p>
          <h2 className="govuk-visually-hidden">Items</h2>
          {found.items.map((item) => (
            <LearningItem key={item.id} item={item} dept={dept} canWithdraw={canWithdraw} />
          ))}
        </>
        )}
      </QueryBoundary>
    </>
  );
}

function LearningItem({ item, dept, canWithdraw }: { item: Item; dept: Organisation; canWithdraw: boolean }) {
  return (
    <article className="app-learning-item" aria-labelledby={`item-${item.id}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`item-${item.id}`}>
        <Link className="govuk-link" to={`/${dept.code}/bodies/${item.organisationCode}`}>
          {item.organisationName}
        </Link>
      </h3>
      <p className="govuk-body-s app-secondary-text govuk-!-margin-bottom-2">
        {item.completedDate ? `Completed ${formatDate(item.completedDate)}` : `Started ${formatDate(item.startDate)}, due ${formatDate(item.dueDate)}`}
        {item.themes.length > 0 ? ` · Themes: ${item.themes.map((t) => t.label).join(", ")}` : ""}
      </p>
      <p className="govuk-body app-learning-item__summary">{item.summary}</p>
      {/* One of many on the page: a screen reader's list of controls tells them apart by body and date. */}
      <Details
        summaryChildren={
          <>
            What the body did
            <span className="govuk-visually-hidden">{`: ${item.organisationName}, ${item.completedDate ? `completed ${formatDate(item.completedDate)}` : `due ${formatDate(item.dueDate)}`}`}</span>
          </>
        }
      >
        <p className="govuk-body">
          <ActionPlanStatusTags plan={item} classes="app-status-tags" />
        </p>
        <p className="govuk-body">{item.action}</p>
        <p className="govuk-body">
          {item.kindLabel}. Impact measure: {item.impactMeasure}; target: {item.impactTarget}
          {item.impactResult ? `; result: ${item.impactResult}` : ""}.
        </p>
        {canWithdraw ? (
          <p className="govuk-body">
            {/* The body's pages are the agency app's: a full page load, not this app's router. */}
            <a className="govuk-link" href={`/agency/${item.organisationCode}/actions/${item.id}`}>
              The whole action plan, where you can withdraw it from publication
              <span className="govuk-visually-hidden">{`: ${item.organisationName}, ${item.completedDate ? `completed ${formatDate(item.completedDate)}` : `due ${formatDate(item.dueDate)}`}`}</span>
            </a>
          </p>
        ) : null}
      </Details>
    </article>
  );
}
