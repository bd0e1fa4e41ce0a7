import { describe, expect, it } from "vitest";
import { escapeHtml, sectionFileNames, sectionHtmlDocument } from "./annual-report-files.ts";

const section = { departmentName: "Department for <Example> & Services", financialYear: "2025-26", html: "<h2>Complaints</h2>\n<p>We received 1,234.</p>", text: "Complaints\n\nWe received 1,234.", fileName: "annual-report-DES-2025-26.html" };

describe("the annual report section's files", () => {
  it("escapes what HTML would read as markup", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });

  it.each([
    ["annual-report-DES-2025-26.html", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
    ["annual-report-DES-2025-26.HTM", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
    ["annual-report-DES-2025-26", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
  ])("names the files after %s", (name, names) => {
    expect(sectionFileNames(name)).toEqual(names);
  });

  it("wraps the fragment in a document with its language and an escaped title", () => {
    const doc = sectionHtmlDocument(section);
    expect(doc).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain("<title>Complaints: annual report section 2025-26, Department for &lt;Example&gt; &amp; Services</title>");
    expect(doc).toContain("<body>\n<h2>Complaints</h2>\n<p>We received 1,234.</p>\n</body>");
  });

  it("keeps a whole document as it is", () => {
    const whole = "<!doctype html><html lang=en><title>x</title><p>y</p></html>";
    expect(sectionHtmlDocument({ ...section, html: whole })).toBe(whole);
  });
});
