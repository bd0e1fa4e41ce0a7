import { returnStatusLabels, templateFields, type ReturnStatus } from "@complaints/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, errorMessage, procedureQuery, usePageTitle } from "@complaints/client";
import type { Draft } from "./draft/use-draft.ts";
import { Button, ErrorSummary, LinkProvider, TaskList, Tag, type RenderLink } from "@complaints/ui";
import { crossSectionErrorItem, spansSections } from "./cross-section-error.tsx";
import type { ReturnPageContext } from "./return-route.tsx";
import { sectionStatus, sectionStatusLabels, type SectionStatus } from "./section-status.ts";
import { useChecks } from "./use-checks.ts";

/** The ui package's links as router links, so a task opens without reloading the app. */
const routerLink: RenderLink = ({ href, ...rest }) => <Link to={href} {...rest} />;

const tagClasses: Record<SectionStatus, string | undefined> = {
  completed: undefined,
  "in-progress": "govuk-tag--light-blue",
  "not-started": "govuk-tag--blue",
  "has-errors": "govuk-tag--red",
};

function Heading({ context }: { context: ReturnPageContext }) {
  return (
    <>
      <span className="govuk-caption-l">{context.organisationName}</span>
      <h1 className="govuk-heading-l">Complaints return for {context.periodLabel}</h1>
    </>
  );
}

/** The return as a GOV.UK task list: one task per template section, with its status. */
export function TaskListPage({ context, draft }: { context: ReturnPageContext; draft: Draft }) {
  usePageTitle(`Complaints return for ${context.periodLabel}`);
  const checks = useChecks(context, draft);
  const template = draft.template!;
  const fields = templateFields(template, context.serviceAreas);
  const statuses = template.sections.map((section) =>
    sectionStatus(
      fields.filter((f) => f.section === section.id),
      draft.values,
      draft.inputProblems,
      checks,
    ),
  );
  const warningsToExplain = checks.warnings.filter((w) => !draft.explanations[w.id]?.trim()).length;
  // An error that spans sections stops no section's "Save and continue", so it is listed here, with
  // a link to each section it involves, as well as marking each of them "Has errors".
  const crossSectionErrors = context.editable ? checks.errors.filter((e) => spansSections(e, template, context.serviceAreas)) : [];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {crossSectionErrors.length > 0 ? (
          <LinkProvider renderLink={routerLink}>
            <ErrorSummary
              titleText="There is a problem"
              descriptionText="Figures in different sections do not agree. Fix them before you submit the return:"
              errorList={crossSectionErrors.map((e) => crossSectionErrorItem(e, template, context.serviceAreas, (sectionId, fieldId) => `${context.base}/${sectionId}#${fieldId}`))}
              disableAutoFocus
            />
          </LinkProvider>
        ) : null}
        <Heading context={context} />
        <ReturnProgress context={context} status={draft.revision!.status} completed={statuses.filter((s) => s === "completed").length} sections={template.sections.length} warningsToExplain={warningsToExplain} />
        <h2 className="govuk-heading-m">Sections</h2>
        <LinkProvider renderLink={routerLink}>
          <TaskList
            idPrefix="sections"
            items={template.sections.map((section, i) => ({
              title: { text: section.title },
              ...(section.description ? { hint: { text: section.description } } : {}),
              href: `${context.base}/${section.id}`,
              status: statuses[i] === "completed" ? { text: sectionStatusLabels.completed } : { tag: { text: sectionStatusLabels[statuses[i]!], classes: tagClasses[statuses[i]!] } },
            }))}
          />
        </LinkProvider>
        <ReturnLinks context={context} />
      </div>
    </div>
  );
}

/** The return's status, and how far the draft has got (or why it can only be read). */
function ReturnProgress(props: { context: ReturnPageContext; status: ReturnStatus; completed: number; sections: number; warningsToExplain: number }) {
  const { status, warningsToExplain } = props;
  return (
    <>
      <p className="govuk-body">
        Status: <Tag text={returnStatusLabels[status]} classes={status === "draft" ? "govuk-tag--grey" : undefined} />
      </p>
      {props.context.editable ? (
        <p className="govuk-body">
          You have completed {props.completed} of {props.sections} sections.
          {warningsToExplain > 0 ? ` ${warningsToExplain} ${warningsToExplain === 1 ? "warning needs" : "warnings need"} an explanation before you submit.` : ""}
        </p>
      ) : (
        <div className="govuk-inset-text">
          This return is {returnStatusLabels[status].toLowerCase()}. You can read it, but not change it
          {status === "draft" || status === "returned" ? ": only the complaints team changes a return" : ""}.
        </div>
      )}
    </>
  );
}

/** Where to go from the task list: check and submit, the other ways to fill it in, its history. */
function ReturnLinks({ context }: { context: ReturnPageContext }) {
  return (
    <>
      <h2 className="govuk-heading-m">{context.editable ? "Send the return" : "More about this return"}</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`${context.base}/check`}>
            {context.editable ? "Check your answers and submit" : "Check the answers"}
          </Link>
        </li>
        {context.editable ? (
          <li>
            <Link className="govuk-link" to={`${context.base}/upload`}>
              Fill it in with a spreadsheet instead
            </Link>
          </li>
        ) : null}
        {context.editable ? (
          <li>
            <Link className="govuk-link" to={`${context.base}/cases`}>
              Compute it from your case records
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to={`${context.base}/history`}>
            History of this return
          </Link>
        </li>
      </ul>
    </>
  );
}

/** No return for the quarter yet: start it while the quarter's reporting window is open. */
export function StartReturnPage({ context, canStart, onStarted }: { context: ReturnPageContext; canStart: boolean; onStarted(): Promise<void> }) {
  usePageTitle(`Complaints return for ${context.periodLabel}`);
  const windows = useQuery(procedureQuery("windows.list", { openOnly: true }));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const open = windows.data?.some((w) => w.period === context.periodCode && w.open) ?? false;

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      await api.returns.openDraft.mutate({ organisationCode: context.organisationCode, period: context.periodCode });
      await onStarted();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Heading context={context} />
        <p className="govuk-body">{context.organisationName} has not started its return for this quarter.</p>
        {problem ? (
          <div className="govuk-error-summary" tabIndex={-1} ref={(el) => el?.focus()}>
            <div role="alert">
              <h2 className="govuk-error-summary__title">There is a problem</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{problem}</p>
              </div>
            </div>
          </div>
        ) : null}
        {windows.isPending ? null : open && canStart ? (
          <>
            <p className="govuk-body">Figures carried from last quarter's return, such as the complaints open at the start, are filled in for you.</p>
            <Button text={busy ? "Starting…" : "Start this return"} disabled={busy} onClick={() => void start()} />
          </>
        ) : open ? (
          <p className="govuk-body">Your complaints team starts the return.</p>
        ) : (
          <p className="govuk-body">Returns for {context.periodLabel} are not open. Your department opens each quarter's reporting window.</p>
        )}
      </div>
    </div>
  );
}
