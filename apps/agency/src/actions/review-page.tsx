import { useState } from "react";
import { api, NoAccessPage } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import { emptyDate, type DateParts } from "@complaints/domain";
import { PlanChangeForm } from "./plan-change-form.tsx";
import { DateField, LongTextField } from "./plan-form.tsx";
import { WithPlan } from "./plan-page.tsx";
import type { PlanView } from "./plan-values.ts";
import { readDates, useVersionedForm } from "./versioned-form.ts";

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

  function onSubmit() {
    const dates = readDates({ date: { parts: date, label: "the date of the review" } });
    void form.submit({ ...dates.iso, note }, dates.local);
  }

  return (
    <PlanChangeForm plan={plan} form={form} title="Add a review" button={{ text: "Add review", busyText: "Adding the review…" }} onSubmit={onSubmit}>
      <DateField id="date" legend="When was the review?" hint="For example, 27 11 2026" value={date} onChange={setDate} errors={form.errors} />
      <LongTextField id="note" label="Progress" hint="What has been done since the last review, what is next, and anything holding it up." rows={5} value={note} onChange={setNote} errors={form.errors} />
    </PlanChangeForm>
  );
}
