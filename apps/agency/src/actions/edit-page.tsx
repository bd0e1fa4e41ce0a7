import { BackLink, Button, ErrorSummary } from "@complaints/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { api, errorCode, errorMessage, NoAccessPage, usePageTitle } from "@complaints/client";
import type { ActionsViewer } from "./access.tsx";
import type { FieldError } from "./form-errors.ts";
import { PlanFields } from "./plan-form.tsx";
import { planName, WithPlan } from "./plan-page.tsx";
import { planFieldOrder, valuesFromPlan, type PlanFormValues, type PlanView } from "./plan-values.ts";
import { planChanged } from "./queries.ts";
import { submitPlan } from "./submit-plan.ts";

/** `/agency/{ORG}/actions/{ID}/edit` (each "Change" link adds `#field`): the create form, filled in. */
export function EditActionPage({ org, canEdit, id }: ActionsViewer & { id: string }) {
  if (!canEdit) return <NoAccessPage />;
  return <WithPlan org={org} id={id}>{(plan) => <EditForm key={plan.id} read={plan} />}</WithPlan>;
}

const fieldLabels: Record<string, string> = {
  failing: "What went wrong",
  sourceComplaints: "Complaints it came from",
  action: "The action",
  kind: "Kind",
  owner: "Who is responsible",
  startDate: "Start date",
  dueDate: "Due date",
  standards: "Standards it must meet",
  involvement: "How the person is involved",
  involvementNote: "Notes on their involvement",
  keptInformed: "How they want to be kept informed",
  monitoring: "Monitoring and audit",
  impactMeasure: "Impact measure",
  impactBaseline: "Baseline",
  impactTarget: "Target",
  impactResult: "Result",
  themes: "Themes",
  publishable: "Published as “you said, we did”",
  publicSummary: "“You said, we did” summary",
  completedDate: "Completion",
};

/** The fields someone else changed between the version this form read and the latest. */
export function changedFields(read: PlanView, latest: PlanView): string[] {
  const fields = [...planFieldOrder, "completedDate"] as const;
  return fields.filter((f) => JSON.stringify(read[f]) !== JSON.stringify(latest[f]));
}

/** Moves focus to the field a "Change" link named (`#owner`; a date input or a group: its first field). */
function useFocusFromHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    const field = target?.matches("input, textarea, select") ? target : target?.querySelector<HTMLElement>("input, textarea, select");
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  }, [hash]);
}

function EditForm({ read }: { read: PlanView }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  // The version this form changes: the one read, or the latest after someone else's change was loaded.
  const [base, setBase] = useState<PlanView>(read);
  const [values, setValues] = useState<PlanFormValues>(() => valuesFromPlan(read));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [theirChanges, setTheirChanges] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  usePageTitle("Change the action plan", errors.length > 0 || problem !== null);
  useFocusFromHash();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await submitPlan(values, (input) => api.actions.update.mutate({ id: base.id, expectedVersion: base.version, ...input }));
    if ("saved" in outcome) {
      await planChanged(client, outcome.saved);
      setBusy(false);
      void navigate(`/${base.organisationCode}/actions/${base.id}`, { state: { done: "Action plan saved" } });
      return;
    }
    setErrors("errors" in outcome ? outcome.errors : []);
    setTheirChanges([]);
    if ("failed" in outcome && errorCode(outcome.failed) === "CONFLICT") {
      // Someone else saved first: load their version, keep everything typed here, and say what they changed.
      try {
        const latest = await api.actions.get.query({ id: base.id });
        await planChanged(client, latest);
        setTheirChanges(changedFields(base, latest));
        setBase(latest);
        setProblem(
          latest.completedDate
            ? "Someone else changed this action plan after you opened it, and closed it. Your changes have not been saved yet: they are still below. Select Save changes to save them over theirs."
            : "Someone else changed this action plan after you opened it. Your changes have not been saved yet: they are still below. Check what they changed, then select Save changes to save yours over theirs, or discard yours.",
        );
      } catch (error) {
        setProblem(errorMessage(error));
      }
    } else {
      setProblem("failed" in outcome ? errorMessage(outcome.failed) : null);
    }
    setBusy(false);
    setAttempt((n) => n + 1);
  }

  const planAddress = `/${base.organisationCode}/actions/${base.id}`;
  return (
    <>
      <BackLink href={planAddress} text="Back to the action plan" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors.length > 0 || problem ? (
            <ErrorSummary key={attempt} titleText="There is a problem" errorList={[...(problem ? [{ text: problem }] : []), ...errors.map((e) => ({ href: e.href, text: e.message }))]}>
              {theirChanges.length > 0 ? (
                <>
                  They changed: {theirChanges.map((f) => fieldLabels[f] ?? f).join(", ")}.{" "}
                  <Link className="govuk-link" to={planAddress}>
                    Discard your changes and see theirs
                  </Link>
                </>
              ) : undefined}
            </ErrorSummary>
          ) : null}
          <span className="govuk-caption-l">{planName(base)}</span>
          <h1 className="govuk-heading-l">Change the action plan</h1>
          <form noValidate onSubmit={(e) => void onSubmit(e)}>
            <PlanFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} />
            <div className="govuk-button-group">
              <Button text={busy ? "Saving…" : "Save changes"} disabled={busy} preventDoubleClick />
              <Link className="govuk-link" to={planAddress}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
