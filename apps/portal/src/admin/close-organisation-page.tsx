import { useQuery } from "@tanstack/react-query";
import { api, procedureQuery, QueryBoundary, usePageTitle, type Organisation } from "@complaints/client";
import { closingQuarters, emptyDate, formatDate, partsToIso, type DateParts } from "@complaints/domain";
import { BackLink, Button, CharacterCount, ErrorSummary, Link, Panel, SummaryList, WarningText } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { adminAddress } from "./admin-route.tsx";
import { DateField, dateHref } from "./date-field.tsx";
import { fieldError, useAdminAction } from "./use-admin-action.ts";

type Step = { kind: "form" } | { kind: "confirm"; activeTo: string; reason: string } | { kind: "done"; activeTo: string };

/**
 * `/portal/{DEPT}/admin/organisations/{ORG}/close`: the date a body closes and why, then a
 * confirmation naming the last quarter it is expected for, then the result.
 */
export function CloseOrganisationPage({ dept, org }: { dept: Organisation; org: string }) {
  const body = useQuery(procedureQuery("organisations.get", { code: org }));
  const [step, setStep] = useState<Step>({ kind: "form" });
  const action = useAdminAction();
  const name = body.data?.name ?? org;
  usePageTitle(step.kind === "done" ? `${name} closed` : step.kind === "confirm" ? `Are you sure you want to close ${name}?` : `Close ${name}`, action.errors.length > 0);
  return (
    <QueryBoundary queries={[body]}>
      {(b) => {
        if (step.kind === "done") return <Closed dept={dept.code} body={b} activeTo={step.activeTo} />;
        if (b.activeTo) return <AlreadyClosed dept={dept.code} body={b} />;
        return (
          <>
            {step.kind === "form" ? <BackLink href={adminAddress.organisation(dept.code, b.code)} text="Back" /> : null}
            {action.errors.length > 0 ? <ErrorSummary key={action.attempt} titleText="There is a problem" errorList={action.errors} /> : null}
            {step.kind === "form" ? (
              <CloseForm body={b} action={action} onContinue={(activeTo, reason) => setStep({ kind: "confirm", activeTo, reason })} />
            ) : (
              <Confirm dept={dept.code} body={b} activeTo={step.activeTo} reason={step.reason} action={action} onClosed={() => setStep({ kind: "done", activeTo: step.activeTo })} />
            )}
          </>
        );
      }}
    </QueryBoundary>
  );
}

function CloseForm({ body, action, onContinue }: { body: Organisation; action: ReturnType<typeof useAdminAction>; onContinue: (activeTo: string, reason: string) => void }) {
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [reason, setReason] = useState("");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = partsToIso(date, "the date it closes");
    const problem = parsed.problem ?? (parsed.iso < body.activeFrom ? `The date it closes must be on or after the date it started, ${formatDate(body.activeFrom)}` : null);
    if (problem) return action.fail([{ text: problem, href: dateHref("activeTo") }]);
    action.fail([]);
    onContinue(parsed.iso, reason.trim());
  }
  return (
    <>
      <span className="govuk-caption-l">{body.name}</span>
      <h1 className="govuk-heading-l">Close {body.name}</h1>
      <p className="govuk-body">A closed body is no longer expected to send returns from the quarter after it closes. Its returns, action plans and history stay.</p>
      <form noValidate onSubmit={submit}>
        <DateField id="activeTo" legend="When does it close?" hint="Its last return is for the quarter this date falls in. For example, 31 3 2027" value={date} onChange={setDate} error={fieldError(action.errors, "activeTo-day")} />
        <CharacterCount id="reason" name="reason" label={{ text: "Why is it closing? (optional)", classes: "govuk-label--s" }} hint={{ text: "For example, merged into another body. Recorded in the audit log." }} maxlength={2000} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        <Button text="Continue" />
      </form>
    </>
  );
}

function Confirm(props: { dept: string; body: Organisation; activeTo: string; reason: string; action: ReturnType<typeof useAdminAction>; onClosed: () => void }) {
  const { body, activeTo, reason, action } = props;
  const quarters = closingQuarters(activeTo);
  async function close() {
    if (await action.run(() => api.organisations.close.mutate({ code: body.code, activeTo, reason: reason || undefined }))) props.onClosed();
  }
  return (
    <>
      <span className="govuk-caption-l">{body.name}</span>
      <h1 className="govuk-heading-l">Are you sure you want to close {body.name}?</h1>
      <SummaryList
        rows={[
          { key: { text: "Closes on" }, value: { text: formatDate(activeTo) } },
          { key: { text: "Last return expected" }, value: { text: quarters.lastExpected } },
          { key: { text: "Not expected from" }, value: { text: quarters.firstNotExpected } },
          reason ? { key: { text: "Reason" }, value: { text: reason } } : null,
        ]}
      />
      <WarningText text="You cannot reopen a closed body from this page." />
      <div className="govuk-button-group">
        <Button type="button" text={action.busy ? "Closing…" : "Close body"} classes="govuk-button--warning" disabled={action.busy} preventDoubleClick onClick={() => void close()} />
        <Link className="govuk-link" href={adminAddress.organisation(props.dept, body.code)}>
          Cancel
        </Link>
      </div>
    </>
  );
}

function Closed({ dept, body, activeTo }: { dept: string; body: Organisation; activeTo: string }) {
  return (
    <>
      <Panel titleText={`${body.name} closed`} text={`Its last return is for ${closingQuarters(activeTo).lastExpected}.`} />
      <p className="govuk-body">
        <Link className="govuk-link" href={adminAddress.organisations(dept)}>
          Back to bodies
        </Link>
      </p>
    </>
  );
}

function AlreadyClosed({ dept, body }: { dept: string; body: Organisation }) {
  return (
    <>
      <h1 className="govuk-heading-l">{body.name} is already closed</h1>
      <p className="govuk-body">It closed on {formatDate(body.activeTo!)}.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={adminAddress.organisation(dept, body.code)}>
          Back to {body.name}
        </Link>
      </p>
    </>
  );
}
