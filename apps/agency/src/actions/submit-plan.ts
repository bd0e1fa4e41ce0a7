import { actionPlanFieldsSchema, withActionPlanRules } from "@complaints/domain";
import { apiIssues, toFieldErrors, zodIssues, type Issue, type FieldError } from "./form-errors.ts";
import { planDateFields, planFieldOrder, planInput, type PlanFormValues, type PlanInput, type PlanView } from "./plan-values.ts";

export type SubmitOutcome = { saved: PlanView } | { errors: FieldError[] } | { failed: unknown };

/** The domain's rules between fields (due date on or after the start; a summary when publishable), on just those fields. */
const crossFieldRules = withActionPlanRules(actionPlanFieldsSchema.pick({ startDate: true, dueDate: true, publishable: true, publicSummary: true }));

/**
 * The rules between fields, checked with the domain's own schema: the API reports them only once
 * every field is valid (zod runs an object's refinements last), so without this "due before start"
 * would appear only after "Enter the action" was fixed, one round later.
 */
export function crossFieldIssues(input: PlanInput): Issue[] {
  const checked = crossFieldRules.safeParse(input);
  return checked.success ? [] : zodIssues(checked.error.issues);
}

/**
 * Sends the plan form; the API checks it. When it refuses the input, its `issues` are shown with
 * the rules between fields (so every problem shows at once) and the browser's words for a date typed
 * in part. A date the browser finds wrong is always sent as typed, so the API refuses it too and
 * nothing is ever saved half-checked.
 */
export async function submitPlan(values: PlanFormValues, send: (input: PlanInput) => Promise<PlanView>): Promise<SubmitOutcome> {
  const { input, local } = planInput(values);
  try {
    return { saved: await send(input) };
  } catch (error) {
    const issues = apiIssues(error);
    return issues ? { errors: toFieldErrors([...issues, ...crossFieldIssues(input)], local, planFieldOrder, planDateFields) } : { failed: error };
  }
}
