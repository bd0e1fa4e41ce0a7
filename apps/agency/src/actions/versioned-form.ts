import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { errorCode, errorMessage } from "@complaints/client";
import { partsToIso, type DateParts } from "@complaints/domain";
import { apiIssues, toFieldErrors, type FieldError } from "./form-errors.ts";
import type { PlanView } from "./plan-values.ts";
import { planChanged, planKey } from "./queries.ts";

/** The message when someone else changed the plan first: what happened, that nothing was lost, what to do. */
export const staleMessage =
  "Someone else changed this action plan after you opened it, so what you entered has not been saved yet. The plan has been reloaded with their changes; what you entered is still here. Check it and send it again.";

/**
 * A small form that changes a plan at the version it read (add a review, close the action). Refused
 * input shows as field errors; a stale version reloads the plan (so the next send uses the new
 * version) and says so, keeping everything typed; success goes back to the plan with a banner.
 */
export function useVersionedForm<Input>(plan: PlanView, options: { order: readonly string[]; dateFields: readonly string[]; done: string; send: (input: Input & { id: string; expectedVersion: number }) => Promise<PlanView>; stale?: string }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(input: Input, local: Record<string, string>) {
    if (busy) return;
    setBusy(true);
    try {
      if (Object.keys(local).length > 0) {
        // A date the browser already knows is incomplete: show it with the form's words, send nothing.
        setErrors(toFieldErrors([], local, options.order, options.dateFields));
        setProblem(null);
      } else {
        const saved = await options.send({ ...input, id: plan.id, expectedVersion: plan.version });
        await planChanged(client, saved);
        // A form on the plan's own page stays on screen: nothing of an earlier refusal may remain.
        setErrors([]);
        setProblem(null);
        void navigate(`/${plan.organisationCode}/actions/${plan.id}`, { state: { done: options.done } });
        return;
      }
    } catch (error) {
      const issues = apiIssues(error);
      setErrors(issues ? toFieldErrors(issues, {}, options.order, options.dateFields) : []);
      if (errorCode(error) === "CONFLICT") {
        await client.invalidateQueries({ queryKey: planKey(plan.id) });
        setProblem(options.stale ?? staleMessage);
      } else {
        setProblem(issues ? null : errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
    setAttempt((n) => n + 1);
  }

  return { errors, problem, attempt, busy, hasErrors: errors.length > 0 || problem !== null, submit };
}

/** A versioned form as `useVersionedForm` gives it; the plan page's publishing buttons send no fields. */
export type VersionedForm<Input = object> = ReturnType<typeof useVersionedForm<Input>>;

/**
 * The dates a small form holds, as the API takes them (`YYYY-MM-DD`, or as typed), and what the
 * browser finds wrong with each in the form's words ("Enter the date of the review"), by field.
 */
export function readDates<Field extends string>(dates: Record<Field, { parts: DateParts; label: string }>): { iso: Record<Field, string>; local: Record<string, string> } {
  const iso = {} as Record<Field, string>;
  const local: Record<string, string> = {};
  for (const field of Object.keys(dates) as Field[]) {
    const read = partsToIso(dates[field].parts, dates[field].label);
    iso[field] = read.iso;
    if (read.problem) local[field] = read.problem;
  }
  return { iso, local };
}
