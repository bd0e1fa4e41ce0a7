import { plural, type FieldDeclaration, type FieldValue } from "@complaints/domain";
import { ErrorSummary, NotificationBanner, Table } from "@complaints/ui";
import { Link } from "react-router";
import { describeValue } from "./describe-value.ts";
import { problemQuestion, problemWithoutPlace, type UploadProblem } from "./upload-problem.ts";

export interface UploadChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

/** What the last upload came to; "not-sent" is a file the browser refused before sending it. */
export type UploadOutcome =
  | { kind: "none" }
  | { kind: "not-sent"; message: string }
  | { kind: "refused"; fileName: string; problems: UploadProblem[]; more: number }
  | { kind: "failed"; message: string }
  | { kind: "updated"; fileName: string; changes: UploadChange[] };

export function outcomeHasErrors(outcome: UploadOutcome): boolean {
  return outcome.kind === "not-sent" || outcome.kind === "refused" || outcome.kind === "failed";
}

/** The message beside the file input for an outcome with errors (GOV.UK: the summary and the field say the same). */
export function fileErrorOf(outcome: UploadOutcome): string | null {
  switch (outcome.kind) {
    case "not-sent":
    case "failed":
      return outcome.message;
    case "refused":
      return `The selected file has ${plural(outcome.problems.length + outcome.more, "problem", "problems")}: nothing from it was saved`;
    default:
      return null;
  }
}

/**
 * The top of the page after an upload: the GOV.UK error summary (it takes focus; `attempt` keys it
 * so it takes focus again after the next failed upload) or the success banner (which takes focus itself).
 */
export function OutcomeSummary({ outcome, attempt, returnPath }: { outcome: UploadOutcome; attempt: number; returnPath: string }) {
  switch (outcome.kind) {
    case "not-sent":
    case "failed":
      return <ErrorSummary key={attempt} titleText="There is a problem" errorList={[{ text: outcome.message, href: "#file" }]} />;
    case "refused":
      return (
        <ErrorSummary
          key={attempt}
          titleText="There is a problem"
          descriptionText={`Nothing from “${outcome.fileName}” was saved: the return is as it was. Correct these rows in your spreadsheet and upload it again.`}
          errorList={[
            ...outcome.problems.map((p) => ({ text: p.message, href: "#file" })),
            ...(outcome.more > 0 ? [{ text: `and ${plural(outcome.more, "more problem", "more problems")}` }] : []),
          ]}
        />
      );
    case "updated":
      return (
        <NotificationBanner key={attempt} type="success">
          <h3 className="govuk-notification-banner__heading">Your return has been updated from the file</h3>
          <p className="govuk-body">
            {outcome.changes.length === 0
              ? `No answers changed: “${outcome.fileName}” holds the same answers as the return.`
              : `${plural(outcome.changes.length, "answer", "answers")} changed, from “${outcome.fileName}”. The return is still a draft: check it and send it for approval when it is ready.`}
          </p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`${returnPath}/`}>
              Go to the return's task list
            </Link>{" "}
            or{" "}
            <Link className="govuk-notification-banner__link" to={`${returnPath}/check`}>
              check your answers
            </Link>
            .
          </p>
        </NotificationBanner>
      );
    default:
      return null;
  }
}

/** The problems as a table (row, question, problem), "and N more problems" when the API capped the list. */
export function ProblemsTable({ problems, more }: { problems: UploadProblem[]; more: number }) {
  return (
    <>
      <Table
        caption="Problems in the file"
        captionClasses="govuk-table__caption--m"
        classes="app-upload-table"
        head={[{ text: "Row", classes: "app-upload-table__row" }, { text: "Question" }, { text: "Problem" }]}
        rows={problems.map((p) => [{ text: p.row === null ? "–" : String(p.row), classes: "app-upload-table__row" }, { text: problemQuestion(p) }, { text: problemWithoutPlace(p) }])}
        attributes={{ id: "upload-problems" }}
      />
      {more > 0 ? <p className="govuk-body">and {plural(more, "more problem", "more problems")}: correct these and upload the file again to see the rest.</p> : null}
    </>
  );
}

/** What the upload changed: question, before, after. */
export function ChangesTable({ changes, fields }: { changes: UploadChange[]; fields: ReadonlyMap<string, FieldDeclaration> }) {
  if (changes.length === 0) return null;
  return (
    <Table
      caption="What changed"
      captionClasses="govuk-table__caption--m"
      classes="app-upload-table"
      head={[{ text: "Question" }, { text: "Before" }, { text: "After" }]}
      rows={changes.map((c) => [{ text: c.label }, { text: describeValue(fields.get(c.field), c.from) }, { text: describeValue(fields.get(c.field), c.to) }])}
      attributes={{ id: "upload-changes" }}
    />
  );
}
