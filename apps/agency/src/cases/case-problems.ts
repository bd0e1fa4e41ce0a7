import { formatBytes } from "./chunked-upload.ts";
import type { CaseProblem } from "@complaints/domain";
import type { ProblemColumns } from "../screening/file-outcome.tsx";

/**
 * Where a problem is, as the error summary says it: "Row 12, column closed_date", "Row 12",
 * "Column name" (a header problem), or nothing for the file as a whole.
 */
export function problemPlace(problem: CaseProblem): string | null {
  if (problem.row !== null && problem.column) return `Row ${problem.row}, column ${problem.column}`;
  if (problem.row !== null) return `Row ${problem.row}`;
  if (problem.column) return `Column ${problem.column}`;
  return null;
}

/** The engine's message without a place it may already start with, first letter capitalised. */
export function problemMessage(problem: CaseProblem): string {
  const place = problemPlace(problem);
  let message = problem.message;
  if (place && message.toLowerCase().startsWith(place.toLowerCase())) message = message.slice(place.length).replace(/^[:,.\s]+/, "");
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** One line of the error summary: "Row 12, column closed_date: the closed date is before the received date". */
export function problemText(problem: CaseProblem): string {
  const place = problemPlace(problem);
  const message = problemMessage(problem);
  // "The date…" reads on after a colon as "the date…"; an acronym or a code keeps its case.
  const after = /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return place ? `${place}: ${after}` : message;
}

/** The table of a case file's problems: row, column (or the whole file), problem. */
export const caseProblemColumns: ProblemColumns = {
  caption: "Problems in the case file",
  id: "case-problems",
  placeHeading: "Column",
  place: (p) => p.column ?? "The whole file",
  message: problemMessage,
};

/**
 * What the browser can tell about a chosen case file before sending it (the GOV.UK file upload
 * pattern's messages); the server checks the content. `maxBytes` is the API's limit
 * (`cases.overview`'s `upload.maxBytes`). Null when it may be sent.
 */
export function caseFileProblem(file: { name: string; size: number } | null | undefined, maxBytes: number): string | null {
  if (!file) return "Select your case file";
  if (!/\.(csv|txt)$/i.test(file.name)) return "The selected file must be a CSV";
  if (file.size === 0) return "The selected file is empty";
  if (file.size > maxBytes) {
    // Not "split it": an import replaces all the body's cases, so half a file would lose the other half.
    return `The selected file must be smaller than ${formatBytes(maxBytes)}. Export only the columns the import reads, or ask whoever runs the service to import it from the command line`;
  }
  return null;
}
