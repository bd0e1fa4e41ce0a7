import { currentTemplate, fixedField, formatCount, formatPeriodLabel, formatValue, plural, requirePeriod } from "@complaints/domain";
import { BackLink, LinkProvider, Pagination, Table } from "@complaints/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { NotFoundPage, type Organisation, procedureQuery, QueryBoundary, usePageTitle } from "@complaints/client";
import type { QuarterPageProps } from "../app/body-route.tsx";
import { casesPath, figurePath, returnPath, type FigureCases } from "./queries.ts";
import "./cases.css";

/** How a figure's cases are measured: one each (a count), working days each, or a payment each (pence). */
type FigureKind = "count" | "working days" | "money";

export function figureKind(field: string): FigureKind {
  const declaration = fixedField(currentTemplate, field);
  if (declaration?.type === "money") return "money";
  if (declaration?.unit === "working days") return "working days";
  return "count";
}

/** A figure or one case's amount as people read it: "12", "45", "£1,250.00". */
function amountText(kind: FigureKind, field: string, amount: number): string {
  return kind === "money" ? formatValue(fixedField(currentTemplate, field), amount) : formatCount(amount);
}

/**
 * `/{ORG}/returns/{PERIOD}/cases/{FIELD}?page=2` (each computed figure links to the list
 * of case references behind it): the cases that count towards one figure of the quarter, with each
 * one's working days or payment for a total, a page at a time.
 */
export function FigureRoute({ org: organisation, period: periodCode }: QuarterPageProps) {
  const { field = "" } = useParams();
  const [search] = useSearchParams();
  const pageText = search.get("page") ?? "1";
  const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : null;
  // The page of the return the link was followed from (a section, or "check"), for the Back link; anything else is ignored.
  const fromText = search.get("from") ?? "";
  const backTo = /^[a-z][a-z0-9_]{0,60}$/.test(fromText) ? fromText : null;
  if (page === null || !field) return <NotFoundPage />;
  return <FigureLoader key={`${organisation.code} ${periodCode} ${field}`} organisation={organisation} periodCode={periodCode} field={field} page={page} backTo={backTo} />;
}

function FigureLoader({ organisation, periodCode, field, page, backTo }: { organisation: Organisation; periodCode: string; field: string; page: number; backTo: string | null }) {
  const figure = useQuery({
    ...procedureQuery("cases.figure", { organisationCode: organisation.code, period: periodCode, field, page }),
    // The page of cases shown stays while the next one loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });
  return (
    <QueryBoundary queries={[figure]}>
      {(cases) => (
        <LinkProvider renderLink={({ href, ...rest }) => <Link to={href} {...rest} />}>
          <FigurePage organisation={organisation} periodCode={periodCode} figure={cases} page={page} backTo={backTo} />
        </LinkProvider>
      )}
    </QueryBoundary>
  );
}

function FigurePage({ organisation, periodCode, figure, page, backTo }: { organisation: Organisation; periodCode: string; figure: FigureCases; page: number; backTo: string | null }) {
  const periodLabel = formatPeriodLabel(requirePeriod(periodCode));
  const kind = figureKind(figure.field);
  const total = amountText(kind, figure.field, figure.total);
  const title = `${figure.label}: ${total}`;
  usePageTitle(title);
  const firstPage = useRef(page);
  // After moving to another page of cases, focus goes to the table, whose caption says which cases these are.
  useEffect(() => {
    if (page !== firstPage.current) document.getElementById("figure-cases")?.focus();
  }, [page]);

  // Every page but the last is full, so a page's length gives where it starts; the last ends at the count.
  const from = figure.page < figure.pages ? (figure.page - 1) * figure.cases.length + 1 : figure.count - figure.cases.length + 1;
  const to = from + figure.cases.length - 1;
  const amountHeading = kind === "money" ? "Payment" : kind === "working days" ? "Working days" : null;
  const explanation =
    figure.count === 0
      ? `No case in the last case file counts towards this figure in ${periodLabel}.`
      : kind === "count"
        ? `${plural(figure.count, "case")} in the last case file ${figure.count === 1 ? "counts" : "count"} towards this figure in ${periodLabel}.`
        : `${plural(figure.count, "case")} in the last case file make up this total in ${periodLabel}, each with its ${kind === "money" ? "payment" : "working days"}.`;
  const query = (n: number) => new URLSearchParams([...(n === 1 ? [] : [["page", String(n)]]), ...(backTo ? [["from", backTo]] : [])]).toString();
  const href = (n: number) => `${figurePath(organisation.code, periodCode, figure.field)}${query(n) ? `?${query(n)}` : ""}`;
  // Back to the section (at the figure) or check page of the return the link was on, else to the case import page.
  const back = backTo
    ? `${returnPath(organisation.code, periodCode)}/${backTo}${backTo === "check" ? "" : `#${encodeURIComponent(figure.field)}`}`
    : casesPath(organisation.code, periodCode);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back" />
        <span className="govuk-caption-l">
          {organisation.name}: {periodLabel}
        </span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{explanation}</p>
        {figure.count > 0 ? (
          <>
            <Table
              caption={figure.pages > 1 ? `Cases ${formatCount(from)} to ${formatCount(to)} of ${formatCount(figure.count)}` : "Cases"}
              captionClasses="govuk-table__caption--m"
              classes="app-case-figures__table"
              firstCellIsHeader
              head={[{ text: "Case reference" }, ...(amountHeading ? [{ text: amountHeading, format: "numeric" }] : [])]}
              rows={figure.cases.map((c) => [{ children: <span className="app-code">{c.ref}</span> }, ...(amountHeading ? [{ text: amountText(kind, figure.field, c.amount), format: "numeric" }] : [])])}
              attributes={{ id: "figure-cases", tabindex: -1 }}
            />
            <Pagination current={figure.page} pages={figure.pages} href={href} label="Pages of cases" />
          </>
        ) : null}
      </div>
    </div>
  );
}
