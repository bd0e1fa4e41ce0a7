import { actionPlanInputSchema } from "@complaints/domain/browser";
import { apiIssues, toFieldErrors, zodIssues, type FieldError } from "./form-errors.ts";
import { planDateFields, planFieldOrder, planInput, type PlanFormValues, type PlanInput, type PlanView } from "./plan-values.ts";

export type SubmitOutcome = { saved: PlanView } | { errors: FieldError[] } | { failed: unknown };

/**
 * Sends the plan form. The API checks it and its `issues` are shown; only when the browser already
 * knows the answer will be refused (a date typed in part, publishable not answered) is the same check
 * run here with the domain's own schema instead, so every problem still shows at once and nothing is
 * created half-checked.
 */
export async function submitPlan(values: PlanFormValues, send: (input: PlanInput) => Promise<PlanView>): Promise<SubmitOutcome> {
  const { input, local } = planInput(values);
  if (Object.keys(local).length > 0) {
    const checked = actionPlanInputSchema.safeParse(input);
    return { errors: toFieldErrors(checked.success ? [] : zodIssues(checked.error.issues), local, planFieldOrder, planDateFields) };
  }
  try {
    return { saved: await send(input) };
  } catch (error) {
    const issues = apiIssues(error);
    return issues ? { errors: toFieldErrors(issues, {}, planFieldOrder, planDateFields) } : { failed: error };
  }
}
