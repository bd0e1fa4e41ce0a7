import { BackLink, Button, CharacterCount, ErrorSummary, Input, WarningText } from "@complaints/ui";
import { formatDate } from "@complaints/domain";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, NoAccessPage, usePageTitle } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import { emptyDate, partsToIso, type DateParts } from "@complaints/domain";
import { DateField, inlineError } from "./plan-form.tsx";
import { planName, WithPlan } from "./plan-page.tsx";
import type { PlanView } from "./plan-values.ts";
import { useVersionedForm } from "./versioned-form.ts";

const order = ["completedDate", "verifiedBy", "verifiedDate", "verificationNote"];
const dateFields = ["completedDate", "verifiedDate"];

/** `/agency/{ORG}/actions/{ID}/close`: the completion date and its verification (who, when, how). */
export function ClosePage({ org, canEdit, id }: ActionsViewer & { id: string }) {
  if (!canEdit) return <NoAccessPage />;
  return <WithPlan org={org} id={id}>{(plan) => (plan.completedDate ? <AlreadyClosed plan={plan} /> : <CloseForm plan={plan} />)}</WithPlan>;
}

function AlreadyClosed({ plan }: { plan: PlanView }) {
  usePageTitle("This action is already closed");
  return (
    <>
      <h1 className="govuk-heading-l">This action is already closed</h1>
      <p className="govuk-body">It was completed on {formatDate(plan.completedDate!)}.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/${plan.organisationCode}/actions/${plan.id}`}>
          See the action plan
        </Link>
      </p>
    </>
  );
}

function CloseForm({ plan }: { plan: PlanView }) {
  const [completedDate, setCompletedDate] = useState<DateParts>(emptyDate);
  const [verifiedDate, setVerifiedDate] = useState<DateParts>(emptyDate);
  const [verifiedBy, setVerifiedBy] = useState("");
  const [verificationNote, setVerificationNote] = useState("");
  const form = useVersionedForm<{ completedDate: string; verifiedBy: string; verifiedDate: string; verificationNote: string }>(plan, {
    order,
    dateFields,
    done: "Action closed",
    send: (input) => api.actions.complete.mutate(input),
  });
  usePageTitle("Close this action", form.hasErrors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const completed = partsToIso(completedDate, "the date the action was completed");
    const verified = partsToIso(verifiedDate, "the date completion was verified");
    const local: Record<string, string> = {};
    if (completed.problem) local.completedDate = completed.problem;
    if (verified.problem) local.verifiedDate = verified.problem;
    void form.submit({ completedDate: completed.iso, verifiedBy, verifiedDate: verified.iso, verificationNote }, local);
  }

  return (
    <>
      <BackLink href={`/${plan.organisationCode}/actions/${plan.id}`} text="Back to the action plan" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {form.hasErrors ? <ErrorSummary key={form.attempt} titleText="There is a problem" errorList={[...(form.problem ? [{ text: form.problem }] : []), ...form.errors.map((e) => ({ href: e.href, text: e.message }))]} /> : null}
          <span className="govuk-caption-l">{planName(plan)}</span>
          <h1 className="govuk-heading-l">Close this action</h1>
          <p className="govuk-body">Record when the action was completed and how someone checked that it was.</p>
          <form noValidate onSubmit={onSubmit}>
            <DateField id="completedDate" legend="When was the action completed?" hint="For example, 27 11 2026" value={completedDate} onChange={setCompletedDate} errors={form.errors} />
            <Input
              id="verifiedBy"
              name="verifiedBy"
              label={{ text: "Who verified that it was completed", classes: "govuk-label--s" }}
              hint={{ text: "A person’s role or a team, such as Quality assurance team." }}
              value={verifiedBy}
              onChange={(e) => setVerifiedBy(e.target.value)}
              errorMessage={inlineError(form.errors, "verifiedBy")}
              classes="govuk-!-width-two-thirds"
            />
            <DateField id="verifiedDate" legend="When was it verified?" hint="On or after the date it was completed. For example, 30 11 2026" value={verifiedDate} onChange={setVerifiedDate} errors={form.errors} />
            <CharacterCount
              id="verificationNote"
              name="verificationNote"
              label={{ text: "How was it verified?", classes: "govuk-label--s" }}
              hint={{ text: "For example, checked a sample of cases handled since the change." }}
              value={verificationNote}
              onChange={(e) => setVerificationNote(e.target.value)}
              errorMessage={inlineError(form.errors, "verificationNote")}
              maxlength={5000}
              threshold={75}
              rows={4}
            />
            <WarningText text="Once closed, the action cannot be reopened. You can still change its details, such as the impact result." />
            <Button text={form.busy ? "Closing the action…" : "Close action"} disabled={form.busy} preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
