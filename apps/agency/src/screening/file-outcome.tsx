import { plural, type ScreenProblem, type Screening } from "@complaints/domain";
import { ErrorSummary, Table } from "@complaints/ui";
import { Link } from "react-router";

/**
 * What an upload page shows of a file the server screened: the return spreadsheet and the case file
 * give the same answer (domain `Screening`), so their pages share one error summary, one message
 * beside the file input and one table of problems.
 */

/** A file the server screened and refused; `fileRefused: false` when the file was good but what it was for (a quarter's return) could not take it. */
export type RefusedFile = Screening & { fileRefused?: boolean };

/** A file not taken: refused by the browser before it was sent, or a request that failed. */
type Failure = { kind: "not-sent" | "failed"; message: string };
type Refused = { kind: "refused"; fileName: string; result: RefusedFile };

/** What the last upload came to: nothing yet, not taken, refused by the screener, or one of the page's own kinds of success. */
export type FileOutcome<Done extends { kind: string }> = { kind: "none" } | Failure | Refused | Done;

function isFailure(outcome: { kind: string }): outcome is Failure {
  return outcome.kind === "not-sent" || outcome.kind === "failed";
}

function isRefused(outcome: { kind: string }): outcome is Refused {
  return outcome.kind === "refused";
}

/** Whether the problems are the file's to correct (and so link to the file input). */
function fileAtFault(result: RefusedFile): boolean {
  return result.fileRefused !== false;
}

export function outcomeHasErrors(outcome: { kind: string }): boolean {
  return isFailure(outcome) || isRefused(outcome);
}

/** The message beside the file input (GOV.UK: the summary and the field say the same). */
export function fileErrorOf(outcome: { kind: string }): string | null {
  if (isFailure(outcome)) return outcome.message;
  // A quarter refused (its return already sent, say) is no fault of the file: the summary says why.
  if (isRefused(outcome) && fileAtFault(outcome.result)) {
    return `The selected file has ${plural(outcome.result.problems.length + outcome.result.moreProblems, "problem", "problems")}: nothing from it was saved`;
  }
  return null;
}

/**
 * The GOV.UK error summary for a file not taken, each problem a line of it (it takes focus;
 * `attempt` keys it so it takes focus again after the next upload). `correction` tells the user
 * what to do with the file; nothing is shown for any other outcome.
 */
export function FileErrorSummary({ outcome, attempt, correction, problemText = (p) => p.message }: { outcome: { kind: string }; attempt: number; correction: string; problemText?: (problem: ScreenProblem) => string }) {
  if (isFailure(outcome)) return <ErrorSummary key={attempt} titleText="There is a problem" errorList={[{ text: outcome.message, href: "#file" }]} />;
  if (!isRefused(outcome)) return null;
  const { problems, moreProblems } = outcome.result;
  const atFault = fileAtFault(outcome.result);
  return (
    <ErrorSummary
      key={attempt}
      titleText="There is a problem"
      descriptionText={`Nothing from “${outcome.fileName}” was saved: the return is as it was.${atFault ? ` ${correction}` : ""}`}
      errorList={[
        // Each problem of the file links to the file input; a problem that is not the file's has no field to fix.
        ...problems.map((p) => ({ text: problemText(p), ...(atFault ? { href: "#file" } : {}) })),
        ...(moreProblems > 0 ? [{ text: `and ${plural(moreProblems, "more problem", "more problems")}` }] : []),
      ]}
    />
  );
}

/** How a page's table of problems names and places them. */
export interface ProblemColumns {
  caption: string;
  id: string;
  /** The heading of the column between Row and Problem, and what it says for each problem. */
  placeHeading: string;
  place: (problem: ScreenProblem) => string;
  message: (problem: ScreenProblem) => string;
}

/** A refused file's problems as a table (row, place, problem), "and N more problems" when the list was capped; nothing for any other outcome. */
export function FileProblemsTable({ outcome, columns }: { outcome: { kind: string }; columns: ProblemColumns }) {
  if (!isRefused(outcome) || !fileAtFault(outcome.result)) return null;
  const { problems, moreProblems } = outcome.result;
  return (
    <>
      <Table
        caption={columns.caption}
        captionClasses="govuk-table__caption--m"
        classes="app-upload-table"
        head={[{ text: "Row", classes: "app-upload-table__row" }, { text: columns.placeHeading }, { text: "Problem" }]}
        rows={problems.map((p) => [{ text: p.row === null ? "–" : String(p.row), classes: "app-upload-table__row" }, { text: columns.place(p) }, { text: columns.message(p) }])}
        attributes={{ id: columns.id }}
      />
      {moreProblems > 0 ? <p className="govuk-body">and {plural(moreProblems, "more problem", "more problems")}: correct these and upload the file again to see the rest.</p> : null}
    </>
  );
}

/** The success banner's way on once a file has filled in the draft: the task list, or check your answers. */
export function ReturnNextSteps({ returnPath }: { returnPath: string }) {
  return (
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
  );
}
