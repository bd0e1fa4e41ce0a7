import { Button } from "@complaints/ui";
import { useState } from "react";
import { api, errorMessage } from "@complaints/client";
import { saveFile } from "@complaints/client";

type Format = "xlsx" | "ods" | "csv";

/** The three formats, each with what it is for (the spreadsheet route). */
const formats: { format: Format; button: string; use: string }[] = [
  {
    format: "xlsx",
    button: "Download Excel file (.xlsx)",
    use: "For Microsoft Excel. Only the value column can be changed, and each value cell checks what you type.",
  },
  {
    format: "ods",
    button: "Download OpenDocument file (.ods)",
    use: "For LibreOffice Calc and other software that uses the open standard. Only the value column can be changed, and each value cell checks what you type.",
  },
  {
    format: "csv",
    button: "Download CSV file (.csv)",
    use: "Plain text that any spreadsheet or text editor opens. It has no protected columns or checks: change only the value column.",
  },
];

/**
 * The quarter's template, pre-filled with what the return holds now, in each format. Each button
 * asks the API for the file and hands it to the browser to save under its own name.
 */
export function TemplateDownloads({ returnId }: { returnId: string }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [problem, setProblem] = useState<{ format: Format; message: string } | null>(null);

  async function download(format: Format) {
    if (busy) return;
    setBusy(format);
    setProblem(null);
    try {
      saveFile(await api.returns.downloadTemplate.query({ returnId, format }));
    } catch (error) {
      setProblem({ format, message: `The file could not be made. ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <h2 className="govuk-heading-m">Download the template</h2>
      <p className="govuk-body">
        The template has one row for each question of this quarter's return. It is filled in with the return's answers as they are now.
      </p>
      <ul className="govuk-list app-template-downloads">
        {formats.map(({ format, button, use }) => (
          <li key={format} className="app-template-downloads__item">
            <Button text={button} type="button" classes="govuk-button--secondary app-template-downloads__button" attributes={{ "aria-describedby": `download-${format}-use` }} onClick={() => void download(format)} />
            <p className="govuk-body app-template-downloads__use" id={`download-${format}-use`}>
              {use}
            </p>
            {problem?.format === format ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {problem.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="govuk-visually-hidden" role="status">
        {busy ? "Preparing your file…" : ""}
      </p>
      <h3 className="govuk-heading-s">How to fill it in</h3>
      <ul className="govuk-list govuk-list--bullet">
        <li>Fill in the value column only. Leave the id, section, question, hint and unit columns as they are.</li>
        <li>Counts are whole numbers, money is in pounds and pence (for example 1250.00), staff time (FTE) has one decimal place, dates are written like 2026-07-15.</li>
        <li>Write [x] if a figure is not available and [z] if it does not apply. Type the values themselves, not formulas.</li>
        <li>A blank value cell clears that answer. Answers on rows you delete stay as they are.</li>
        <li>Save the file in the format you downloaded it in.</li>
      </ul>
    </>
  );
}
