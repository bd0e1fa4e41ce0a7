import { ReturnStatusTag, SummaryList, type SummaryListAction, type SummaryListRow } from "@complaints/ui";
import { answerText, formatDateTime, returnStatusLabels, type FieldDeclaration, type TemplateDeclaration, type ValidationIssue } from "@complaints/domain";
import type { QueryOutput } from "@complaints/client";
import { lowerFirst } from "../return/answers.ts";

export type StoredReturn = NonNullable<QueryOutput<"returns.find">>;

export function StatusLine({ ret }: { ret: StoredReturn }) {
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

/** Every section's answers, each a summary list under its title; a section with no rows is left out. */
export function AnswerSections(props: {
  template: TemplateDeclaration;
  fields: FieldDeclaration[];
  ret: StoredReturn;
  canChange: boolean;
  href: (sectionId: string, f: FieldDeclaration) => string;
  casesHref: (f: FieldDeclaration) => string | null;
}) {
  const { template, fields, ret, canChange, href, casesHref } = props;
  return (
    <>
      {template.sections.map((section) => {
        const rows = sectionRows(fields.filter((f) => f.section === section.id), ret, canChange, (f) => href(section.id, f), casesHref);
        return rows.length === 0 ? null : (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <h2 className="govuk-heading-m" id={`section-${section.id}`}>
              {section.title}
            </h2>
            <SummaryList rows={rows} classes="govuk-!-margin-bottom-9" attributes={{ "data-section": section.id }} />
          </section>
        );
      })}
    </>
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

export function Warnings({ warnings, explanations, canChange, href }: { warnings: readonly ValidationIssue[]; explanations: Record<string, string>; canChange: boolean; href: (w: ValidationIssue) => string }) {
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
