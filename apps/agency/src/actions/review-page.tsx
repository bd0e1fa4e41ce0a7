import { BackLink, Button, CharacterCount, ErrorSummary } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { api, NoAccessPage, usePageTitle } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import { emptyDate, partsToIso, type DateParts } from "@complaints/domain";
import { DateField, inlineError } from "./plan-form.tsx";
import { planName, WithPlan } from "./plan-page.tsx";
import type { PlanView } from "./plan-values.ts";
import { useVersionedForm } from "./versioned-form.ts";

const order = ["date", "note"];

/** `/agency/{ORG}/actions/{ID}/review`: a review of progress, with its date and a note. */
export function ReviewPage({ org, canEdit, id }: ActionsViewer & { id: string }) {
  if (!canEdit) return <NoAccessPage />;
  return <WithPlan org={org} id={id}>{(plan) => <ReviewForm plan={plan} />}</WithPlan>;
}

function ReviewForm({ plan }: { plan: PlanView }) {
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [note, setNote] = useState("");
  const form = useVersionedForm<{ date: string; note: string }>(plan, { order, dateFields: ["date"], done: "Review added", send: (input) => api.actions.addReview.mutate(input) });
  usePageTitle("Add a review", form.hasErrors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = partsToIso(date, "the date of the review");
    void form.submit({ date: parsed.iso, note }, parsed.problem ? { date: parsed.problem } : {});
  }

  return (
    <>
      <BackLink href={`/${plan.organisationCode}/actions/${plan.id}`} text="Back to the action plan" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {form.hasErrors ? <ErrorSummary key={form.attempt} titleText="There is a problem" errorList={[...(form.problem ? [{ text: form.problem }] : []), ...form.errors.map((e) => ({ href: e.href, text: e.message }))]} /> : null}
          <span className="govuk-caption-l">{planName(plan)}</span>
          <h1 className="govuk-heading-l">Add a review</h1>
          <form noValidate onSubmit={onSubmit}>
            <DateField id="date" legend="When was the review?" hint="For example, 27 11 2026" value={date} onChange={setDate} errors={form.errors} />
            <CharacterCount
              id="note"
              name="note"
              label={{ text: "Progress", classes: "govuk-label--s" }}
              hint={{ text: "What has been done since the last review, what is next, and anything holding it up." }}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              errorMessage={inlineError(form.errors, "note")}
              maxlength={5000}
              threshold={75}
              rows={5}
            />
            <Button text={form.busy ? "Adding the review…" : "Add review"} disabled={form.busy} preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
