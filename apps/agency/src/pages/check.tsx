import { useQuery } from "@tanstack/react-query";
import { ErrorSummary, Link, NotificationBanner, type ErrorSummaryItem } from "@complaints/ui";
import { issueSections, periodLabelOf, requireTemplate, templateFields, type FieldDeclaration, type TemplateDeclaration, type ValidationIssue } from "@complaints/domain";
import { useState } from "react";
import { Loading, type Me, type Organisation, procedureQuery, type QueryOutput, ServiceProblem, useMe, usePageTitle } from "@complaints/client";
import { crossSectionErrorItem, spansSections } from "../return/cross-section-error.tsx";
import { returnAddress } from "./body.tsx";
import { figurePath, useCaseLinkFields } from "../cases/queries.ts";
import { Actions } from "./check-actions.tsx";
import { AnswerSections, StatusLine, Warnings, type StoredReturn } from "./check-answers.tsx";
import { Confirmation, confirmationTitle, type Done } from "./check-confirmation.tsx";

type Validation = QueryOutput<"returns.validate">;

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
  if (!ret) return <NotStarted org={org} period={period} />;
  return (
    <CheckedReturn org={org} period={period} ret={ret} result={validation.data!} user={me.data} editable={editable} caseFields={caseFields} onDone={setDone} onErrors={setActionErrors} />
  );
}

function NotStarted({ org, period }: { org: Organisation; period: string }) {
  const label = periodLabelOf(period);
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

interface CheckedReturnProps {
  org: Organisation;
  period: string;
  ret: StoredReturn;
  result: Validation;
  user: Me;
  editable: boolean;
  caseFields: ReadonlySet<string>;
  onDone: (done: Done) => void;
  onErrors: (shown: boolean) => void;
}

/** A return that exists: what blocks it, its answers and warnings, and what the user may do with it. */
function CheckedReturn({ org, period, ret, result, user, editable, caseFields, onDone, onErrors }: CheckedReturnProps) {
  const can = (p: string) => (user.permissions as readonly string[]).includes(p);
  const template = requireTemplate(ret.templateVersion);
  const fields = templateFields(template, org.serviceAreas);
  const canChange = editable && can("returns.edit");
  const links = returnLinks(org, period, template, fields);
  const errorList: ErrorSummaryItem[] = [
    ...result.errors.map((e) =>
      spansSections(e, template, org.serviceAreas)
        ? crossSectionErrorItem(e, template, org.serviceAreas, (section, fieldId) => `${returnAddress(org.code, period, section)}#${fieldId}`)
        : { text: e.message, href: links.field(e.fieldIds[0]) },
    ),
    ...(editable ? result.unexplained.map((w) => ({ text: `Explain this warning: ${w.message}`, href: links.explanation(w) })) : []),
  ];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {editable && errorList.length > 0 ? (
          <ErrorSummary titleText="There is a problem" descriptionText="Fix these before the return can be submitted:" errorList={errorList} disableAutoFocus />
        ) : null}
        <ReturnHeading org={org} period={period} ret={ret} editable={editable} can={can} canChange={canChange} />
        <AnswerSections
          template={template}
          fields={fields}
          ret={ret}
          canChange={canChange}
          href={(section, f) => `${returnAddress(org.code, period, section)}#${f.id}`}
          casesHref={(f) => (caseFields.has(f.id) ? `/agency${figurePath(org.code, period, f.id)}?from=check` : null)}
        />
        <Warnings warnings={result.warnings} explanations={ret.explanations} canChange={canChange} href={links.explanation} />
        <Actions ret={ret} org={org} canSubmit={result.canSubmit} userId={user.id} can={can} onDone={onDone} onErrors={onErrors} />
      </div>
    </div>
  );
}

/** Where the return's problems are fixed: a field in its section, or a warning's explanation box. */
function returnLinks(org: Organisation, period: string, template: TemplateDeclaration, fields: FieldDeclaration[]) {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return {
    field: (fieldId: string | undefined) => {
      const field = fieldId ? byId.get(fieldId) : undefined;
      return field ? `${returnAddress(org.code, period, field.section)}#${field.id}` : returnAddress(org.code, period);
    },
    // A warning's explanation box is beneath its figure in the first section it involves; the link moves focus into it.
    explanation: (w: ValidationIssue) => {
      const section = issueSections(w, template, org.serviceAreas)[0];
      return section ? `${returnAddress(org.code, period, section)}#explanation-${w.id}` : returnAddress(org.code, period);
    },
  };
}

/** The reasons it was sent back, the heading the user's part in it calls for, its status, and links to its history and sections. */
function ReturnHeading({ org, period, ret, editable, can, canChange }: { org: Organisation; period: string; ret: StoredReturn; editable: boolean; can: (p: string) => boolean; canChange: boolean }) {
  const label = periodLabelOf(period);
  const heading =
    editable && can("returns.submit")
      ? "Check your answers before you submit the return"
      : ret.status === "submitted" && can("returns.approve")
        ? "Check the return before you approve it"
        : `Return for ${label}`;
  return (
    <>
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
    </>
  );
}
