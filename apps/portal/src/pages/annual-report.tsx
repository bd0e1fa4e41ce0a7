import { type Organisation, procedureQuery, QueryBoundary, saveBlob, ShowProblem, usePageTitle } from "@complaints/client";
import { Button, Textarea } from "@complaints/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useLatestQuarter } from "../app/periods.ts";
import { periodLinks } from "../totals/period-links.ts";
import { sectionFileNames, type AnnualReportSection } from "../reports/annual-report-files.ts";
import "../reports/reports.css";

/**
 * `/portal/{DEPT}/annual-report/{YEAR}`: the complaints section of the department's annual report
 * for a financial year (reports.annualReport: Cabinet Office annual report guidance section 27),
 * shown as it will read, to copy as plain text or save as HTML or text.
 */
export function AnnualReportPage({ dept, financialYear }: { dept: Organisation; financialYear: string }) {
  const section = useQuery(procedureQuery("reports.annualReport", { departmentCode: dept.code, financialYear }));
  const latest = useLatestQuarter(dept.code);
  const title = `Annual report complaints section, ${financialYear}`;
  usePageTitle(title, section.isError);
  // The years either side (none after the latest quarter opened): the same links as the department totals'.
  const years = periodLinks({ kind: "year", financialYear }, latest).filter((l) => l.rel === "previous" || l.rel === "next");

  return (
    <>
      {section.isError ? <ShowProblem what="The annual report section" error={section.error} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {/* No empty landmark: a year with neither an earlier nor a later one to go to has no navigation. */}
      {years.length > 0 ? (
        <nav aria-label="Other years" className="govuk-!-margin-bottom-6">
          <ul className="govuk-list">
            {years.map((l) => (
              <li key={l.segment}>
                <Link className="govuk-link" to={`/${dept.code}/annual-report/${l.segment}`}>
                  {l.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {/* A failure is said in the error summary above. */}
      <QueryBoundary queries={[section]} problem={() => null}>
        {(found) => <Section section={found} />}
      </QueryBoundary>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/${dept.code}/reports?period=${financialYear}`}>
          Board packs for {financialYear}
        </Link>
      </p>
    </>
  );
}

type Copying = "idle" | "copied" | "manual";

function Section({ section }: { section: AnnualReportSection }) {
  const [copying, setCopying] = useState<Copying>("idle");
  const names = sectionFileNames(section.fileName);
  const copy = async () => {
    try {
      // The Clipboard API needs a secure context (HTTPS or localhost) and the person's permission.
      if (!navigator.clipboard?.writeText) throw new Error("No clipboard");
      await navigator.clipboard.writeText(section.text);
      setCopying("copied");
    } catch {
      setCopying("manual");
    }
  };
  return (
    <>
      <p className="govuk-body">The section as it will read in the annual report. Copy it as plain text to paste into your draft, or save it as a file.</p>
      <div className="govuk-button-group">
        <Button text="Copy as plain text" classes="govuk-button--secondary" type="button" id="copy-text" onClick={() => void copy()} />
        <Button text="Download as HTML" classes="govuk-button--secondary" type="button" id="download-html" onClick={() => saveBlob(new Blob([section.document], { type: "text/html;charset=utf-8" }), names.html)} />
        <Button text="Download as text" classes="govuk-button--secondary" type="button" id="download-text" onClick={() => saveBlob(new Blob([section.text], { type: "text/plain;charset=utf-8" }), names.text)} />
      </div>
      <p className="govuk-body" role="status" aria-live="polite" id="copy-status">
        {copying === "copied"
          ? "Copied the section as plain text. Paste it into your annual report."
          : copying === "manual"
            ? "This browser did not let the page copy. The text is selected in the box below: press Ctrl and C (Command and C on a Mac) to copy it."
            : ""}
      </p>
      {copying === "manual" ? <SelectedText text={section.text} /> : null}
      {/*
        The API's HTML is made by our own server (packages/reports) from the department's figures, with
        every text escaped there; it holds headings, paragraphs and tables only, never script or
        anything a person typed unescaped. So it is safe to insert as it is, as the page that shows
        what will be pasted.
      */}
      {/* A region that may scroll sideways on a narrow screen: focusable, so the keyboard can scroll it too. */}
      <div className="govuk-body app-annual-report" id="annual-report-section" role="region" aria-label="The annual report section" tabIndex={0} dangerouslySetInnerHTML={{ __html: section.html }} />
    </>
  );
}

/** The fallback when the clipboard is refused: the text in a box, selected, for Ctrl+C. */
function SelectedText({ text }: { text: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, []);
  return <Textarea id="section-text" name="section-text" label={{ text: "The section as plain text" }} rows={12} ref={box} readOnly defaultValue={text} spellcheck={false} classes="app-annual-report-text" />;
}
