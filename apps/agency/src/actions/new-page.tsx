import { BackLink, Button, ErrorSummary } from "@complaints/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, errorMessage, NoAccessPage, usePageTitle } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import type { FieldError } from "./form-errors.ts";
import { PlanFields } from "./plan-form.tsx";
import { emptyPlanValues, type PlanFormValues } from "./plan-values.ts";
import { planChanged } from "./queries.ts";
import { submitPlan } from "./submit-plan.ts";

/** `/agency/{ORG}/actions/new`: add a learning action plan (the body's own people only). */
export function NewActionPage({ org, canEdit }: ActionsViewer) {
  if (!canEdit) return <NoAccessPage />;
  return <NewActionForm org={org} />;
}

function NewActionForm({ org }: { org: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState<PlanFormValues>(emptyPlanValues);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  usePageTitle("Add an action", errors.length > 0 || problem !== null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await submitPlan(values, (input) => api.actions.create.mutate({ organisationCode: org, ...input }));
    setBusy(false);
    if ("saved" in outcome) {
      await planChanged(client, outcome.saved);
      void navigate(`/${org}/actions/${outcome.saved.id}`, { state: { done: "Action added" } });
      return;
    }
    // Everything typed stays in the form; only the messages change.
    setErrors("errors" in outcome ? outcome.errors : []);
    setProblem("failed" in outcome ? errorMessage(outcome.failed) : null);
    setAttempt((n) => n + 1);
  }

  return (
    <>
      <BackLink href={`/${org}/actions`} text="Back to action plans" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors.length > 0 || problem ? (
            <ErrorSummary key={attempt} titleText="There is a problem" errorList={[...(problem ? [{ text: problem }] : []), ...errors.map((e) => ({ href: e.href, text: e.message }))]} />
          ) : null}
          <h1 className="govuk-heading-l">Add an action</h1>
          <p className="govuk-body">A learning action plan: what went wrong, what you will do about it, who is responsible and by when, and how you will know it worked.</p>
          <form noValidate onSubmit={(e) => void onSubmit(e)}>
            <PlanFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} />
            <Button text={busy ? "Adding the action…" : "Add action"} disabled={busy} preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
