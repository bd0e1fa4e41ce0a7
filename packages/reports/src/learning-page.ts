import { csvText, formatDate, formatDateTime, listInWords, plural, ukDateOf, type ActionStatus } from "@complaints/domain";
import { escapeText } from "@complaints/charts";
import { safeText } from "./cells.ts";

/**
 * Published learning (DESIGN.md section 4): the "you said, we did" items of completed actions whose
 * summary the body's senior accountable officer approved, as a page anyone can read without signing in (a body or department links to it from
 * its website) and as CSV. The items come from the API's one selection of what may be shared; this
 * file only lays them out and shows nothing it is not given.
 */

/**
 * One item, as the API's published selection gives it (it may carry more fields; only these are
 * shown). Only the "you said, we did" summary is text a body wrote for the public: the form warns
 * its writer to include nothing that could identify the person. The action as recorded ("What we
 * changed") is written for the department's own users and is never published here.
 */
export interface PublishedLearningItem {
  organisationCode: string;
  organisationName: string;
  /**
   * The body has closed since (no longer active): its items stay, marked "(closed)", but there is
   * no page for it alone (`/published/{code}/learning` answers 404 for a closed body).
   */
  organisationClosed?: boolean;
  /** The "you said, we did" summary the body wrote for the public. */
  summary: string;
  themes: readonly { code: string; label: string }[];
  status: ActionStatus;
  statusLabel: string;
  startDate: string;
  dueDate: string;
  completedDate: string | null;
}

export interface PublishedLearningInput {
  organisation: { code: string; name: string; kind: "department" | "body" };
  /** Newest first; a department's are grouped by body here. */
  items: readonly PublishedLearningItem[];
  /** When the page or file was produced (ISO 8601 instant). */
  produced: string;
}

/** Where the page's stylesheet is served (the server's CSP allows only our own stylesheets: no inline styles). */
export const publishedLearningStylesheetPath = "/published/learning.css";

/** The page's address and the CSV's, for an organisation code. */
export function publishedLearningPaths(code: string): { page: string; csv: string } {
  return { page: `/published/${code}/learning`, csv: `/published/${code}/learning.csv` };
}

/** The CSV's file name, e.g. "learning-DEPT-A-2025-07-10.csv". */
export function publishedLearningCsvFileName(input: Pick<PublishedLearningInput, "organisation" | "produced">): string {
  return `learning-${input.organisation.code}-${ukDateOf(input.produced)}.csv`;
}

const h = escapeText;

function when(item: PublishedLearningItem): string {
  if (item.completedDate !== null) return `Completed on ${formatDate(item.completedDate)}`;
  const due = `, due by ${formatDate(item.dueDate)}`;
  return item.status === "not_started" ? `Starting on ${formatDate(item.startDate)}${due}` : `Started on ${formatDate(item.startDate)}${due}`;
}

/** A GOV.UK summary list row (govuk-frontend `summary-list` markup, without actions). */
function row(key: string, value: string): string {
  return `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${h(key)}</dt><dd class="govuk-summary-list__value">${h(value)}</dd></div>`;
}

function itemHtml(item: PublishedLearningItem, level: 2 | 3): string {
  const heading = level === 2 ? "govuk-heading-m" : "govuk-heading-s";
  return [
    `<div class="app-learning-item">`,
    `<h${level} class="${heading}">${h(item.summary)}</h${level}>`,
    `<dl class="govuk-summary-list">`,
    row(item.themes.length === 1 ? "Theme" : "Themes", item.themes.length === 0 ? "None given" : listInWords(item.themes.map((t) => t.label))),
    row("Status", item.statusLabel),
    row("When", when(item)),
    `</dl>`,
    `</div>`,
  ].join("");
}

/** Items by body, bodies in name order, each body's items in the order given (newest first). */
function byBody(items: readonly PublishedLearningItem[]): { code: string; name: string; closed: boolean; items: PublishedLearningItem[] }[] {
  const groups = new Map<string, { code: string; name: string; closed: boolean; items: PublishedLearningItem[] }>();
  for (const item of items) {
    const group = groups.get(item.organisationCode) ?? { code: item.organisationCode, name: item.organisationName, closed: item.organisationClosed === true, items: [] };
    group.items.push(item);
    groups.set(item.organisationCode, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.code.localeCompare(b.code));
}

/** "Agency A1", or "Old Agency (closed)" for a body that has closed. */
const nameOf = (g: { name: string; closed: boolean }) => (g.closed ? `${g.name} (closed)` : g.name);

/**
 * A standalone HTML5 page in GOV.UK Design System markup (govuk-frontend `template.njk`: skip link,
 * header, width container, main wrapper, footer; typography classes; summary lists), one h1, no
 * scripts and no inline styles. Links are relative so the page works wherever the server is.
 */
export function publishedLearningHtml(input: PublishedLearningInput): string {
  const { organisation, items, produced } = input;
  const title = `You said, we did: ${organisation.name}`;
  const isDepartment = organisation.kind === "department";
  const count = plural(items.length, "change");
  const intro = isDepartment
    ? `What people told ${organisation.name} and its bodies in their complaints, and what each body changed as a result.`
    : `What people told ${organisation.name} in their complaints, and what we changed as a result.`;
  let body: string;
  if (items.length === 0) {
    body = `<p class="govuk-body">${h(organisation.name)} has not published any changes yet.</p>`;
  } else if (isDepartment) {
    const groups = byBody(items);
    const contents = `<h2 class="govuk-heading-m">Bodies</h2><ul class="govuk-list govuk-list--bullet">${groups
      .map((g) => `<li><a class="govuk-link" href="#body-${h(g.code)}">${h(nameOf(g))}</a> (${h(plural(g.items.length, "change"))})</li>`)
      .join("")}</ul>`;
    const sections = groups
      .map(
        (g) =>
          `<section class="app-learning-body" id="body-${h(g.code)}" aria-labelledby="body-${h(g.code)}-heading"><h2 class="govuk-heading-l" id="body-${h(g.code)}-heading">${h(nameOf(g))}</h2>` +
          // A closed body has no page of its own (it answers 404), so no link to one.
          (g.closed ? "" : `<p class="govuk-body"><a class="govuk-link" href="../${encodeURIComponent(g.code)}/learning">Page for ${h(g.name)} only</a></p>`) +
          g.items.map((i) => itemHtml(i, 3)).join("") +
          `</section>`,
      )
      .join("");
    body = contents + sections;
  } else {
    body = items.map((i) => itemHtml(i, 2)).join("");
  }
  return [
    `<!DOCTYPE html>`,
    `<html lang="en-GB" class="govuk-template">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<title>${h(title)}</title>`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<link rel="stylesheet" href="${publishedLearningStylesheetPath}">`,
    `</head>`,
    `<body class="govuk-template__body">`,
    `<a href="#main-content" class="govuk-skip-link">Skip to main content</a>`,
    `<header class="app-published-header"><div class="govuk-width-container"><p class="app-published-header__name">${h(organisation.name)}</p></div></header>`,
    `<div class="govuk-width-container">`,
    `<main class="govuk-main-wrapper" id="main-content">`,
    `<span class="govuk-caption-xl">Learning from complaints</span>`,
    `<h1 class="govuk-heading-xl">You said, we did</h1>`,
    `<p class="govuk-body-l">${h(intro)}</p>`,
    `<p class="govuk-body">${h(count)} published. Only what ${isDepartment ? "each body" : "we"} agreed to share is shown: never who complained or the details of a complaint.</p>`,
    items.length > 0 ? `<p class="govuk-body"><a class="govuk-link" href="learning.csv">Download these changes as a spreadsheet (CSV)</a></p>` : "",
    body,
    `</main>`,
    `</div>`,
    `<footer class="govuk-footer"><div class="govuk-width-container"><p class="govuk-body-s">Produced on ${h(formatDateTime(produced))} from the complaints action plans of ${h(organisation.name)}${isDepartment ? " and its bodies" : ""}.</p></div></footer>`,
    `</body>`,
    `</html>`,
  ].join("\n");
}

const csvHeader = ["organisation_code", "organisation_name", "you_said_we_did", "themes", "status", "start_date", "due_date", "completed_date"];

/**
 * The same items as CSV: UTF-8 with a byte-order mark, CRLF (RFC 4180), every text cell
 * neutralised against formula injection (OWASP "CSV Injection"); dates as ISO 8601; themes
 * separated by "; ". A department's items grouped by body as on the page. The same fields as the
 * page: the public summary, themes, status and dates, never the action as recorded.
 */
export function publishedLearningCsv(input: PublishedLearningInput): Uint8Array {
  const items = input.organisation.kind === "department" ? byBody(input.items).flatMap((g) => g.items) : input.items;
  const rows = items.map((i) =>
    [i.organisationCode, i.organisationName, i.summary, i.themes.map((t) => t.label).join("; "), i.statusLabel, i.startDate, i.dueDate, i.completedDate ?? ""].map(safeText),
  );
  return new TextEncoder().encode(csvText([csvHeader, ...rows], { byteOrderMark: true }));
}
