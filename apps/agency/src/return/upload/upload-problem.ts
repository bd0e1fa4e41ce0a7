import type { ScreenProblem } from "@complaints/domain";
import type { ProblemColumns } from "../../screening/file-outcome.tsx";

/**
 * A problem the API found in an uploaded file (returns.uploadSpreadsheet): the sheet's row, the
 * field id as written in the file (known or not) as its column, and the question's label when the
 * id is one of the return's.
 */
export type UploadProblem = ScreenProblem;

/**
 * The problem's message without the "Row 12, ‘Label’: " the API starts it with, for the table whose
 * own columns give the row and question; the error summary keeps the whole message.
 */
export function problemWithoutPlace(problem: UploadProblem): string {
  const prefixes = problem.row === null ? [] : [!problem.label ? null : `Row ${problem.row}, ‘${problem.label}’: `, `Row ${problem.row}: `];
  for (const prefix of prefixes) {
    if (prefix && problem.message.startsWith(prefix)) {
      const rest = problem.message.slice(prefix.length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return problem.message;
}

/** The question column: the label, else the id the file gave, else the whole file. */
export function problemQuestion(problem: UploadProblem): string {
  if (problem.label) return problem.label;
  if (problem.column) return `“${problem.column}” (not a question of this return)`;
  return "The whole file";
}

/** The table of a spreadsheet's problems: row, question, problem. */
export const uploadProblemColumns: ProblemColumns = {
  caption: "Problems in the file",
  id: "upload-problems",
  placeHeading: "Question",
  place: problemQuestion,
  message: problemWithoutPlace,
};
