import { useQuery } from "@tanstack/react-query";
import { api, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { bankHolidayRegionLabels, emptyDate, formatDate, formatDateTime, formatPeriodLabel, partsToIso, requirePeriod, type DateParts } from "@complaints/domain";
import { BackLink, Button, CharacterCount, ErrorSummary, NotificationBanner, Panel, Select, Table, WarningText } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { ScrollRegion } from "./scroll-region.tsx";
import { adminAddress } from "./admin-route.tsx";
import { DateField, dateHref } from "./date-field.tsx";
import { fieldError, useAdminAction } from "./use-admin-action.ts";

type Preview = QueryOutput<"windows.preview">;
type Window = QueryOutput<"windows.list">[number];

/** Each expected body's due date for a quarter, in its nation. */
export function DueDatesTable({ bodies, reasons = new Map() }: { bodies: Preview["bodies"]; reasons?: ReadonlyMap<string, string> }) {
  return (
    <ScrollRegion label="Due dates">
    <Table
      caption="Due date of each body expected to report"
      captionClasses="govuk-visually-hidden"
      firstCellIsHeader
      head={[{ text: "Body" }, { text: "Nation for bank holidays" }, { text: "Due date" }]}
      rows={bodies.map((b) => [{ text: b.name }, { text: bankHolidayRegionLabels[b.region] }, { text: `${formatDate(b.dueDate)}${b.extended ? ` (extended: ${reasons.get(b.code) ?? ""})` : ""}` }])}
    />
    </ScrollRegion>
  );
}

/** `/portal/{DEPT}/admin/windows/{PERIOD}`: one quarter's window: each body's due date, giving one body more time, closing it. */
export function WindowPage({ dept, period }: { dept: Organisation; period: string }) {
  const windows = useQuery(procedureQuery("windows.list", { openOnly: false }));
  const window = windows.data?.find((w) => w.departmentCode === dept.code && w.period === period);
  const preview = useQuery({ ...procedureQuery("windows.preview", { departmentCode: dept.code, period, dueDate: window?.dueDateIsDefault === false ? window.dueDate : null }), enabled: window !== undefined });
  const action = useAdminAction();
  const [step, setStep] = useState<"view" | "confirmClose" | "closed">("view");
  const [done, setDone] = useState<string | null>(null);
  const label = formatPeriodLabel(requirePeriod(period));
  usePageTitle(step === "confirmClose" ? `Are you sure you want to close the window for ${label}?` : step === "closed" ? `Window for ${label} closed` : `Reporting window: ${label}`, action.errors.length > 0);
  if (step === "closed") return <Panel titleText={`The reporting window for ${label} is closed`} text="Returns already started can still be finished and sent, late." />;
  return (
    <>
      <BackLink href={adminAddress.windows(dept.code)} text="Back to reporting windows" />
      {action.errors.length > 0 ? <ErrorSummary key={action.attempt} titleText="There is a problem" errorList={action.errors} /> : null}
      {done ? <NotificationBanner key={done} type="success" text={done} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <QueryBoundary queries={[windows]}>
        {(all: Window[]) => {
          const shown = all.find((w) => w.departmentCode === dept.code && w.period === period);
          return !shown ? (
            <>
              <h1 className="govuk-heading-l">Reporting window: {label}</h1>
              <p className="govuk-body">The reporting window for this quarter has not been opened.</p>
            </>
          ) : step === "confirmClose" ? (
            <ConfirmClose dept={dept.code} window={shown} action={action} onCancel={() => setStep("view")} onClosed={() => setStep("closed")} />
          ) : (
            <>
              <h1 className="govuk-heading-l">Reporting window: {label}</h1>
              <p className="govuk-body">
                Opened {formatDateTime(shown.openedAt)}. {shown.open ? "Open: bodies can start returns for this quarter." : `Closed ${formatDateTime(shown.closedAt!)}.`}
              </p>
              <QueryBoundary queries={[preview]} what="The due dates">
                {(p) => <DueDatesTable bodies={p.bodies} reasons={new Map(shown.extensions.map((e) => [e.organisationCode, e.reason]))} />}
              </QueryBoundary>
              {preview.data ? <ExtendForm dept={dept.code} window={shown} bodies={preview.data.bodies} action={action} onDone={setDone} /> : null}
              {shown.open ? (
                <>
                  <h2 className="govuk-heading-m govuk-!-margin-top-8">Close the window</h2>
                  <p className="govuk-body">No new returns can be started for {label} once it is closed.</p>
                  <Button type="button" text="Close window" classes="govuk-button--warning" onClick={() => setStep("confirmClose")} />
                </>
              ) : null}
            </>
          );
        }}
      </QueryBoundary>
    </>
  );
}

function ExtendForm(props: { dept: string; window: Window; bodies: Preview["bodies"]; action: ReturnType<typeof useAdminAction>; onDone: (message: string) => void }) {
  const { dept, window, bodies, action } = props;
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [reason, setReason] = useState("");
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const organisationCode = String(new FormData(event.currentTarget).get("organisationCode"));
    const parsed = partsToIso(date, "the new due date");
    const local = [parsed.problem && { text: parsed.problem, href: dateHref("dueDate") }, !reason.trim() && { text: "Enter why the due date is being extended", href: "#reason" }].filter((e) => e !== false && e !== null && e !== "");
    if (local.length > 0) return action.fail(local as { text: string; href: string }[]);
    const done = await action.run(() => api.windows.extend.mutate({ departmentCode: dept, period: window.period, organisationCode, dueDate: parsed.iso, reason }), ["reason"]);
    if (done) {
      props.onDone(`${done.name} now has until ${formatDate(done.dueDate)} for ${done.periodLabel}.`);
      setDate(emptyDate);
      setReason("");
    }
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="extend-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="extend-heading">
        Give one body more time
      </h2>
      <Select id="organisationCode" name="organisationCode" classes="govuk-!-width-full" label={{ text: "Body", classes: "govuk-label--s" }} items={bodies.map((b) => ({ value: b.code, text: `${b.name} (due ${formatDate(b.dueDate)})` }))} />
      <DateField id="dueDate" legend="New due date" hint="After the body's current due date. For example, 15 8 2026" value={date} onChange={setDate} error={fieldError(action.errors, "dueDate-day")} />
      <CharacterCount id="reason" name="reason" label={{ text: "Reason", classes: "govuk-label--s" }} hint={{ text: "Recorded in the audit log and shown beside the due date." }} maxlength={2000} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} errorMessage={fieldError(action.errors, "reason")} />
      <Button text="Extend due date" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
    </form>
  );
}

function ConfirmClose(props: { dept: string; window: Window; action: ReturnType<typeof useAdminAction>; onCancel: () => void; onClosed: () => void }) {
  const { dept, window, action } = props;
  async function close() {
    if (await action.run(() => api.windows.close.mutate({ departmentCode: dept, period: window.period }))) props.onClosed();
  }
  return (
    <>
      <h1 className="govuk-heading-l">Are you sure you want to close the window for {window.periodLabel}?</h1>
      <WarningText text="No new returns can be started for this quarter once it is closed. Returns already started can still be finished and sent, late." />
      <div className="govuk-button-group">
        <Button type="button" text={action.busy ? "Closing…" : "Close window"} classes="govuk-button--warning" disabled={action.busy} preventDoubleClick onClick={() => void close()} />
        <Button type="button" text="Cancel" classes="govuk-button--secondary" onClick={props.onCancel} />
      </div>
    </>
  );
}
