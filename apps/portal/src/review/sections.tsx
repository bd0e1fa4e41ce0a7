import { SummaryList, type SummaryListRow } from "@complaints/ui";
import { answerText, type FieldDeclaration, type FieldValue, type TemplateDeclaration } from "@complaints/domain";

interface Answers {
  values: Record<string, FieldValue>;
  notes: Record<string, string>;
}

/**
 * One summary-list row per field: its label, the answer with its unit, and the body's note on a
 * marker. A section of optional questions left wholly blank (equality monitoring) is one row; a
 * repeating group's items appear only when something was entered in them.
 */
function sectionRows(fields: readonly FieldDeclaration[], answers: Answers): SummaryListRow[] {
  const blank = (f: FieldDeclaration) => answers.values[f.id] === null || answers.values[f.id] === undefined;
  if (fields.length > 1 && fields.every((f) => !f.required && blank(f))) {
    return [{ key: { text: "Answers" }, value: { children: <span className="govuk-hint govuk-!-margin-bottom-0">None given (these questions are optional)</span> } }];
  }
  const itemsInUse = new Set(fields.filter((f) => f.group && !blank(f)).map((f) => `${f.group}.${f.item}`));
  return fields
    .filter((f) => !f.group || itemsInUse.has(`${f.group}.${f.item}`))
    .map((f) => {
      const value = answers.values[f.id];
      const note = answers.notes[f.id];
      return {
        key: { text: f.label },
        value: {
          children: (
            <>
              <span className={blank(f) ? "govuk-hint govuk-!-margin-bottom-0" : "app-reason"}>{answerText(f, value)}</span>
              {note ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0 app-reason">Note: {note}</span> : null}
            </>
          ),
        },
      };
    });
}

/** Every section of the template with the return's answers, each under its own heading. */
export function ReturnSections({ template, fields, answers }: { template: TemplateDeclaration; fields: readonly FieldDeclaration[]; answers: Answers }) {
  return (
    <>
      {template.sections.map((section) => {
        const rows = sectionRows(
          fields.filter((f) => f.section === section.id),
          answers,
        );
        return rows.length === 0 ? null : (
          <section key={section.id} aria-labelledby={`section-${section.id}`} data-section={section.id}>
            <h3 className="govuk-heading-m" id={`section-${section.id}`}>
              {section.title}
            </h3>
            <SummaryList rows={rows} classes="govuk-!-margin-bottom-9" />
          </section>
        );
      })}
    </>
  );
}
