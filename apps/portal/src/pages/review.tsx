import { useQuery } from "@tanstack/react-query";
import { ErrorSummary, Link, NotificationBanner, ReturnStatusTag, Table, type ErrorSummaryItem } from "@complaints/ui";
import { answerText, formatDateTime, formatPeriodCode, isSent, periodFromIndex, periodIndex, periodLabelOf, requirePeriod, requireTemplate, returnStatuses, returnStatusLabels, templateFields, type FieldDeclaration, type FieldValue, type ReturnStatus } from "@complaints/domain";
import { useCallback, useState, type ReactNode } from "react";
import { errorCode, errorData, errorMessage, Loading, LoadProblem, NotFoundPage, type Organisation, procedureQuery, QueryBoundary, type QueryOutput, ServiceProblem, useMe, useOrganisation, usePageTitle } from "@complaints/client";
import { DecisionForm, NoDecisionRights, type Decision } from "../review/decision.tsx";
import { ReturnSections } from "../review/sections.tsx";
import { ChangesSinceReturned, ReturnedNotice, type SinceReturned } from "../review/since-returned.tsx";
import { Warnings } from "../review/warnings.tsx";
import { YearOnYear } from "../review/year-on-year.tsx";
import { TrackerStatusTag } from "../tracker/tracker-status.tsx";
import { trackerAddress } from "./tracker.tsx";

type StoredReturn = NonNullable<QueryOutput<"returns.find">>;

/**
 * `/portal/{DEPT}/returns/{ORG}/{PERIOD}`: the department reviews a body's return: first, when the
 * department returned it and the body sent it again, what changed since with the reasons and the
 * body's reply; what is unusual (warnings and the body's explanations), what changed since the
 * previous revision and since the same quarter last year, every answer by section, then the
 * decision. A return the body has not sent shows only its status, as the API allows; one the
 * department returned shows the figures it returned, marked as not counted.
 */
export function ReviewPage({ dept, org, period }: { dept: Organisation; org: string; period: string }) {
  const label = periodLabelOf(period);
  const body = useOrganisation(org);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [errors, setErrors] = useState<{ list: ErrorSummaryItem[]; attempt: number }>({ list: [], attempt: 0 });
  const onErrors = useCallback((list: ErrorSummaryItem[], attempt: number) => setErrors({ list, attempt }), []);
  usePageTitle(decision ? (decision.kind === "accepted" ? "Return accepted" : "Return sent back to the body") : `Review the return: ${body.data?.name ?? org}, ${label}`, errors.list.length > 0 && !decision);

  // The API answers only for organisations in the user's scope (their department's tree): a body there is the department's.
  return (
    <QueryBoundary queries={[body]}>
      {(found) => (found.kind === "body" ? <ReviewOfBody dept={dept} body={found} period={period} decision={decision} onDecided={setDecision} errors={errors} onErrors={onErrors} /> : <NotFoundPage />)}
    </QueryBoundary>
  );
}

interface ReviewProps {
  dept: Organisation;
  body: Organisation;
  period: string;
  decision: Decision | null;
  onDecided: (d: Decision) => void;
  errors: { list: ErrorSummaryItem[]; attempt: number };
  onErrors: (list: ErrorSummaryItem[], attempt: number) => void;
}

function ReviewOfBody({ dept, body, period, decision, onDecided, errors, onErrors }: ReviewProps) {
  const label = periodLabelOf(period);
  const me = useMe();
  const found = useQuery({ ...procedureQuery("returns.find", { organisationCode: body.code, period }), retry: false });
  const heading = (
    <>
      {decision ? <DecisionBanner decision={decision} body={body} /> : null}
      {!decision && errors.list.length > 0 ? <ErrorSummary key={errors.attempt} titleText="There is a problem" errorList={errors.list} /> : null}
      <span className="govuk-caption-l">
        {body.name}: {label}
      </span>
      <h1 className="govuk-heading-l">Review the return</h1>
    </>
  );
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" href={trackerAddress(dept.code, period)}>
        Back to the submission tracker for {label}
      </Link>
    </p>
  );

  if (found.isPending || me.isPending) return <Loading />;
  if (me.isError) return <ServiceProblem />;
  if (found.isError) {
    if (errorCode(found.error) !== "FORBIDDEN") {
      return (
        <>
          {heading}
          <LoadProblem what="The return" error={found.error} />
        </>
      );
    }
    // The body has not sent it (a draft, awaiting sign-off, or returned): its status only.
    const details = errorData(found.error).details as { status?: string } | undefined;
    const status = returnStatuses.find((s) => s === details?.status) ?? null;
    return (
      <>
        {heading}
        <StatusOnly dept={dept} body={body} period={period} status={status} />
        {back}
      </>
    );
  }
  if (found.data === null) {
    return (
      <>
        {heading}
        <p className="govuk-body">
          <TrackerStatusTag row={{ status: "not started", statusLabel: "Not started" }} /> {body.name} has not started its return for {label}.
        </p>
        {back}
      </>
    );
  }

  const ret = found.data;
  return <SentReturn ret={ret} body={body} period={period} heading={heading} back={back} canDecide={(me.data.permissions as readonly string[]).includes("returns.decide")} roleLabel={me.data.roleLabel} onDecided={onDecided} onErrors={onErrors} />;
}

interface SentReturnProps {
  ret: StoredReturn;
  body: Organisation;
  period: string;
  heading: ReactNode;
  back: ReactNode;
  canDecide: boolean;
  roleLabel: string;
  onDecided: (d: Decision) => void;
  onErrors: (list: ErrorSummaryItem[], attempt: number) => void;
}

/** A return the department can read: sent to it, or returned by it (not counted). */
function SentReturn({ ret, body, period, heading, back, canDecide, roleLabel, onDecided, onErrors }: SentReturnProps) {
  const decidable = ret.status === "approved" && ret.revision === ret.currentRevision;
  const returned = ret.status === "returned";
  const template = requireTemplate(ret.templateVersion);
  const fields = templateFields(template, body.serviceAreas);
  const since = useQuery({
    ...procedureQuery("returns.changesSinceReturned", { returnId: ret.returnId, revision: ret.revision }, ret.version),
    enabled: !returned,
  });
  return (
    <>
      {heading}
      <StatusLine ret={ret} />
      {returned ? <ReturnedNotice bodyName={body.name} returnedAt={ret.decidedAt} reason={ret.returnReason} /> : null}
      {since.isError ? <LoadProblem what="What changed since the department returned this return" error={since.error} /> : null}
      {since.data ? <ChangesSinceReturned since={since.data} bodyName={body.name} fields={fields} /> : null}
      {!returned && ret.revision !== ret.currentRevision ? (
        <div className="govuk-inset-text">
          {body.name} is preparing a correction (revision {ret.currentRevision}). These are the figures of revision {ret.revision}, the last sent to the department: they
          count until the correction is sent.
        </div>
      ) : null}
      <nav aria-labelledby="contents-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id="contents-heading">
          Contents
        </h2>
        <ul className="govuk-list">
          {since.data ? (
            <li>
              <a className="govuk-link" href="#since-returned-heading">
                Changes since the department returned it
              </a>
            </li>
          ) : null}
          <li>
            <a className="govuk-link" href="#warnings-heading">
              Warnings and the body's explanations
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#revision-heading">
              Changes since the previous revision
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#last-year-heading">
              Compared with the same quarter last year
            </a>
          </li>
          <li>
            <a className="govuk-link" href="#answers-heading">
              Every answer
            </a>
          </li>
          {decidable ? (
            <li>
              <a className="govuk-link" href="#decision-heading">
                {canDecide ? "Your decision" : "Decision"}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      <ReviewBody ret={ret} body={body} period={period} fields={fields} sinceReturned={since.data ?? null} />
      {decidable ? (
        canDecide ? (
          <DecisionForm key={ret.version} returnId={ret.returnId} version={ret.version} bodyName={body.name} onDecided={onDecided} onErrors={onErrors} />
        ) : (
          <NoDecisionRights roleLabel={roleLabel} />
        )
      ) : null}
      {back}
    </>
  );
}

function DecisionBanner({ decision, body }: { decision: Decision; body: Organisation }) {
  return (
    <NotificationBanner type="success">
      {decision.kind === "accepted" ? (
        <>
          <h3 className="govuk-notification-banner__heading">Return accepted</h3>
          <p className="govuk-body">
            Its figures are now locked and no longer provisional: they lose their [p] mark in the department's statistics and board packs, where they have counted
            since {body.name}'s senior accountable officer signed the return off. {body.name} can see your decision.
          </p>
        </>
      ) : (
        <>
          <h3 className="govuk-notification-banner__heading">Return sent back to {body.name}</h3>
          <p className="govuk-body">Its complaints team sees your reasons with the return:</p>
          <blockquote className="govuk-inset-text app-reason govuk-!-margin-top-0">{decision.reason}</blockquote>
        </>
      )}
    </NotificationBanner>
  );
}

function StatusLine({ ret }: { ret: StoredReturn }) {
  const when =
    ret.status === "accepted" && ret.decidedAt
      ? `Accepted on ${formatDateTime(ret.decidedAt)}.`
      : ret.approvedAt
        ? `Approved by the body's senior accountable officer and sent on ${formatDateTime(ret.approvedAt)}.`
        : null;
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-2" data-testid="return-status">
        {/* In the department's words, as the tracker says it: a revision it returned is shown only to it. */}
        <ReturnStatusTag status={ret.status} text={ret.status === "returned" ? "Returned by the department" : returnStatusLabels[ret.status]} />
      </p>
      <p className="govuk-body">
        {ret.revision > 1 ? `Revision ${ret.revision}. ` : null}
        {when}
      </p>
    </>
  );
}

/** A return the department cannot see yet, or has sent back: its status in words, and why nothing more is shown. */
function StatusOnly({ dept, body, period, status }: { dept: Organisation; body: Organisation; period: string; status: ReturnStatus | null }) {
  const tracker = useQuery(procedureQuery("tracker.forPeriod", { departmentCode: dept.code, period }));
  const row = tracker.data?.rows.find((r) => r.organisationCode === body.code);
  const byDepartment = row?.returnedBy === "department";
  return (
    <>
      <p className="govuk-body" data-testid="return-status">
        {row ? <TrackerStatusTag row={row} /> : status ? <ReturnStatusTag status={status} text={returnStatusLabels[status]} /> : null}
      </p>
      <p className="govuk-body">
        {byDepartment
          ? `The department returned this return to ${body.name}. Its complaints team is correcting it; you will see it again when its senior accountable officer sends it back.`
          : `${body.name} has not sent this return to the department yet. You see a return once the body's senior accountable officer has approved it; until then only its status is shown.`}
      </p>
    </>
  );
}

/** What the reviewer reads: warnings with explanations, changes since the last revision and last year, then every answer. */
function ReviewBody({ ret, body, period, fields, sinceReturned }: { ret: StoredReturn; body: Organisation; period: string; fields: readonly FieldDeclaration[]; sinceReturned: SinceReturned | null }) {
  const template = requireTemplate(ret.templateVersion);
  const validation = useQuery(procedureQuery("returns.validate", { returnId: ret.returnId }, `${ret.revision} ${ret.version}`));
  return (
    <>
      <section aria-labelledby="warnings-heading">
        <h2 className="govuk-heading-l" id="warnings-heading">
          Warnings and the body's explanations
        </h2>
        <QueryBoundary queries={[validation]} problem={(error) => <p className="govuk-body">The checks could not be run. {errorMessage(error)}</p>}>
          {(result) => <Warnings result={result} explanations={ret.explanations} />}
        </QueryBoundary>
      </section>
      <RevisionChanges ret={ret} fields={fields} sinceReturned={sinceReturned} />
      <LastYear ret={ret} body={body} period={period} fields={fields} />
      <section aria-labelledby="answers-heading">
        <h2 className="govuk-heading-l" id="answers-heading">
          Every answer
        </h2>
        <ReturnSections template={template} fields={fields} answers={ret} />
      </section>
    </>
  );
}

/** The difference from the previous revision sent to the department (a correction after acceptance). */
function RevisionChanges({ ret, fields, sinceReturned }: { ret: StoredReturn; fields: readonly FieldDeclaration[]; sinceReturned: SinceReturned | null }) {
  const history = useQuery(procedureQuery("returns.history", { returnId: ret.returnId }, ret.version));
  const previous = history.data?.revisions.filter((r) => r.revision < ret.revision && isSent(r.status)).at(-1);
  const diff = useQuery({
    ...procedureQuery("returns.diff", { returnId: ret.returnId, from: previous?.revision ?? 0, to: ret.revision }),
    enabled: previous !== undefined,
  });
  const byId = new Map(fields.map((f) => [f.id, f]));
  let content;
  if (history.isPending || (previous && diff.isPending)) content = <Loading />;
  else if (history.isError || diff.isError) content = <LoadProblem what="The earlier revisions" error={history.error ?? diff.error} />;
  else if (!previous && sinceReturned)
    content = (
      <p className="govuk-body">
        The department has accepted no earlier revision. What changed since it returned revision {sinceReturned.returned.revision} is shown{" "}
        <a className="govuk-link" href="#since-returned-heading">
          at the top of this page
        </a>
        .
      </p>
    );
  else if (!previous) content = <p className="govuk-body">This is the first revision sent to the department, so there is nothing to compare it with.</p>;
  else if (!diff.data || diff.data.length === 0) content = <p className="govuk-body">No figures changed between revision {previous.revision} and revision {ret.revision}.</p>;
  else {
    const reason = history.data.revisions.find((r) => r.revision === ret.revision)?.reopenReason;
    content = (
      <>
        {reason ? (
          <p className="govuk-body">
            Why revision {ret.revision} was opened: <span className="app-reason">{reason}</span>
          </p>
        ) : null}
        <Table
          caption={`Answers that changed from revision ${previous.revision} to revision ${ret.revision}`}
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={[{ text: "Question" }, { text: `Revision ${previous.revision}` }, { text: `Revision ${ret.revision}` }]}
          rows={diff.data.map((d) => [{ text: d.label }, { text: answerText(byId.get(d.fieldId), d.from as FieldValue) }, { text: answerText(byId.get(d.fieldId), d.to as FieldValue) }])}
        />
      </>
    );
  }
  return (
    <section aria-labelledby="revision-heading">
      <h2 className="govuk-heading-l" id="revision-heading">
        Changes since the previous revision
      </h2>
      {content}
    </section>
  );
}

/** The same body's return for the same quarter a year earlier, as sent to the department. */
function LastYear({ ret, body, period, fields }: { ret: StoredReturn; body: Organisation; period: string; fields: readonly FieldDeclaration[] }) {
  const earlier = formatPeriodCode(periodFromIndex(periodIndex(requirePeriod(period)) - 4));
  const found = useQuery({ ...procedureQuery("returns.find", { organisationCode: body.code, period: earlier }), retry: false });
  let content;
  if (found.isPending) content = <Loading />;
  else if (found.isError && errorCode(found.error) !== "FORBIDDEN") content = <LoadProblem what="Last year's return" error={found.error} />;
  else if (found.isError || found.data === null) content = <p className="govuk-body">{body.name} sent no return for {periodLabelOf(earlier)}, so there is nothing to compare with.</p>;
  else content = <YearOnYear fields={fields} thisYear={ret} lastYear={found.data} label={periodLabelOf(period)} earlierLabel={periodLabelOf(earlier)} />;
  return (
    <section aria-labelledby="last-year-heading">
      <h2 className="govuk-heading-l" id="last-year-heading">
        Compared with {periodLabelOf(earlier)}
      </h2>
      {content}
    </section>
  );
}
