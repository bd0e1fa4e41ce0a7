import { BackLink, Button, ErrorSummary } from "@complaints/ui";
import type { ReactNode } from "react";
import { usePageTitle } from "@complaints/client";
import { planName } from "./plan-page.tsx";
import type { PlanView } from "./plan-values.ts";
import type { VersionedForm } from "./versioned-form.ts";

/**
 * The page of a small form that changes a plan (add a review, close the action): back to the plan,
 * what went wrong, the plan's name over the heading, the fields, and one button that says what it
 * is doing while it sends.
 */
export function PlanChangeForm(props: { plan: PlanView; form: Omit<VersionedForm, "submit">; title: string; intro?: string; button: { text: string; busyText: string }; onSubmit: () => void; children: ReactNode }) {
  const { plan, form } = props;
  usePageTitle(props.title, form.hasErrors);
  return (
    <>
      <BackLink href={`/${plan.organisationCode}/actions/${plan.id}`} text="Back to the action plan" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {form.hasErrors ? <ErrorSummary key={form.attempt} titleText="There is a problem" errorList={[...(form.problem ? [{ text: form.problem }] : []), ...form.errors.map((e) => ({ href: e.href, text: e.message }))]} /> : null}
          <span className="govuk-caption-l">{planName(plan)}</span>
          <h1 className="govuk-heading-l">{props.title}</h1>
          {props.intro ? <p className="govuk-body">{props.intro}</p> : null}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              props.onSubmit();
            }}
          >
            {props.children}
            <Button text={form.busy ? props.button.busyText : props.button.text} disabled={form.busy} preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
