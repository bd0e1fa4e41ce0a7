import { useQueryClient } from "@tanstack/react-query";
import { Button, CharacterCount, ErrorSummary, InsetText, WarningText } from "@complaints/ui";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { api, errorCode, errorMessage, type Organisation } from "@complaints/client";
import type { StoredReturn } from "./check-answers.tsx";
import type { Done } from "./check-confirmation.tsx";

const reasonMaxLength = 5000;

type FieldProblem = { id: string; message: string };
type Versioned = { returnId: string; expectedVersion: number };

interface ActionsProps {
  ret: StoredReturn;
  org: Organisation;
  canSubmit: boolean;
  userId: string;
  can: (permission: string) => boolean;
  onDone: (done: Done) => void;
  /** Whether this part shows errors (the page title says "Error: " then). */
  onErrors: (shown: boolean) => void;
}

/** The declaration and the buttons the user's role and the return's status allow. */
export function Actions({ ret, org, canSubmit, userId, can, onDone, onErrors }: ActionsProps) {
  const action = useReturnAction(onDone, onErrors);
  const versioned = { returnId: ret.returnId, expectedVersion: ret.version };
  const editable = ret.status === "draft" || ret.status === "returned";

  if (editable && can("returns.submit")) return <SubmitSection ret={ret} versioned={versioned} canSubmit={canSubmit} action={action} />;
  if (ret.status === "submitted" && can("returns.approve")) {
    if (ret.submittedBy === userId) return <WarningText text="You submitted this return, so someone else must approve it." />;
    return <SignOffSection org={org} versioned={versioned} action={action} />;
  }
  if (ret.status === "accepted" && can("returns.reopen")) return <CorrectSection versioned={versioned} action={action} />;
  if (ret.status === "submitted") return <InsetText text="Your senior accountable officer is reviewing this return." />;
  if (ret.status === "approved") return <InsetText text="The department is reviewing this return." />;
  return null;
}

type ReturnAction = ReturnType<typeof useReturnAction>;

/**
 * Sends one change of status and keeps what went wrong: a refusal from the API, or a comment the
 * browser already knows is missing or too long (sent nowhere, shown against its box).
 */
function useReturnAction(onDone: (done: Done) => void, onErrors: (shown: boolean) => void) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<FieldProblem | null>(null);
  // Each failed attempt renders the summary afresh, so it takes focus again (ui ErrorSummary).
  const [attempt, setAttempt] = useState(0);
  const hasErrors = problem !== null || fieldError !== null;

  useEffect(() => {
    onErrors(hasErrors);
  }, [hasErrors, onErrors]);

  async function act(kind: Done["kind"], call: () => Promise<{ revision: number }>) {
    setBusy(true);
    setProblem(null);
    setFieldError(null);
    try {
      const after = await call();
      await queryClient.invalidateQueries();
      window.scrollTo(0, 0);
      onDone({ kind, revision: after.revision });
    } catch (error) {
      setAttempt((n) => n + 1);
      setProblem(errorCode(error) === "CONFLICT" ? "Someone else changed this return while you were looking at it. Reload the page to see the latest version." : errorMessage(error));
      await queryClient.invalidateQueries({ queryKey: ["returns.validate"] });
    } finally {
      setBusy(false);
    }
  }

  /** A comment the browser refuses before sending; `keepProblem` leaves an earlier refusal from the API on show. */
  function refuse(field: FieldProblem, keepProblem = false) {
    if (!keepProblem) setProblem(null);
    setAttempt((n) => n + 1);
    setFieldError(field);
  }

  function withReason(event: FormEvent<HTMLFormElement>, id: string, text: string, empty: string, kind: Done["kind"], call: (reason: string) => Promise<{ revision: number }>) {
    event.preventDefault();
    if (!text.trim()) return refuse({ id, message: empty });
    if (text.length > reasonMaxLength) return refuse({ id, message: `Comments must be ${reasonMaxLength.toLocaleString("en-GB")} characters or fewer` }, true);
    void act(kind, () => call(text.trim()));
  }

  return { busy, problem, fieldError, attempt, hasErrors, act, refuse, withReason };
}

/** One thing the user may do with the return: what went wrong with it last, then its heading and its form. */
function ActionSection({ id, title, action, children }: { id: string; title: string; action: ReturnAction; children: ReactNode }) {
  const { problem, fieldError } = action;
  return (
    <section aria-labelledby={id}>
      {action.hasErrors ? (
        <ErrorSummary
          key={action.attempt}
          titleText="There is a problem"
          errorList={[...(problem ? [{ text: problem }] : []), ...(fieldError ? [{ text: fieldError.message, href: `#${fieldError.id}` }] : [])]}
        />
      ) : null}
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A comment box for a change of status, with the error the browser found in it. */
function ReasonField(props: { id: string; name: string; label: string; hint?: string; value: string; onChange: (value: string) => void; fieldError: FieldProblem | null }) {
  const { id, fieldError } = props;
  return (
    <CharacterCount
      id={id}
      name={props.name}
      label={{ text: props.label, classes: "govuk-label--s" }}
      {...(props.hint ? { hint: { text: props.hint } } : {})}
      maxlength={reasonMaxLength}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      {...(fieldError?.id === id ? { errorMessage: { text: fieldError.message } } : {})}
    />
  );
}

/** The complaints team's declaration and "Submit return"; a return the department returned is sent again with an optional reply to its reasons. */
function SubmitSection({ ret, versioned, canSubmit, action }: { ret: StoredReturn; versioned: Versioned; canSubmit: boolean; action: ReturnAction }) {
  const [reply, setReply] = useState("");
  const returnedByDepartment = ret.status === "returned" && ret.decidedBy !== null;
  function submit() {
    if (reply.length > reasonMaxLength) return action.refuse({ id: "reply", message: `Your reply must be ${reasonMaxLength.toLocaleString("en-GB")} characters or fewer` });
    void action.act("submitted", () => api.returns.submit.mutate({ ...versioned, ...(returnedByDepartment && reply.trim() ? { reply: reply.trim() } : {}) }));
  }
  return (
    <ActionSection id="send-heading" title="Now submit your return" action={action}>
      {canSubmit ? (
        <>
          <p className="govuk-body">
            By submitting this return you confirm that, to the best of your knowledge, the figures are correct, they were counted as the definitions in the guidance
            describe, and every warning is explained. Your senior accountable officer then reviews it before it goes to the department.
          </p>
          {returnedByDepartment ? (
            <ReasonField
              id="reply"
              name="reply"
              label="Your reply to the department (optional)"
              hint="The department sees your reply beside its reasons and the figures you changed."
              value={reply}
              onChange={setReply}
              fieldError={action.fieldError}
            />
          ) : null}
          <Button text="Submit return" disabled={action.busy} preventDoubleClick onClick={submit} type="button" />
        </>
      ) : (
        <InsetText text="You can submit the return once the problems listed at the top of this page are fixed and every warning is explained." />
      )}
    </ActionSection>
  );
}

/** The senior accountable officer's sign-off: approve and send to the department, or send back with a comment. */
function SignOffSection({ org, versioned, action }: { org: Organisation; versioned: Versioned; action: ReturnAction }) {
  const [comment, setComment] = useState("");
  return (
    <ActionSection id="sign-off-heading" title="Sign off the return" action={action}>
      <p className="govuk-body">
        By approving this return you confirm, as {org.name}'s senior accountable officer, that you have reviewed it and it can be sent to the department. The
        department sees it from then on.
      </p>
      <Button text="Approve and send to the department" disabled={action.busy} preventDoubleClick type="button" onClick={() => void action.act("approved", () => api.returns.approve.mutate(versioned))} />
      <h2 className="govuk-heading-m govuk-!-margin-top-6">Or send it back</h2>
      <form
        noValidate
        onSubmit={(e) =>
          action.withReason(e, "send-back-comment", comment, "Enter what the complaints team needs to change", "sentBack", (r) => api.returns.sendBack.mutate({ ...versioned, reason: r }))
        }
      >
        <ReasonField
          id="send-back-comment"
          name="comment"
          label="What needs to change"
          hint="The complaints team sees this comment with the return."
          value={comment}
          onChange={setComment}
          fieldError={action.fieldError}
        />
        <Button text="Send back to the complaints team" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
      </form>
    </ActionSection>
  );
}

/** After the department accepts: open a new revision to correct it, saying why. */
function CorrectSection({ versioned, action }: { versioned: Versioned; action: ReturnAction }) {
  const [reason, setReason] = useState("");
  return (
    <ActionSection id="correct-heading" title="Correct this return" action={action}>
      <p className="govuk-body">
        The department accepted this return. If a figure turns out to be wrong, open a new revision: it starts as a draft with the same figures, and the accepted
        revision is kept.
      </p>
      <form
        noValidate
        onSubmit={(e) => action.withReason(e, "reopen-reason", reason, "Enter why this return needs correcting", "reopened", (r) => api.returns.reopen.mutate({ ...versioned, reason: r }))}
      >
        <ReasonField id="reopen-reason" name="reason" label="Why does this return need correcting?" value={reason} onChange={setReason} fieldError={action.fieldError} />
        <Button text="Correct this return" classes="govuk-button--secondary" disabled={action.busy} preventDoubleClick />
      </form>
    </ActionSection>
  );
}
