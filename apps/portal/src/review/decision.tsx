import { useQueryClient } from "@tanstack/react-query";
import { Button, CharacterCount, InsetText, type ErrorSummaryItem } from "@complaints/ui";
import { useEffect, useState, type FormEvent } from "react";
import { api, errorCode, errorMessage } from "@complaints/client";

export type Decision = { kind: "accepted" } | { kind: "returned"; reason: string };

const reasonMaxLength = 5000;
const reasonId = "return-reason";

interface DecisionProps {
  returnId: string;
  version: number;
  bodyName: string;
  onDecided: (decision: Decision) => void;
  /**
   * The problems to show in the page's error summary (at the top of the page, as the pattern says),
   * and a new `attempt` number after each failed try, so the summary takes focus again.
   */
  onErrors: (errors: ErrorSummaryItem[], attempt: number) => void;
}

/**
 * The oversight analyst's decision on a return sent to the department: accept it (which locks it),
 * or return it to the body with reasons, which the body's people see with the return. Both are sent
 * with the version the analyst read, so a decision on figures that changed meanwhile is refused.
 */
export function DecisionForm({ returnId, version, bodyName, onDecided, onErrors }: DecisionProps) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  // Each failed attempt renders the summary afresh, so it takes focus again.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => onErrors([...(problem ? [{ text: problem }] : []), ...(reasonError ? [{ text: reasonError, href: `#${reasonId}` }] : [])], attempt), [problem, reasonError, attempt, onErrors]);

  async function decide(decision: Decision, call: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    setReasonError(null);
    try {
      await call();
      await queryClient.invalidateQueries();
      window.scrollTo(0, 0);
      onDecided(decision);
    } catch (error) {
      setAttempt((n) => n + 1);
      setProblem(errorCode(error) === "CONFLICT" ? "The body changed this return while you were looking at it. Reload the page to see the latest version before you decide." : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function returnIt(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    const message = !text ? "Enter why you are sending this return back to the body" : reason.length > reasonMaxLength ? `Reasons must be ${reasonMaxLength.toLocaleString("en-GB")} characters or fewer` : null;
    if (message) {
      setProblem(null);
      setAttempt((n) => n + 1);
      setReasonError(message);
      return;
    }
    void decide({ kind: "returned", reason: text }, () => api.returns.returnToBody.mutate({ returnId, expectedVersion: version, reason: text }));
  }

  return (
    <section aria-labelledby="decision-heading" id="decision">
      <h2 className="govuk-heading-l" id="decision-heading">
        Your decision
      </h2>
      <h3 className="govuk-heading-m">Accept the return</h3>
      <p className="govuk-body">
        Accepting the return locks it and its figures are no longer provisional ([p]). They have counted in the department's statistics and board packs since the
        body's senior accountable officer signed it off. A later correction opens a new revision.
      </p>
      <Button text="Accept return" disabled={busy} preventDoubleClick type="button" onClick={() => void decide({ kind: "accepted" }, () => api.returns.accept.mutate({ returnId, expectedVersion: version }))} />

      <h3 className="govuk-heading-m govuk-!-margin-top-6">Or return it to the body</h3>
      <form noValidate onSubmit={returnIt}>
        <CharacterCount
          id={reasonId}
          name="reason"
          label={{ text: "Why are you returning it?", classes: "govuk-label--s" }}
          hint={{ text: `The complaints team of ${bodyName} sees your reasons with the return, corrects it and sends it again.` }}
          maxlength={reasonMaxLength}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...(reasonError ? { errorMessage: { text: reasonError } } : {})}
        />
        <Button text="Return to the body" classes="govuk-button--secondary" disabled={busy} preventDoubleClick />
      </form>
    </section>
  );
}

/** What a user who may read but not decide sees in place of the decision (board secretariat, administrators). */
export function NoDecisionRights({ roleLabel }: { roleLabel: string }) {
  return (
    <section aria-labelledby="decision-heading" id="decision">
      <h2 className="govuk-heading-l" id="decision-heading">
        Decision
      </h2>
      <InsetText text={`You are signed in as ${roleLabel.toLowerCase()}. You can read this return, but only the department's oversight analysts can accept it or return it to the body.`} />
    </section>
  );
}
