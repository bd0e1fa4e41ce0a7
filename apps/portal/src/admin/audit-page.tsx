import { useQuery } from "@tanstack/react-query";
import { api, errorMessage, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { formatDateTime, isoToParts, partsToIso, type DateParts } from "@complaints/domain";
import { BackLink, Button, ErrorSummary, Input, Link, Pagination, Select, Table } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { downloadCsv, toCsv } from "../app/csv.ts";
import { ScrollRegion } from "./scroll-region.tsx";
import { adminAddress } from "./admin-route.tsx";
import { DateField, dateHref } from "./date-field.tsx";

type AuditPageData = QueryOutput<"audit.list">;

/** The filters the address holds (`?organisation=…&person=…&return=…&kind=…&from=…&to=…&page=2`), as the API takes them. */
function filterOf(params: URLSearchParams, departmentCode: string) {
  const get = (name: string) => params.get(name) || undefined;
  return { departmentCode, organisationCode: get("organisation"), actor: get("person"), returnId: get("return"), action: get("kind"), from: get("from"), to: get("to") };
}

/**
 * `/portal/{DEPT}/admin/audit`: the department's append-only audit log, newest first, 50 a page,
 * filtered by organisation, person, return, kind and dates, and downloadable as CSV.
 */
export function AuditPage({ dept }: { dept: Organisation }) {
  const [params] = useSearchParams();
  const filter = filterOf(params, dept.code);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const log = useQuery(procedureQuery("audit.list", { ...filter, page }));
  const organisations = useQuery(procedureQuery("organisations.list", undefined));
  const [problems, setProblems] = useState<{ text: string; href?: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = (list: { text: string; href?: string }[]) => (setProblems(list), setAttempt((n) => n + 1));
  usePageTitle("Audit log", problems.length > 0);
  return (
    <>
      <BackLink href={adminAddress.home(dept.code)} text="Back to administration" />
      {problems.length > 0 ? <ErrorSummary key={attempt} titleText="There is a problem" errorList={problems} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every change made in the service to the department and its bodies: who made it, when, what changed and why. Entries are never changed or removed.</p>
      {/*
        Failed email jobs: the failures of the email job table (reminders, notifications,
        invitations that could not be sent after their retries) are listed here, above the log, for
        the department's administrators.
      */}
      <QueryBoundary queries={[organisations, log]} problem={(error) => <ErrorSummary titleText="There is a problem" errorList={[{ text: errorMessage(error) }]} />}>
        {(orgs, data) => (
          <>
            <FilterForm key={params.toString()} params={params} organisations={orgs} actions={data.actions} onProblem={fail} onClear={() => setProblems([])} />
            <Entries dept={dept.code} data={data} params={params} onDownloadProblem={(text) => fail([{ text }])} filter={filter} />
          </>
        )}
      </QueryBoundary>
    </>
  );
}

function FilterForm(props: { params: URLSearchParams; organisations: readonly Organisation[]; actions: string[]; onProblem: (list: { text: string; href: string }[]) => void; onClear: () => void }) {
  const { params } = props;
  const [, setParams] = useSearchParams();
  const [from, setFrom] = useState<DateParts>(isoToParts(params.get("from")));
  const [to, setTo] = useState<DateParts>(isoToParts(params.get("to")));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dates = { from: partsToIso(from, "the ‘from’ date"), to: partsToIso(to, "the ‘to’ date") };
    const blank = (d: DateParts) => !d.day.trim() && !d.month.trim() && !d.year.trim();
    const problems = (["from", "to"] as const).filter((k) => !blank(k === "from" ? from : to) && dates[k].problem).map((k) => ({ text: dates[k].problem!, href: dateHref(k) }));
    if (problems.length > 0) return props.onProblem(problems);
    props.onClear();
    const next = new URLSearchParams();
    for (const name of ["organisation", "person", "return", "kind"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) next.set(name, value);
    }
    if (!blank(from)) next.set("from", dates.from.iso);
    if (!blank(to)) next.set("to", dates.to.iso);
    setParams(next);
  }
  return (
    <form noValidate onSubmit={submit} aria-labelledby="filter-heading">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter the log
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select id="organisation" name="organisation" label={{ text: "Organisation", classes: "govuk-label--s" }} value={params.get("organisation") ?? ""} items={[{ value: "", text: "All organisations" }, ...props.organisations.map((o) => ({ value: o.code, text: `${o.name} (${o.code})` }))]} classes="govuk-!-width-full" />
          <Select id="kind" name="kind" label={{ text: "Kind of change", classes: "govuk-label--s" }} value={params.get("kind") ?? ""} items={[{ value: "", text: "All kinds" }, ...props.actions.map((a) => ({ value: a, text: a }))]} classes="govuk-!-width-full" />
          <Input id="person" name="person" type="email" label={{ text: "Person", classes: "govuk-label--s" }} hint={{ text: "Their email address, or cli for the command line." }} defaultValue={params.get("person") ?? ""} spellCheck={false} autoComplete="off" />
          <Input id="return" name="return" label={{ text: "Return", classes: "govuk-label--s" }} hint={{ text: "The return's reference, as shown in an entry of the log." }} defaultValue={params.get("return") ?? ""} spellCheck={false} autoComplete="off" />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateField id="from" legend="From" hint="For example, 1 4 2026" value={from} onChange={setFrom} error={undefined} />
          <DateField id="to" legend="To" hint="Included. For example, 30 6 2026" value={to} onChange={setTo} error={undefined} />
        </div>
      </div>
      <div className="app-filter-actions">
        <Button text="Apply filters" />
        {params.toString() ? (
          <p className="govuk-body">
            <Link className="govuk-link" href="?">
              Clear filters
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Entries(props: { dept: string; data: AuditPageData; params: URLSearchParams; filter: ReturnType<typeof filterOf>; onDownloadProblem: (text: string) => void }) {
  const { data, params } = props;
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const file = await api.audit.download.query(props.filter);
      downloadCsv(`audit-log-${props.dept}.csv`, toCsv([file.header, ...file.rows]));
    } catch (error) {
      props.onDownloadProblem(`The log could not be downloaded. ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }
  const pageHref = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return adminAddress.audit(props.dept, `?${next.toString()}`);
  };
  return (
    <section aria-labelledby="entries-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="entries-heading">
        {data.total.toLocaleString("en-GB")} {data.total === 1 ? "entry" : "entries"}
        {data.pages > 1 ? `, page ${data.page} of ${data.pages}` : ""}
      </h2>
      <Button type="button" text={busy ? "Preparing the file…" : "Download as CSV"} classes="govuk-button--secondary" disabled={busy || data.total === 0} onClick={() => void download()} />
      {data.entries.length === 0 ? <p className="govuk-body">No entries match these filters.</p> : <EntriesTable data={data} />}
      {data.pages > 1 ? <Pagination current={data.page} pages={data.pages} href={pageHref} label="Audit log pages" /> : null}
    </section>
  );
}

function EntriesTable({ data }: { data: AuditPageData }) {
  return (
    <ScrollRegion label="Audit log entries">
    <Table
      caption="Audit log entries, newest first"
      captionClasses="govuk-visually-hidden"
      classes="app-audit-table"
      head={[{ text: "When" }, { text: "Who" }, { text: "What" }, { text: "Organisation" }, { text: "Changes" }, { text: "Reason" }]}
      rows={data.entries.map((e) => [
        { text: formatDateTime(e.at) },
        { text: e.actor },
        { children: <>{e.action}<br /><span className="govuk-hint govuk-!-font-size-16">{e.entityType} {e.entityId}</span></> },
        { text: e.organisationCode ?? "" },
        { children: <ul className="govuk-list govuk-!-font-size-16">{e.changesText.split("\n").filter(Boolean).map((line, i) => <li key={i}>{line}</li>)}</ul> },
        { text: e.reason ?? "" },
      ])}
    />
    </ScrollRegion>
  );
}
