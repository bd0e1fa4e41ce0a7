/** The annual report section as files to save: a whole HTML document, and plain text. */

export interface AnnualReportSection {
  departmentName: string;
  financialYear: string;
  html: string;
  text: string;
  fileName: string;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** The two file names, from the API's (`…html`): the same name ending `.html` and `.txt`. */
export function sectionFileNames(fileName: string): { html: string; text: string } {
  const base = fileName.replace(/\.(html?|txt)$/i, "") || "annual-report-complaints";
  return { html: `${base}.html`, text: `${base}.txt` };
}

/**
 * The section as a document that opens on its own (a browser, or Word's "Open"): the HTML's
 * language, character set and title set, as a page needs (WCAG 2.2 3.1.1, 2.4.2). The API's HTML is
 * a fragment; if it is a whole document already, it is kept as it is.
 */
export function sectionHtmlDocument(section: AnnualReportSection): string {
  if (/^\s*<(!doctype|html)/i.test(section.html)) return section.html;
  const title = `Complaints: annual report section ${section.financialYear}, ${section.departmentName}`;
  return `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${section.html.trim()}\n</body>\n</html>\n`;
}
