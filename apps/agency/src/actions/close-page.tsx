import { Input, WarningText } from "@complaints/ui";
import { formatDate } from "@complaints/domain";
import { useState } from "react";
import { Link } from "react-router";
import { api, NoAccessPage, usePageTitle } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import { emptyDate, type DateParts } from "@complaints/domain";
import { PlanChangeForm } from "./plan-change-form.tsx";
import { DateField, inlineError, LongTextField } from "./plan-form.tsx";
import { WithPlan } from "./plan-page.tsx";
import type { PlanView } from "./plan-values.ts";
import { readDates, useVersionedForm } from "./versioned-form.ts";

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

  function onSubmit() {
    const dates = readDates({
      completedDate: { parts: completedDate, label: "the date the action was completed" },
      verifiedDate: { parts: verifiedDate, label: "the date completion was verified" },
    });
    void form.submit({ ...dates.iso, verifiedBy, verificationNote }, dates.local);
  }

  return (
    <PlanChangeForm
      plan={plan}
      form={form}
      title="Close this action"
      intro="Record when the action was completed and how someone checked that it was."
      button={{ text: "Close action", busyText: "Closing the action…" }}
      onSubmit={onSubmit}
    >
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
      <LongTextField
        id="verificationNote"
        label="How was it verified?"
        hint="For example, checked a sample of cases handled since the change."
        rows={4}
        value={verificationNote}
        onChange={setVerificationNote}
        errors={form.errors}
      />
      <WarningText text="Once closed, the action cannot be reopened. You can still change its details, such as the impact result." />
    </PlanChangeForm>
  );
}
