import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, CharacterCount, ErrorSummary, InsetText, Link, NotificationBanner, Panel, ReturnStatusTag, SummaryList, WarningText, type ErrorSummaryItem, type SummaryListAction, type SummaryListRow } from "@complaints/ui";
import { answerText, formatDateTime, issueSections, periodLabelOf, requireTemplate, returnStatusLabels, templateFields, type FieldDeclaration, type ValidationIssue } from "@complaints/domain";
import { useEffect, useState, type FormEvent } from "react";
import { api, errorCode, errorMessage, Loading, type Organisation, procedureQuery, type QueryOutput, ServiceProblem, useMe, usePageTitle } from "@complaints/client";
import { lowerFirst } from "../return/answers.ts";
import { crossSectionErrorItem, spansSections } from "../return/cross-section-error.tsx";
import { returnAddress } from "./body.tsx";
import { figurePath, useCaseLinkFields } from "../cases/queries.ts";

type StoredReturn = NonNullable<QueryOutput<"returns.find">>;
type Done = { kind: "submitted" | "approved" | "sentBack" | "reopened"; revision: number };

const reasonMaxLength = 5000;

/**
 * `/agency/{ORG}/returns/{PERIOD}/check`: every answer by section with "Change" links, the warnings
 * and their explanations, what still blocks submission, then the declaration and "Submit return".
 * The senior accountable officer signs off from the same page: approve, or send back with a comment.
 * After the department accepts, "Correct this return" opens a new revision.
 */
export function CheckPage({ org, period }: { org: Organisation; period: string }) {
  const label = periodLabelOf(period);
  const me = useMe();
  const found = useQuery(procedureQuery("returns.find", { organisationCode: org.code, period }));
  const ret = found.data ?? null;
  const validation = useQuery({
    ...procedureQuery("returns.validate", { returnId: ret?.returnId ?? "" }, ret?.version),
    enabled: ret !== null,
  });
  const [done, setDone] = useState<Done | null>(null);
  const [actionErrors, setActionErrors] = useState(false);
  // Figures computed from the case file link to their cases, for whoever reads the case import.
  const caseFields = useCaseLinkFields(org.code, period, me.data?.permissions.includes("cases.read") ?? false);

  const editable = ret !== null && (ret.status === "draft" || ret.status === "returned");
  const blocking = editable && validation.data ? [...validation.data.errors, ...validation.data.unexplained] : [];
  usePageTitle(done ? confirmationTitle(done) : `Check your return for ${label}`, !done && (blocking.length > 0 || actionErrors));

  if (found.isError || me.isError || validation.isError) return <ServiceProblem />;
  if (found.isPending || me.isPending || (ret && validation.isPending)) return <Loading />;

  if (done) return <Confirmation done={done} org={org} period={period} />;

  if (!ret) {
    return (
      <>
        <span className="govuk-caption-l">{org.name}</span>
        <h1 className="govuk-heading-l">Check your return for {label}</h1>
        <p className="govuk-body">The return for {label} has not been started.</p>
        <p className="govuk-body">
          <Link className="govuk-link" href={returnAddress(org.code, period)}>
            Start the return for {label}
          </Link>
        </p>
      </>
    );
  }

  const user = me.data;
  const can = (p: string) => (user.permissions as readonly string[]).includes(p);
  const result = validation.data!;
  const template = requireTemplate(ret.templateVersion);
  const fields = templateFields(template, org.serviceAreas);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const canChange = editable && can("returns.edit");
  const sectionHref = (fieldId: string | undefined) => {
    const field = fieldId ? byId.get(fieldId) : undefined;
    return field ? `${returnAddress(org.code, period, field.section)}#${field.id}` : returnAddress(org.code, period);
  };
  // A warning's explanation box is beneath its figure in the first section it involves; the link moves focus into it.
  const explainHref = (w: ValidationIssue) => {
    const section = issueSections(w, template, org.serviceAreas)[0];
    return section ? `${returnAddress(org.code, period, section)}#explanation-${w.id}` : returnAddress(org.code, period);
  };
  const errorList: ErrorSummaryItem[] = [
    ...result.errors.map((e) =>
      spansSections(e, template, org.serviceAreas)
        ? crossSectionErrorItem(e, template, org.serviceAreas, (section, fieldId) => `${returnAddress(org.code, period, section)}#${fieldId}`)
        : { text: e.message, href: sectionHref(e.fieldIds[0]) },
    ),
    ...(editable ? result.unexplained.map((w) => ({ text: `Explain this warning: ${w.message}`, href: explainHref(w) })) : []),
  ];
  const heading =
    editable && can("returns.submit")
      ? "Check your answers before you submit the return"
      : ret.status === "submitted" && can("returns.approve")
        ? "Check the return before you approve it"
        : `Return for ${label}`;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {editable && errorList.length > 0 ? (
          <ErrorSummary titleText="There is a problem" descriptionText="Fix these before the return can be submitted:" errorList={errorList} disableAutoFocus />
        ) : null}
        {ret.status === "returned" && ret.returnReason ? (
          <NotificationBanner
            children={
              <>
                <p className="govuk-notification-banner__heading">{ret.decidedBy ? "The department returned this return" : "Your senior accountable officer sent this return back"}</p>
                <blockquote className="govuk-inset-text app-reason">{ret.returnReason}</blockquote>
              </>
            }
          />
        ) : null}
        <span className="govuk-caption-l">
          {org.name}: {label}
        </span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <StatusLine ret={ret} />
        <p className="govuk-body">
          <Link className="govuk-link" href={returnAddress(org.code, period, "history")}>
            History and changes
          </Link>
          {canChange ? (
            <>
              {" · "}
              <Link className="govuk-link" href={returnAddress(org.code, period)}>
                Back to the sections of the return
              </Link>
            </>
          ) : null}
        </p>

        {template.sections.map((section) => {
          const rows = sectionRows(fields.filter((f) => f.section === section.id), ret, canChange, (f) => `${returnAddress(org.code, period, section.id)}#${f.id}`, (f) =>
            caseFields.has(f.id) ? `/agency${figurePath(org.code, period, f.id)}?from=check` : null,
          );
          return rows.length === 0 ? null : (
            <section key={section.id} aria-labelledby={`section-${section.id}`}>
              <h2 className="govuk-heading-m" id={`section-${section.id}`}>
                {section.title}
              </h2>
              <SummaryList rows={rows} classes="govuk-!-margin-bottom-9" attributes={{ "data-section": section.id }} />
            </section>
          );
        })}

        <Warnings warnings={result.warnings} explanations={ret.explanations} canChange={canChange} href={explainHref} />

        <Actions ret={ret} org={org} canSubmit={result.canSubmit} userId={user.id} can={can} onDone={setDone} onErrors={setActionErrors} />
      </div>
    </div>
  );
}

function confirmationTitle(done: Done): string {
  return { submitted: "Return submitted", approved: "Return approved and sent to the department", sentBack: "Return sent back to the complaints team", reopened: `Revision ${done.revision} opened` }[done.kind];
}

function StatusLine({ ret }: { ret: StoredReturn }) {
  const when =
    ret.status === "accepted" && ret.decidedAt
      ? `Accepted by the department on ${formatDateTime(ret.decidedAt)}.`
      : ret.status === "approved" && ret.approvedAt
        ? `Approved and sent to the department on ${formatDateTime(ret.approvedAt)}.`
        : ret.status === "submitted" && ret.submittedAt
          ? `Sent for sign-off on ${formatDateTime(ret.submittedAt)}.`
          : null;
  return (
    <p className="govuk-body">
      <ReturnStatusTag status={ret.status} text={returnStatusLabels[ret.status]} />
      {ret.revision > 1 ? ` Revision ${ret.revision}.` : null} {when}
    </p>
  );
}

/**
 * One summary-list row per field: its label, the answer as written in files with its unit, a note on
 * a marker, and "Change". A section of optional questions left wholly blank (equality monitoring)
 * is one row, not dozens of "Not answered".
 */
function sectionRows(
  fields: FieldDeclaration[],
  ret: StoredReturn,
  canChange: boolean,
  href: (f: FieldDeclaration) => string,
  casesHref: (f: FieldDeclaration) => string | null,
): SummaryListRow[] {
  const blank = (f: FieldDeclaration) => ret.values[f.id] === null || ret.values[f.id] === undefined;
  if (fields.length > 1 && fields.every((f) => !f.required && blank(f))) {
    return [
      {
        key: { text: "Answers" },
        value: { children: <span className="govuk-hint govuk-!-margin-bottom-0">None given (these questions are optional)</span> },
        ...(canChange ? { actions: { items: [{ href: href(fields[0]!).replace(/#.*$/, ""), text: "Change", visuallyHiddenText: "answers in this section" }] } } : {}),
      },
    ];
  }
  // A repeating group's items are listed only when something was entered in them.
  const itemsInUse = new Set(fields.filter((f) => f.group && ret.values[f.id] !== null && ret.values[f.id] !== undefined).map((f) => `${f.group}.${f.item}`));
  return fields
    .filter((f) => !f.group || itemsInUse.has(`${f.group}.${f.item}`))
    .map((f) => {
      const value = ret.values[f.id];
      const note = ret.notes[f.id];
      const cases = casesHref(f);
      // "See cases" beside "Change": the row's actions are what can be done with the answer; it is there for a read-only return too.
      const actions: SummaryListAction[] = [
        ...(canChange ? [{ href: href(f), text: "Change", visuallyHiddenText: lowerFirst(f.label) }] : []),
        ...(cases ? [{ href: cases, text: "See cases", visuallyHiddenText: `behind ‘${f.label}’` }] : []),
      ];
      return {
        key: { text: f.label },
        value: {
          children: (
            <>
              <span className={value === null || value === undefined ? "govuk-hint govuk-!-margin-bottom-0" : "app-answer"}>{answerText(f, value)}</span>
              {note ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">Note: {note}</span> : null}
            </>
          ),
        },
        ...(actions.length > 0 ? { actions: { items: actions } } : {}),
      };
    });
}

function Warnings({ warnings, explanations, canChange, href }: { warnings: readonly ValidationIssue[]; explanations: Record<string, string>; canChange: boolean; href: (w: ValidationIssue) => string }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="warnings-heading">
      <h2 className="govuk-heading-m" id="warnings-heading">
        Warnings and explanations
      </h2>
      <p className="govuk-body">These figures are unusual. Each needs an explanation, which the senior accountable officer and the department see.</p>
      <SummaryList
        classes="govuk-!-margin-bottom-9"
        rows={warnings.map((w) => {
          const explanation = explanations[w.id]?.trim();
          return {
            key: { text: w.message },
            value: explanation ? { text: explanation } : { children: <strong className="govuk-tag govuk-tag--red">Not explained</strong> },
            ...(canChange ? { actions: { items: [{ href: href(w), text: explanation ? "Change" : "Explain", visuallyHiddenText: "the explanation of this warning" }] } } : {}),
          };
        })}
      />
    </section>
  );
}

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
function Actions({ ret, org, canSubmit, userId, can, onDone, onErrors }: ActionsProps) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ id: string; message: string } | null>(null);
  const [comment, setComment] = useState("");
  const [reason, setReason] = useState("");
  const [reply, setReply] = useState("");
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

  function withReason(event: FormEvent<HTMLFormElement>, id: string, text: string, empty: string, kind: Done["kind"], call: (reason: string) => Promise<{ revision: number }>) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(null);
      setAttempt((n) => n + 1);
      setFieldError({ id, message: empty });
      return;
    }
    if (text.length > reasonMaxLength) {
      setAttempt((n) => n + 1);
      setFieldError({ id, message: `Comments must be ${reasonMaxLength.toLocaleString("en-GB")} characters or fewer` });
      return;
    }
    void act(kind, () => call(text.trim()));
  }

  const versioned = { returnId: ret.returnId, expectedVersion: ret.version };
  const editable = ret.status === "draft" || ret.status === "returned";
  const errors = (
    <>
      {hasErrors ? (
        <ErrorSummary
          key={attempt}
          titleText="There is a problem"
          errorList={[...(problem ? [{ text: problem }] : []), ...(fieldError ? [{ text: fieldError.message, href: `#${fieldError.id}` }] : [])]}
        />
      ) : null}
    </>
  );

  // A return the department returned is sent again with an optional reply to its reasons.
  const returnedByDepartment = ret.status === "returned" && ret.decidedBy !== null;
  function submit() {
    if (reply.length > reasonMaxLength) {
      setProblem(null);
      setAttempt((n) => n + 1);
      setFieldError({ id: "reply", message: `Your reply must be ${reasonMaxLength.toLocaleString("en-GB")} characters or fewer` });
      return;
    }
    void act("submitted", () => api.returns.submit.mutate({ ...versioned, ...(returnedByDepartment && reply.trim() ? { reply: reply.trim() } : {}) }));
  }

  if (editable && can("returns.submit")) {
    return (
      <section aria-labelledby="send-heading">
        {errors}
        <h2 className="govuk-heading-m" id="send-heading">
          Now submit your return
        </h2>
        {canSubmit ? (
          <>
            <p className="govuk-body">
              By submitting this return you confirm that, to the best of your knowledge, the figures are correct, they were counted as the definitions in the guidance
              describe, and every warning is explained. Your senior accountable officer then reviews it before it goes to the department.
            </p>
            {returnedByDepartment ? (
              <CharacterCount
                id="reply"
                name="reply"
                label={{ text: "Your reply to the department (optional)", classes: "govuk-label--s" }}
                hint={{ text: "The department sees your reply beside its reasons and the figures you changed." }}
                maxlength={reasonMaxLength}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                {...(fieldError?.id === "reply" ? { errorMessage: { text: fieldError.message } } : {})}
              />
            ) : null}
            <Button text="Submit return" disabled={busy} preventDoubleClick onClick={submit} type="button" />
          </>
        ) : (
          <InsetText text="You can submit the return once the problems listed at the top of this page are fixed and every warning is explained." />
        )}
      </section>
    );
  }

  if (ret.status === "submitted" && can("returns.approve")) {
    if (ret.submittedBy === userId) return <WarningText text="You submitted this return, so someone else must approve it." />;
    return (
      <section aria-labelledby="sign-off-heading">
        {errors}
        <h2 className="govuk-heading-m" id="sign-off-heading">
          Sign off the return
        </h2>
        <p className="govuk-body">
          By approving this return you confirm, as {org.name}'s senior accountable officer, that you have reviewed it and it can be sent to the department. The
          department sees it from then on.
        </p>
        <Button text="Approve and send to the department" disabled={busy} preventDoubleClick type="button" onClick={() => void act("approved", () => api.returns.approve.mutate(versioned))} />
        <h2 className="govuk-heading-m govuk-!-margin-top-6">Or send it back</h2>
        <form
          noValidate
          onSubmit={(e) =>
            withReason(e, "send-back-comment", comment, "Enter what the complaints team needs to change", "sentBack", (r) => api.returns.sendBack.mutate({ ...versioned, reason: r }))
          }
        >
          <CharacterCount
            id="send-back-comment"
            name="comment"
            label={{ text: "What needs to change", classes: "govuk-label--s" }}
            hint={{ text: "The complaints team sees this comment with the return." }}
            maxlength={reasonMaxLength}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            {...(fieldError?.id === "send-back-comment" ? { errorMessage: { text: fieldError.message } } : {})}
          />
          <Button text="Send back to the complaints team" classes="govuk-button--secondary" disabled={busy} preventDoubleClick />
        </form>
      </section>
    );
  }

  if (ret.status === "accepted" && can("returns.reopen")) {
    return (
      <section aria-labelledby="correct-heading">
        {errors}
        <h2 className="govuk-heading-m" id="correct-heading">
          Correct this return
        </h2>
        <p className="govuk-body">
          The department accepted this return. If a figure turns out to be wrong, open a new revision: it starts as a draft with the same figures, and the accepted
          revision is kept.
        </p>
        <form
          noValidate
          onSubmit={(e) => withReason(e, "reopen-reason", reason, "Enter why this return needs correcting", "reopened", (r) => api.returns.reopen.mutate({ ...versioned, reason: r }))}
        >
          <CharacterCount
            id="reopen-reason"
            name="reason"
            label={{ text: "Why does this return need correcting?", classes: "govuk-label--s" }}
            maxlength={reasonMaxLength}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            {...(fieldError?.id === "reopen-reason" ? { errorMessage: { text: fieldError.message } } : {})}
          />
          <Button text="Correct this return" classes="govuk-button--secondary" disabled={busy} preventDoubleClick />
        </form>
      </section>
    );
  }

  if (ret.status === "submitted") return <InsetText text="Your senior accountable officer is reviewing this return." />;
  if (ret.status === "approved") return <InsetText text="The department is reviewing this return." />;
  return null;
}

function Confirmation({ done, org, period }: { done: Done; org: Organisation; period: string }) {
  const label = periodLabelOf(period);
  const next = {
    submitted: "Your senior accountable officer will review it and send it to the department, or send it back with a comment.",
    approved: "The department will review it. Its decision appears on your organisation's page and in the return's history.",
    sentBack: "The complaints team can see your comment, make the changes and submit the return again.",
    reopened: "The new revision is a draft with the same figures. Make the corrections, then submit it for approval again.",
  }[done.kind];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel titleText={confirmationTitle(done)} text={`${org.name}: ${label}`} />
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">{next}</p>
        <ul className="govuk-list">
          {done.kind === "reopened" ? (
            <li>
              <Link className="govuk-link" href={returnAddress(org.code, period)}>
                Correct the return for {label}
              </Link>
            </li>
          ) : null}
          <li>
            <Link className="govuk-link" href={returnAddress(org.code, period, "history")}>
              See the return's history
            </Link>
          </li>
          <li>
            <Link className="govuk-link" href={`/agency/${org.code}/`}>
              Back to {org.name}'s returns
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
