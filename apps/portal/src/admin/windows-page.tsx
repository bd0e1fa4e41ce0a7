import { useQuery } from "@tanstack/react-query";
import { api, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { emptyDate, formatDate, formatPeriodCode, formatPeriodLabel, partsToIso, periodContaining, periodFromIndex, periodIndex, periodToAddress, requirePeriod, ukDateOf, type DateParts } from "@complaints/domain";
import { BackLink, Button, ErrorSummary, Link, NotificationBanner, Radios, Select, Table, Tag } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { ScrollRegion } from "./scroll-region.tsx";
import { adminAddress } from "./admin-route.tsx";
import { DateField, dateHref } from "./date-field.tsx";
import { fieldError, useAdminAction } from "./use-admin-action.ts";
import { DueDatesTable } from "./window-page.tsx";

type Windows = QueryOutput<"windows.list">;

export const windowAddress = (dept: string, period: string) => `/portal/${dept}/admin/windows/${periodToAddress(period)}`;

/** `/portal/{DEPT}/admin/windows`: the department's reporting windows, and opening a quarter (its due dates shown before saving). */
export function WindowsPage({ dept }: { dept: Organisation }) {
  const windows = useQuery(procedureQuery("windows.list", { openOnly: false }));
  const action = useAdminAction();
  const [preview, setPreview] = useState<{ period: string; dueDate: string | null } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  usePageTitle(preview ? `Check the due dates for ${formatPeriodLabel(requirePeriod(preview.period))}` : "Reporting windows", action.errors.length > 0);
  const own = (windows.data ?? []).filter((w) => w.departmentCode === dept.code);
  return (
    <>
      <BackLink href={adminAddress.home(dept.code)} text="Back to administration" />
      {action.errors.length > 0 ? <ErrorSummary key={action.attempt} titleText="There is a problem" errorList={action.errors} /> : null}
      {opened ? <NotificationBanner type="success" text={opened} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      {preview ? (
        <OpenPreview
          dept={dept.code}
          choice={preview}
          action={action}
          onBack={() => setPreview(null)}
          onOpened={(label) => {
            setPreview(null);
            setOpened(`The reporting window for ${label} is open.`);
          }}
        />
      ) : (
        <>
          <h1 className="govuk-heading-l">Reporting windows</h1>
          <QueryBoundary queries={[windows]}>{(all: Windows) => <WindowsTable dept={dept.code} windows={all.filter((w) => w.departmentCode === dept.code)} />}</QueryBoundary>
          <OpenForm windows={own} action={action} onContinue={setPreview} />
        </>
      )}
    </>
  );
}

function WindowsTable({ dept, windows }: { dept: string; windows: Windows }) {
  if (windows.length === 0) return <p className="govuk-body">No reporting window has been opened yet.</p>;
  return (
    <ScrollRegion label="Reporting windows">
    <Table
      caption="Reporting windows, latest first"
      captionClasses="govuk-visually-hidden"
      firstCellIsHeader
      head={[{ text: "Quarter" }, { text: "Due date" }, { text: "Bodies given more time" }, { text: "Status" }]}
      rows={windows.map((w) => [
        { children: <Link className="govuk-link" href={windowAddress(dept, w.period)}>{w.periodLabel}</Link> },
        { text: w.dueDateIsDefault ? "20 working days after the quarter, in each body's nation" : formatDate(w.dueDate) },
        { text: String(w.extensions.length), format: "numeric" },
        { children: w.open ? <Tag text="Open" classes="govuk-tag--green" /> : <Tag text="Closed" classes="govuk-tag--grey" /> },
      ])}
    />
    </ScrollRegion>
  );
}

/** The quarters worth offering: from a year before today's to the next, newest first. */
function quarterChoices(): string[] {
  const now = periodIndex(periodContaining(ukDateOf(new Date())));
  return Array.from({ length: 6 }, (_, i) => formatPeriodCode(periodFromIndex(now + 1 - i)));
}

function OpenForm({ windows, action, onContinue }: { windows: Windows; action: ReturnType<typeof useAdminAction>; onContinue: (choice: { period: string; dueDate: string | null }) => void }) {
  const [kind, setKind] = useState("default");
  const [date, setDate] = useState<DateParts>(emptyDate);
  const opened = new Map(windows.map((w) => [w.period, w]));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const period = String(new FormData(event.currentTarget).get("period"));
    if (kind === "default") return onContinue({ period, dueDate: null });
    const parsed = partsToIso(date, "the due date");
    if (parsed.problem) return action.fail([{ text: parsed.problem, href: dateHref("dueDate") }]);
    onContinue({ period, dueDate: parsed.iso });
  }
  return (
    <form noValidate onSubmit={submit} aria-labelledby="open-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="open-heading">
        Open a quarter
      </h2>
      <Select
        id="period"
        name="period"
        classes="govuk-!-width-full"
        label={{ text: "Quarter", classes: "govuk-label--s" }}
        hint={{ text: "Opening a quarter already opened changes its due date and opens it again if it was closed." }}
        items={quarterChoices().map((p) => ({ value: p, text: `${formatPeriodLabel(requirePeriod(p))}${opened.has(p) ? (opened.get(p)!.open ? " (open)" : " (closed)") : ""}` }))}
      />
      <Radios
        name="dueDateKind"
        idPrefix="dueDateKind"
        fieldset={{ legend: { text: "Due date", classes: "govuk-fieldset__legend--s" } }}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        items={[
          { value: "default", text: "20 working days after the quarter ends", hint: { text: "Counted in each body's nation, without its bank holidays." } },
          {
            value: "date",
            text: "The same date for every body",
            conditional: { children: <DateField id="dueDate" legend="Due date" hint="After the quarter ends. For example, 28 7 2026" value={date} onChange={setDate} error={fieldError(action.errors, "dueDate-day")} /> },
          },
        ]}
      />
      <Button text="Continue" />
    </form>
  );
}

function OpenPreview(props: { dept: string; choice: { period: string; dueDate: string | null }; action: ReturnType<typeof useAdminAction>; onBack: () => void; onOpened: (label: string) => void }) {
  const { dept, choice, action } = props;
  const preview = useQuery(procedureQuery("windows.preview", { departmentCode: dept, ...choice }));
  const label = formatPeriodLabel(requirePeriod(choice.period));
  async function open() {
    if (await action.run(() => api.windows.open.mutate({ departmentCode: dept, ...choice }))) props.onOpened(label);
  }
  return (
    <>
      <h1 className="govuk-heading-l">Check the due dates for {label}</h1>
      <QueryBoundary queries={[preview]} what="The due dates">
        {(p) => (
          <>
            <p className="govuk-body">
              {p.bodies.length} {p.bodies.length === 1 ? "body is" : "bodies are"} expected to report for {label}, which ends on {formatDate(p.quarterEnds)}.
            </p>
            <DueDatesTable bodies={p.bodies} />
            <div className="govuk-button-group">
              <Button type="button" text={p.existing ? "Save window" : "Open window"} disabled={action.busy} preventDoubleClick onClick={() => void open()} />
              <Button type="button" text="Change" classes="govuk-button--secondary" onClick={props.onBack} />
            </div>
          </>
        )}
      </QueryBoundary>
    </>
  );
}
