import { csvText, neutraliseFormula } from "@complaints/domain";

/**
 * CSV text (RFC 4180: commas, double quotes doubled, CRLF line ends) of a table, written by
 * papaparse as the server writes its files. Every text cell goes through the project's formula rule
 * (domain csv/formula.ts, OWASP "CSV Injection"), so a body name like "=HYPERLINK(…)" opens as text
 * in a spreadsheet; a number is written plainly ("-1.5", so it stays a number), and null as an empty cell.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return csvText(rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell))));
}

/** Hands the text to the browser as a file download (a Blob, nothing sent to the server). */
export function downloadCsv(fileName: string, text: string): void {
  // A byte order mark, so Excel reads the file as UTF-8 (names with accents, "–").
  const blob = new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
