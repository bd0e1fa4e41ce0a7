import { actionThemeLabel, formatDate, formatDateTime, involvementLabels, type InvolvementChoice } from "@complaints/domain";
import { ActionPlanStatusTags, BackLink, Button, ErrorSummary, InsetText, NotificationBanner, PublicationTag, SummaryList, Timeline, type SummaryListRow } from "@complaints/ui";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { api, NotFoundPage, QueryBoundary, usePageTitle } from "@complaints/client";
import { isPlanId, type ActionsViewer } from "./access.tsx";
import type { PlanView } from "./plan-values.ts";
import { usePlan } from "./queries.ts";
import { useVersionedForm, type VersionedForm } from "./versioned-form.ts";

/**
 * Loads the plan in the address for a page about it: "Page not found" for an id that does not
 * exist or belongs to another body than the address names, "You do not have access" outside the
 * user's scope. Never shows a plan the API did not give this user.
 */
export function WithPlan({ org, id, children }: { org: string; id: string; children: (plan: PlanView) => ReactNode }) {
  const plan = usePlan(id, isPlanId(id));
  if (!isPlanId(id)) return <NotFoundPage />;
  return <QueryBoundary queries={[plan]}>{(found) => (found.organisationCode === org ? children(found) : <NotFoundPage />)}</QueryBoundary>;
}

/** Text as typed, its paragraphs kept. */
export function Paragraphs({ text, empty = "None" }: { text: string; empty?: string }) {
  const paragraphs = text.split(/\n+/).filter((p) => p.trim() !== "");
  if (paragraphs.length === 0) return <span className="app-secondary-text">{empty}</span>;
  if (paragraphs.length === 1) return <>{paragraphs[0]}</>;
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="govuk-body">
          {p}
        </p>
      ))}
    </>
  );
}

function List({ items, empty = "None" }: { items: string[]; empty?: string }) {
  if (items.length === 0) return <>{empty}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="govuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** The short name of a plan (its action), for captions and hidden link text. */
export function planName(plan: PlanView): string {
  return plan.action.length > 120 ? `${plan.action.slice(0, 117).trimEnd()}…` : plan.action;
}

/**
 * `/agency/{ORG}/actions/{ID}`: the whole plan, its reviews and its completion; "Change", "Add a
 * review" and "Close this action" for the body's own people; approving the "you said, we did"
 * summary for publication for the body's senior accountable officer, and withdrawing it for them and
 * the department's oversight.
 */
export function ActionPlanPage({ me, org, canEdit, id }: ActionsViewer & { id: string }) {
  const may = (permission: string) => (me.permissions as readonly string[]).includes(permission);
  return (
    <WithPlan org={org} id={id}>
      {(plan) => <PlanDetails plan={plan} canEdit={canEdit} canApprove={canEdit && may("actions.approvePublication")} canWithdraw={may("actions.withdrawPublication")} />}
    </WithPlan>
  );
}

function PlanDetails({ plan, canEdit, canApprove, canWithdraw }: { plan: PlanView; canEdit: boolean; canApprove: boolean; canWithdraw: boolean }) {
  const location = useLocation();
  const done = (location.state as { done?: unknown } | null)?.done;
  const { approve, withdraw } = usePublishing(plan);
  const publishing = approve.hasErrors ? approve : withdraw.hasErrors ? withdraw : null;
  usePageTitle(`Action plan: ${planName(plan)}`, publishing !== null);
  const base = `/${plan.organisationCode}/actions/${plan.id}`;

  return (
    <>
      <BackLink href={`/${plan.organisationCode}/actions`} text="Back to action plans" />
      {publishing?.problem ? <ErrorSummary key={publishing.attempt} titleText="There is a problem" errorList={[{ text: publishing.problem }]} /> : null}
      {typeof done === "string" && publishing === null ? <NotificationBanner type="success" text={done} /> : null}
      <PlanHeading plan={plan} canEdit={canEdit} />
      <PlanSummary plan={plan} canEdit={canEdit} />
      <PublicationControls plan={plan} canEdit={canEdit} canApprove={canApprove} canWithdraw={canWithdraw} approve={approve} withdraw={withdraw} />

      <h2 className="govuk-heading-m">Reviews</h2>
      <PlanReviews plan={plan} />
      {canEdit && !plan.completedDate ? <Button text="Add a review" href={`${base}/review`} classes="govuk-button--secondary" /> : null}

      <h2 className="govuk-heading-m">Completion</h2>
      <PlanCompletion plan={plan} canEdit={canEdit} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/${plan.organisationCode}/actions`}>
          Back to action plans
        </Link>
      </p>
    </>
  );
}

/** Approving the "you said, we did" summary for publication, and withdrawing it, each one button sent at the plan's version. */
function usePublishing(plan: PlanView) {
  const approve = useVersionedForm<object>(plan, {
    order: [],
    dateFields: [],
    done: "Summary approved and published",
    send: (input) => api.actions.approvePublication.mutate(input),
    stale: "Someone else changed this action plan after you opened it, so the summary has not been approved. The plan has been reloaded with their changes: read the summary again before you approve it.",
  });
  // A withdrawal takes no version: it is never held up by someone else's change.
  const withdraw = useVersionedForm<object>(plan, { order: [], dateFields: [], done: "Summary withdrawn from publication", send: ({ id }) => api.actions.withdrawPublication.mutate({ id }) });
  return { approve, withdraw };
}

/** The action as the heading, its status in words, when it is due and who owns it. */
function PlanHeading({ plan, canEdit }: { plan: PlanView; canEdit: boolean }) {
  return (
    <>
      <span className="govuk-caption-l">Action plan, {plan.organisationName}</span>
      <h1 className={plan.action.length > 160 ? "govuk-heading-m" : "govuk-heading-l"}>{plan.action}</h1>
      <p className="govuk-body">
        <ActionPlanStatusTags plan={plan} classes="app-status-tags" />
      </p>
      <p className="govuk-body">
        {plan.completedDate
          ? `Completed ${formatDate(plan.completedDate)} (due ${formatDate(plan.dueDate)}).`
          : `${plan.overdue ? "Overdue: was due" : "Due"} ${formatDate(plan.dueDate)}. Owner: ${plan.owner}.`}
      </p>
      {!canEdit ? <InsetText text={`You can read this action plan. Only ${plan.organisationName}’s own people can change it.`} /> : null}
    </>
  );
}

/** Every field of the plan in summary cards, in the form's sections, each with "Change" for the body's own people. */
function PlanSummary({ plan, canEdit }: { plan: PlanView; canEdit: boolean }) {
  const row = (key: string, value: ReactNode, field?: string): SummaryListRow => ({
    key: { text: key },
    value: { children: value },
    ...(canEdit && field ? { actions: { items: [{ href: `/${plan.organisationCode}/actions/${plan.id}/edit#${field}`, text: "Change", visuallyHiddenText: key.toLowerCase() }] } } : {}),
  });
  const card = (title: string) => ({ title: { text: title } });
  return (
    <>
      <SummaryList
        card={card("What went wrong")}
        rows={[
          row("The failing", <Paragraphs text={plan.failing} />, "failing"),
          row("Complaints it came from", <List items={plan.sourceComplaints} />, "sourceComplaints"),
          row("Themes", <List items={plan.themes.map(actionThemeLabel)} />, "themes"),
        ]}
      />
      <SummaryList
        card={card("The action")}
        rows={[
          row("Action", <Paragraphs text={plan.action} />, "action"),
          row("Kind", plan.kindLabel, "kind"),
          row("Owner", plan.owner, "owner"),
          row("Start date", formatDate(plan.startDate), "startDate"),
          row("Due date", formatDate(plan.dueDate), "dueDate"),
          row("Standards it must meet", <Paragraphs text={plan.standards} />, "standards"),
        ]}
      />
      <SummaryList
        card={card("The person who complained")}
        rows={[
          row("How they are involved", <List items={plan.involvement.map((c: InvolvementChoice) => involvementLabels[c])} />, "involvement"),
          row("Notes on their involvement", <Paragraphs text={plan.involvementNote} />, "involvementNote"),
          row("How they want to be kept informed", <Paragraphs text={plan.keptInformed} />, "keptInformed"),
        ]}
      />
      <SummaryList
        card={card("Monitoring and impact")}
        rows={[
          row("Monitoring and audit", <Paragraphs text={plan.monitoring} />, "monitoring"),
          row("Impact measure", <Paragraphs text={plan.impactMeasure} />, "impactMeasure"),
          row("Baseline", plan.impactBaseline, "impactBaseline"),
          row("Target", plan.impactTarget, "impactTarget"),
          row("Result", <Paragraphs text={plan.impactResult} empty="Not yet known" />, "impactResult"),
        ]}
      />
      <SummaryList
        card={card("Publishing")}
        rows={[
          row("Published as “you said, we did”", plan.publishable ? "Yes" : "No", "publishable"),
          plan.publishable ? row("“You said, we did” summary", <Paragraphs text={plan.publicSummary} />, "publicSummary") : null,
          { key: { text: "Publication" }, value: { children: <PublicationTag plan={plan} /> } },
          plan.publicationApprovedAt ? { key: { text: "Approved by" }, value: { text: `${plan.publicationApprovedByName ?? ""}, ${formatDateTime(plan.publicationApprovedAt)}` } } : null,
        ]}
      />
    </>
  );
}

/** The reviews of progress, newest first. */
function PlanReviews({ plan }: { plan: PlanView }) {
  if (plan.reviews.length === 0) return <p className="govuk-body">No reviews yet.</p>;
  return (
    <Timeline
      headingLevel={3}
      items={plan.reviews.toReversed().map((r) => ({
        label: { text: `Review on ${formatDate(r.date)}` },
        byline: { text: r.recordedByName },
        children: <Paragraphs text={r.note} />,
      }))}
    />
  );
}

/** When the action was completed and how that was verified; or "Close this action" for the body's own people. */
function PlanCompletion({ plan, canEdit }: { plan: PlanView; canEdit: boolean }) {
  if (!plan.completedDate) {
    return (
      <>
        <p className="govuk-body">Not completed yet.</p>
        {canEdit ? <Button text="Close this action" href={`/${plan.organisationCode}/actions/${plan.id}/close`} /> : null}
      </>
    );
  }
  return (
    <SummaryList
      rows={[
        { key: { text: "Completed on" }, value: { text: formatDate(plan.completedDate) } },
        { key: { text: "Verified by" }, value: { text: plan.verifiedBy ?? "" } },
        { key: { text: "Verified on" }, value: { text: plan.verifiedDate ? formatDate(plan.verifiedDate) : "" } },
        { key: { text: "How it was verified" }, value: { children: <Paragraphs text={plan.verificationNote ?? ""} /> } },
      ]}
    />
  );
}

type PublishingForm = VersionedForm;

/**
 * What may be done about publication from here: the body's senior accountable officer approves a
 * completed plan's summary, or withdraws it; the department's oversight withdraws it. Each is one
 * button that acts at once, its effect said beside it.
 */
function PublicationControls({ plan, canEdit, canApprove, canWithdraw, approve, withdraw }: { plan: PlanView; canEdit: boolean; canApprove: boolean; canWithdraw: boolean; approve: PublishingForm; withdraw: PublishingForm }) {
  const busy = approve.busy || withdraw.busy;
  const explain = (text: string) => <p className="govuk-body">{text}</p>;
  if (plan.publication === "published" && canWithdraw) {
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void withdraw.submit({}, {});
        }}
      >
        {explain(`This summary is on the public learning page of ${plan.organisationName} and its department. Withdrawing it takes it off at once; it can be published again only with the senior accountable officer’s approval.`)}
        <Button text={withdraw.busy ? "Withdrawing…" : "Withdraw from publication"} classes="govuk-button--warning" disabled={busy} preventDoubleClick />
      </form>
    );
  }
  if (plan.publication !== "waiting") return null;
  if (!canApprove) {
    return canEdit ? explain("The summary is published once the action is closed and the body’s senior accountable officer approves it. Changing the summary later takes it off until it is approved again.") : null;
  }
  if (!plan.completedDate) return explain("You can approve the summary for publication once the action is closed.");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void approve.submit({}, {});
      }}
    >
      {explain("Approving publishes this summary, as it is written above, on the public learning page at once. You cannot approve a summary you wrote or changed.")}
      <Button text={approve.busy ? "Approving…" : "Approve for publication"} disabled={busy} preventDoubleClick />
    </form>
  );
}
