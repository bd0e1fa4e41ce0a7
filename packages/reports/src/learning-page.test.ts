import { csvTable } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { publishedLearningCsv, publishedLearningCsvFileName, publishedLearningHtml, type PublishedLearningInput, type PublishedLearningItem } from "./learning-page.ts";
import { publishedLearningCss } from "./learning-page-styles.ts";

/** Items carry the action as recorded, as the learning library's do, to show it is never published. */
type ItemWithAction = PublishedLearningItem & { action: string };
const item = (overrides: Partial<ItemWithAction>): ItemWithAction => ({
  organisationCode: "A1",
  organisationName: "Agency A1",
  summary: "You said our letters went to your old address. We now check it first.",
  action: "Check the address on file before sending renewal letters.",
  themes: [{ code: "communication", label: "Communication" }],
  status: "completed",
  statusLabel: "Completed",
  startDate: "2025-05-01",
  dueDate: "2025-07-31",
  completedDate: "2025-07-08",
  ...overrides,
});

const letters = item({});
const queue = item({ organisationCode: "A2", organisationName: "Agency A2", summary: "You said <b>your</b> application sat in a queue & nobody knew.", action: "=Give the queue a named owner.", themes: [{ code: "delay", label: "Delay" }, { code: "digital", label: "Digital services" }], status: "in_progress", statusLabel: "In progress", startDate: "2025-06-01", dueDate: "2025-09-01", completedDate: null });
const later = item({ organisationCode: "A2", organisationName: "Agency A2", summary: "You said the form was hard to use.", status: "not_started", statusLabel: "Not started", startDate: "2025-08-01", dueDate: "2025-10-01", completedDate: null, themes: [] });
const department: PublishedLearningInput = { organisation: { code: "DEPT-A", name: "Department A", kind: "department" }, items: [letters, queue, later], produced: "2025-07-10T10:00:00Z" };

describe("the published learning page", () => {
  const html = publishedLearningHtml(department);

  it("is a standalone GOV.UK page in British English with one h1, a skip link and landmarks, and no inline script or style", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB" class="govuk-template">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(`<a href="#main-content" class="govuk-skip-link">Skip to main content</a>`);
    expect(html).toContain(`<main class="govuk-main-wrapper" id="main-content">`);
    for (const landmark of ["<header", "<footer"]) expect(html).toContain(landmark);
    expect(html).toContain(`<title>You said, we did: Department A</title>`);
    expect(html).toContain(`<link rel="stylesheet" href="/published/learning.css">`);
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
    expect(html).toContain("Produced on 10 July 2025 at 11am");
  });

  it("groups a department's items by body, in name order, each with its own page and its dates in words", () => {
    const a1 = html.indexOf(`id="body-A1-heading">Agency A1</h2>`);
    const a2 = html.indexOf(`id="body-A2-heading">Agency A2</h2>`);
    expect(a1).toBeGreaterThan(0);
    expect(a2).toBeGreaterThan(a1);
    expect(html).toContain(`<a class="govuk-link" href="../A2/learning">Page for Agency A2 only</a>`);
    expect(html).toContain(`<a class="govuk-link" href="#body-A2">Agency A2</a> (2 changes)`);
    expect(html).toContain("Completed on 8 July 2025");
    expect(html).toContain("Started on 1 June 2025, due by 1 September 2025");
    expect(html).toContain("Starting on 1 August 2025, due by 1 October 2025");
    expect(html).toContain(`<dt class="govuk-summary-list__key">Themes</dt><dd class="govuk-summary-list__value">Delay and Digital services</dd>`);
    expect(html).toContain("3 changes published.");
    expect(html).toContain(`<a class="govuk-link" href="learning.csv">`);
  });

  it("escapes everything it is given", () => {
    expect(html).toContain("You said &lt;b&gt;your&lt;/b&gt; application sat in a queue &amp; nobody knew.");
    expect(html).not.toContain("<b>your</b>");
    const hostile = publishedLearningHtml({ ...department, organisation: { code: "X1", name: `"><script>alert(1)</script>`, kind: "body" } });
    expect(hostile).not.toContain("<script>");
    expect(hostile).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("shows a body's items under h2 headings, and says when there is nothing yet", () => {
    const body = publishedLearningHtml({ organisation: { code: "A1", name: "Agency A1", kind: "body" }, items: [letters], produced: department.produced });
    expect(body).toContain(`<h2 class="govuk-heading-m">You said our letters went to your old address. We now check it first.</h2>`);
    expect(body).not.toContain("Page for");
    const none = publishedLearningHtml({ organisation: { code: "A1", name: "Agency A1", kind: "body" }, items: [], produced: department.produced });
    expect(none).toContain("Agency A1 has not published any changes yet.");
    expect(none).not.toContain("learning.csv");
  });

  it("shows only the fields fit to share, even when given more", () => {
    const withSecrets = { ...letters, failing: "SECRET FAILING", owner: "SECRET OWNER", sourceComplaints: ["CMP-SECRET"] };
    const input = { ...department, items: [withSecrets] };
    const out = publishedLearningHtml(input) + new TextDecoder().decode(publishedLearningCsv(input));
    for (const secret of ["SECRET FAILING", "SECRET OWNER", "CMP-SECRET"]) expect(out).not.toContain(secret);
  });

  it("publishes the public summary, never the action as recorded ('What we changed'), even when given it", () => {
    const input = { ...department, items: [letters, queue] };
    const out = publishedLearningHtml(input) + new TextDecoder().decode(publishedLearningCsv(input));
    for (const action of ["Check the address on file before sending renewal letters.", "Give the queue a named owner."]) expect(out).not.toContain(action);
    expect(out).not.toContain("What we changed");
    expect(out).toContain("You said our letters went to your old address. We now check it first.");
  });

  it("keeps a closed body's items, marked closed, with no link to a page of its own (a closed body's page is not found)", () => {
    const old = item({ organisationCode: "A-OLD", organisationName: "Old Agency", organisationClosed: true, summary: "You said the old office was hard to reach." });
    const page = publishedLearningHtml({ ...department, items: [letters, old] });
    expect(page).toContain(`id="body-A-OLD-heading">Old Agency (closed)</h2>`);
    expect(page).toContain(`<a class="govuk-link" href="#body-A-OLD">Old Agency (closed)</a> (1 change)`);
    expect(page).toContain("You said the old office was hard to reach.");
    expect(page).not.toContain("../A-OLD/learning");
    expect(page).not.toContain("Page for Old Agency only");
    expect(page).toContain(`<a class="govuk-link" href="../A1/learning">Page for Agency A1 only</a>`);
  });

  it("has a stylesheet that styles every GOV.UK class the page uses", () => {
    const used = new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(" ")));
    for (const name of used) expect(publishedLearningCss, name).toContain(`.${name}`);
  });
});

describe("the published learning CSV", () => {
  const bytes = publishedLearningCsv(department);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const rows = csvTable(text);

  it("is UTF-8 with a byte-order mark and CRLF line ends, one row per item grouped by body", () => {
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split("\r\n")[0]).toBe("organisation_code,organisation_name,you_said_we_did,themes,status,start_date,due_date,completed_date");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(rows.map((r) => [r.organisation_code, r.status, r.completed_date])).toEqual([
      ["A1", "Completed", "2025-07-08"],
      ["A2", "In progress", ""],
      ["A2", "Not started", ""],
    ]);
    expect(rows[1]).toMatchObject({ themes: "Delay; Digital services", you_said_we_did: "You said <b>your</b> application sat in a queue & nobody knew." });
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const formula = publishedLearningCsv({ ...department, items: [item({ summary: "=HYPERLINK(\"http://x\")" })] });
    expect(csvTable(new TextDecoder().decode(formula))[0]!.you_said_we_did).toBe("'=HYPERLINK(\"http://x\")");
  });

  it("is named after the organisation and the day it was produced", () => {
    expect(publishedLearningCsvFileName(department)).toBe("learning-DEPT-A-2025-07-10.csv");
  });
});
