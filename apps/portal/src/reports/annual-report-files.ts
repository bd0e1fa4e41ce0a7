/** The annual report section as files to save: a whole HTML document, and plain text. */

/**
 * What `reports.annualReport` returns: `html` to paste (a fragment), `document` the same as a whole
 * document to save (language, character set and title, made by packages/reports' `annualReportDocument`,
 * as the command line's `annual-report --out x.html` writes it), and `text`.
 */
export interface AnnualReportSection {
  departmentName: string;
  financialYear: string;
  html: string;
  document: string;
  text: string;
  fileName: string;
}

/** The two file names, from the API's (`…html`): the same name ending `.html` and `.txt`. */
export function sectionFileNames(fileName: string): { html: string; text: string } {
  const base = fileName.replace(/\.(html?|txt)$/i, "") || "annual-report-complaints";
  return { html: `${base}.html`, text: `${base}.txt` };
}
