import { periodChoiceInput, periodChoiceLabel, periodChoiceToAddress, periodOptions, type PeriodChoice } from "@complaints/domain";
import { Button, Details, ErrorSummary, Select, useHouseTable } from "@complaints/ui";
import { functionalUpdate, type SortingState } from "@tanstack/react-table";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type FormEvent, type RefObject, type SetStateAction } from "react";
import { useNavigate, useNavigationType, useSearchParams, type SetURLSearchParams } from "react-router";
import { errorMessage, procedureQuery, QueryBoundary, usePageTitle, type Organisation } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { ChoicesForm, type Choice } from "../compare/choices-form.tsx";
import { ComparisonTable, compareColumns, shownInTable } from "../compare/comparison-table.tsx";
import { downloadCsv, toCsv } from "../app/csv.ts";
import { bodyTypeText, compareRows, departmentRowId, type ComparisonAnswer } from "../compare/rows.ts";
import { compareTidyRows, tidyCsvRows } from "../compare/tidy.ts";
import { readView, writeView } from "../compare/view.ts";
import "../compare/compare.css";

const pinned = { top: [departmentRowId], bottom: [] };

/** `/portal/{DEPT}/compare/{PERIOD}`: the department's bodies side by side on chosen measures, for a quarter or a financial year. */
export function ComparePage({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  // Every measure at once: choosing columns then hides and shows them without asking again.
  const comparison = useQuery({ ...procedureQuery("metrics.comparison", { departmentCode: dept.code, ...periodChoiceInput(choice) }), staleTime: 60_000 });
  const organisations = useQuery({ ...procedureQuery("organisations.list", undefined), staleTime: 300_000 });
  usePageTitle(`Compare bodies, ${periodChoiceLabel(choice)}`);

  return (
    <>
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Compare bodies</h1>
      <PeriodChooser dept={dept} choice={choice} />
      <QueryBoundary queries={[comparison, organisations]} problem={(error) => <ErrorSummary titleText="There is a problem" descriptionText={errorMessage(error)} />}>
        {(answer, all) => <Comparison dept={dept} choice={choice} answer={answer} organisations={all} />}
      </QueryBoundary>
    </>
  );
}

function PeriodChooser({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  const latest = useLatestQuarter(dept.code);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current = periodChoiceToAddress(choice);
  if (!latest) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = String(new FormData(event.currentTarget).get("period") ?? current);
    const search = params.toString();
    void navigate(`/${dept.code}/compare/${address}${search ? `?${search}` : ""}`);
  };
  return (
    <form className="app-compare__period" onSubmit={onSubmit} key={current}>
      <Select id="period" name="period" label={{ text: "Period" }} items={periodOptions(latest, choice).map((o) => ({ value: o.address, text: o.text }))} defaultValue={current} />
      <Button text="Show period" classes="govuk-button--secondary" type="submit" />
    </form>
  );
}

/** What the address may name: the answer's measures, the body types among its rows, and the table's columns. */
type ViewShape = Parameters<typeof readView>[1];

function Comparison({ dept, choice, answer, organisations }: { dept: Organisation; choice: PeriodChoice; answer: ComparisonAnswer; organisations: readonly { code: string; bodyType: string }[] }) {
  const [params, setParams] = useSearchParams();
  const measureIds = useMemo(() => answer.measures.map((m) => m.id), [answer]);
  const bodyTypeOf = useMemo(() => new Map(organisations.map((o) => [o.code, o.bodyType])), [organisations]);
  const types = useMemo(() => [...new Set(answer.rows.map((r) => bodyTypeOf.get(r.organisationCode) ?? "other"))].sort(), [answer, bodyTypeOf]);
  const shape = useMemo<ViewShape>(() => ({ measures: measureIds, types, columns: ["name", "type", ...measureIds] }), [measureIds, types]);
  const view = readView(params, shape);
  const measuresKey = view.measures.join(",");
  const rows = useMemo(() => compareRows(answer, bodyTypeOf, measuresKey.split(",")), [answer, bodyTypeOf, measuresKey]);
  const [sorting, setSorting] = useSortingFollowingAddress(params, shape);

  const columns = useMemo(() => compareColumns(answer.measures, view.counts, dept.code), [answer, view.counts, dept.code]);
  const typesKey = view.types.join("|");
  const columnFilters = useMemo(() => (typesKey ? [{ id: "type", value: typesKey.split("|") }] : []), [typesKey]);
  const columnVisibility = useMemo(() => Object.fromEntries(measureIds.map((id) => [id, measuresKey.split(",").includes(id)])), [measureIds, measuresKey]);

  // Refs, so the form's handler stays the same function while the table is sorted (the form is memoised).
  const latest = useRef({ sorting, setParams });
  latest.current = { sorting, setParams };
  const table = useHouseTable({
    data: rows,
    columns,
    getRowId: (r) => r.code,
    state: { sorting, columnFilters, columnVisibility, rowPinning: pinned },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting);
      setSorting(next);
      const sort = next[0] ? { id: next[0].id, desc: next[0].desc } : null;
      // The address after the new order is drawn: updating it costs time the click should not wait for.
      const search = writeView({ ...readView(params, shape), sort });
      setTimeout(() => latest.current.setParams(search, { replace: true }), 0);
    },
  });
  const { problem, apply, resultsHeading } = useApplyChoices(latest);

  const download = () => {
    const address = periodChoiceToAddress(choice);
    const { rowCodes, measureIds: shownMeasures } = shownInTable(table);
    downloadCsv(`compare-bodies-${dept.code}-${address}.csv`, toCsv(tidyCsvRows(compareTidyRows(answer, choice, dept, rowCodes, shownMeasures))));
  };
  usePageTitle(`Compare bodies, ${periodChoiceLabel(choice)}`, problem !== null);

  if (answer.rows.length === 0) {
    return <p className="govuk-body">No body has sent a return that counts for {answer.label} yet: a return counts once the body’s senior accountable officer has approved it.</p>;
  }
  return (
    <>
      {problem ? <ErrorSummary errorList={[{ text: problem, href: `#measures-${measureIds[0]}` }]} /> : null}
      <ReturnsCounted answer={answer} />
      <ChoicesForm types={types} measures={answer.measures} chosenTypes={typesKey} chosenMeasures={measuresKey} counts={view.counts} problem={problem} onApply={apply} />
      <h2 className="govuk-heading-m" id="results-heading" tabIndex={-1} ref={resultsHeading}>
        Bodies compared, {answer.label}
      </h2>
      <BodiesShown shown={table.getCenterRows().length} of={answer.rows.length} types={view.types} />
      <ComparisonTable table={table} caption={`Bodies of ${dept.name}, ${answer.label}`} counts={view.counts} measureCount={view.measures.length} />
      <Button text="Download this table as CSV" classes="govuk-button--secondary" type="button" onClick={download} />
    </>
  );
}

/**
 * The table's order. It is the page's own state first, so a click re-renders at once; the address
 * follows (react-router updates the location in a transition, which would delay the new order).
 */
function useSortingFollowingAddress(params: URLSearchParams, shape: ViewShape): [SortingState, Dispatch<SetStateAction<SortingState>>] {
  const sortParam = params.get("sort") ?? "";
  const [sorting, setSorting] = useState<SortingState>(() => {
    const sort = readView(params, shape).sort;
    return sort ? [sort] : [];
  });
  const navigationType = useNavigationType();
  useEffect(() => {
    // Back and forward: the address wins. Our own updates of it (a sort, Apply) follow the page's state, so they are left alone:
    // adopting them could bring back an order the person has already changed.
    if (navigationType !== "POP") return;
    const fromAddress = readView(new URLSearchParams({ sort: sortParam }), shape).sort;
    setSorting((now) => (JSON.stringify(now[0] ?? null) === JSON.stringify(fromAddress) ? now : fromAddress ? [fromAddress] : []));
  }, [navigationType, sortParam, shape]);
  return [sorting, setSorting];
}

/** "Apply" in the choices form: the chosen view into the address with the current order, or the problem when no measure is ticked. */
function useApplyChoices(latest: RefObject<{ sorting: SortingState; setParams: SetURLSearchParams }>) {
  const [problem, setProblem] = useState<string | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const apply = useCallback(
    (chosen: Choice | null) => {
      if (!chosen) {
        setProblem("Choose at least one measure to show");
        return;
      }
      setProblem(null);
      latest.current.setParams(writeView({ sort: latest.current.sorting[0] ?? null, ...chosen }));
      // The results are what Apply changed: take a screen reader there, as the filter pattern does.
      resultsHeading.current?.focus();
    },
    [latest],
  );
  return { problem, apply, resultsHeading };
}

/** How many of the bodies expected sent a return that counts, and which did not. */
function ReturnsCounted({ answer }: { answer: ComparisonAnswer }) {
  return (
    <>
      <p className="govuk-body">
        {answer.bodies.included} of {answer.bodies.expected} bodies expected for {answer.label} sent a return that counts: approved by the body’s senior accountable officer, or accepted by the department.
        {answer.benchmark.provisional ? " Figures marked provisional are not yet all accepted by the department." : ""}
      </p>
      {answer.missing.length > 0 ? (
        <Details summaryText={`${answer.missing.length} ${answer.missing.length === 1 ? "body has" : "bodies have"} no return that counts`}>
          <ul className="govuk-list govuk-list--bullet">
            {answer.missing.map((m) => (
              <li key={m.organisationCode}>{m.name}</li>
            ))}
          </ul>
        </Details>
      ) : null}
    </>
  );
}

/** Above the table: how many bodies the filter shows, and how to read the figures. */
function BodiesShown({ shown, of, types }: { shown: number; of: number; types: readonly string[] }) {
  return (
    <>
      <p className="govuk-body">
        Showing {shown} of {of} bodies{types.length > 0 ? `: ${types.map(bodyTypeText).join(", ").toLowerCase()} only` : ""}. The first row is the department figure: every body’s counted returns added together, then the ratio taken.
      </p>
      <p className="govuk-body">
        Under each figure are its 95% confidence interval and how it compares with the department figure: similar when the interval includes the department figure, otherwise higher or lower, and better or worse where a direction is better.
      </p>
    </>
  );
}
