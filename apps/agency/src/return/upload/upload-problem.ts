/** A problem the API found in an uploaded file (returns.uploadSpreadsheet, services/return-spreadsheet.ts `UploadProblem`). */
export interface UploadProblem {
  /** The sheet's row (1-based), or null for the whole file. */
  row: number | null;
  /** The field id as written in the file (known or not). */
  field: string | null;
  /** The question's label, when the id is one of the return's. */
  label: string | null;
  message: string;
}

/**
 * The problem's message without the "Row 12, ‘Label’: " the API starts it with, for the table whose
 * own columns give the row and question; the error summary keeps the whole message.
 */
export function problemWithoutPlace(problem: UploadProblem): string {
  const prefixes = problem.row === null ? [] : [problem.label === null ? null : `Row ${problem.row}, ‘${problem.label}’: `, `Row ${problem.row}: `];
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
  if (problem.field) return `“${problem.field}” (not a question of this return)`;
  return "The whole file";
}
