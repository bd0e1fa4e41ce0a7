import { formatCount, formatValue, plural, requireTemplate, templateFields, type FieldDeclaration, type TemplateDeclaration } from "@complaints/domain";
import { Link, NotificationBanner, Table } from "@complaints/ui";
import { FileErrorSummary, ReturnNextSteps, type FileOutcome } from "../screening/file-outcome.tsx";
import { problemText } from "./case-problems.ts";
import type { CaseImportResult } from "./queries.ts";

/**
 * What the last case file came to: not taken or refused (`result.fileRefused`: the file has
 * problems; otherwise the quarter's return could not take its figures), or its figures.
 */
export type CaseOutcome = FileOutcome<CaseFigures>;

/** A case file's figures, worked out and in the draft, or the example file's. */
export type CaseFigures =
  /** `restored`: shown again on coming back to the page, so the banner does not take focus again. */
  | { kind: "computed"; fileName: string; result: CaseImportResult; restored?: boolean }
  /** The example file: only checked and computed (the server never stores it), its figures shown as the example's. */
  | { kind: "example"; fileName: string; result: CaseImportResult };

/**
 * The top of the page after an upload: the GOV.UK error summary listing each problem by row and
 * column, or the success banner (which takes focus itself).
 */
export function CaseOutcomeSummary({ outcome, attempt, returnPath, periodLabel }: { outcome: CaseOutcome; attempt: number; returnPath: string; periodLabel: string }) {
  switch (outcome.kind) {
    case "not-sent":
    case "failed":
    case "refused":
      return <FileErrorSummary outcome={outcome} attempt={attempt} correction="Correct these in your case file (or in the mapping you chose) and upload it again." problemText={problemText} />;
    case "computed": {
      const { rows } = outcome.result;
      return (
        <NotificationBanner key={attempt} type="success" disableAutoFocus={outcome.restored === true}>
          <h3 className="govuk-notification-banner__heading">The return's figures have been worked out from your case file</h3>
          <p className="govuk-body">
            {plural(rows, "case")} read from “{outcome.fileName}”. The figures below are now in the draft return for {periodLabel}. It is still a draft: check it, fill in what the file cannot
            give, and send it for approval when it is ready.
          </p>
          <ReturnNextSteps returnPath={returnPath} />
        </NotificationBanner>
      );
    }
    case "example":
      return (
        <NotificationBanner key={attempt} role="alert" titleText="Example file">
          <h3 className="govuk-notification-banner__heading">Nothing was saved: “{outcome.fileName}” is the example file</h3>
          <p className="govuk-body">
            Its {plural(outcome.result.rows, "case")} are made up, so the draft return for {periodLabel} is as it was. Below are the figures the example gives, to show what an import of your own
            cases works out.
          </p>
        </NotificationBanner>
      );
    default:
      return null;
  }
}

/** A computed figure as the table shows it: "4", "£250.00", "10 working days" (the column says what is counted). */
export function figureText(field: FieldDeclaration, value: number): string {
  if (field.type === "money") return formatValue(field, value);
  if (field.unit === "working days") return plural(value, "working day");
  return formatCount(value);
}

/**
 * The quarter's figures as worked out from the cases, one table per section of the return, in the
 * form's order; each figure above nought links to the cases behind it. Then the figures the file
 * could not give, with the reason, each linking to its section to fill it in.
 */
export function ComputedFigures(props: {
  result: CaseImportResult;
  periodCode: string;
  organisation: { serviceAreas?: readonly { code: string; label: string }[] | null };
  templateVersion: number;
  returnPath: string;
  casesPath: string;
  /** The example file's figures: labelled as such, and not linked (its cases are not stored). */
  example?: boolean;
}) {
  const { result, periodCode, returnPath } = props;
  const quarter = result.quarters.find((q) => q.period === periodCode);
  if (!quarter) return null;
  const template = requireTemplate(props.templateVersion);
  const fields = templateFields(template, props.organisation.serviceAreas ?? []);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const sections = template.sections
    .map((section) => ({ section, fields: fields.filter((f) => f.section === section.id && quarter.values[f.id] !== undefined) }))
    .filter((s) => s.fields.length > 0);

  const figureCell = (field: FieldDeclaration) => {
    const value = quarter.values[field.id]!;
    const text = figureText(field, value);
    if (value === 0 || props.example) return { text, format: "numeric" };
    return {
      format: "numeric",
      children: (
        <Link className="govuk-link" href={`${props.casesPath}/${encodeURIComponent(field.id)}`}>
          {text}
          <span className="govuk-visually-hidden">: the cases behind “{field.label}”</span>
        </Link>
      ),
    };
  };

  return (
    <div className="app-case-figures" id="case-figures">
      <h2 className="govuk-heading-m">{props.example ? "The figures from the example file (not saved)" : "The figures from your cases"}</h2>
      {quarter.complete ? null : <p className="govuk-inset-text">The quarter has not ended yet: these are its figures so far.</p>}
      {props.example ? null : <p className="govuk-body">Select a figure to see the case references behind it.</p>}
      {sections.map(({ section, fields: rows }) => (
        <Table
          key={section.id}
          caption={section.title}
          captionClasses="govuk-table__caption--s"
          classes="app-case-figures__table"
          firstCellIsHeader
          head={[{ text: "Figure" }, { text: "Value", format: "numeric" }]}
          rows={rows.map((field) => [{ text: field.label }, figureCell(field)])}
          attributes={{ id: `figures-${section.id}` }}
        />
      ))}
      <FiguresLeft quarter={quarter} template={template} byId={byId} returnPath={returnPath} example={props.example === true} />
      <p className="govuk-body">
        <Link className="govuk-link" href={`${returnPath}/`}>
          Review the draft return
        </Link>
      </p>
    </div>
  );
}

type QuarterFigures = CaseImportResult["quarters"][number];

/** The figures the file could not give, with the reason, each linking to its section to fill it in. */
function FiguresLeft({ quarter, template, byId, returnPath, example }: { quarter: QuarterFigures; template: TemplateDeclaration; byId: Map<string, FieldDeclaration>; returnPath: string; example: boolean }) {
  if (quarter.left.length === 0) return null;
  // A field left for the user is one of the return's, or a whole breakdown ("received_by_service_area").
  const left = quarter.left.map((l) => {
    const breakdown = template.breakdowns.find((b) => b.id === l.field);
    return { ...l, declaration: byId.get(l.field) ?? (breakdown ? { label: breakdown.label, section: breakdown.section } : undefined) };
  });
  return (
    <>
      <h2 className="govuk-heading-m">Figures to fill in yourself</h2>
      <p className="govuk-body">{example ? "The example file does not give these:" : "Your case file could not give these, so the return keeps what it had:"}</p>
      <ul className="govuk-list govuk-list--bullet" id="figures-left">
        {left.map(({ field, reason, declaration }) => (
          <li key={field}>
            {declaration ? (
              <Link className="govuk-link" href={`${returnPath}/${declaration.section}`}>
                {declaration.label}
              </Link>
            ) : (
              field
            )}
            : {reason}
          </li>
        ))}
      </ul>
    </>
  );
}
