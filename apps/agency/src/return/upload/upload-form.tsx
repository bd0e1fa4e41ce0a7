import { Button, FileUpload } from "@complaints/ui";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { maxSpreadsheetBytes, spreadsheetAccept } from "./file-check.ts";

/**
 * The GOV.UK file upload and its button. A native file input: Tab reaches it, Enter or Space opens
 * the file chooser. While the file is read and sent the status line says so (a big file takes a
 * while on an old laptop); a second press of the button meanwhile does nothing.
 */
export function UploadForm(props: { error: string | null; busy: boolean; onChoose(file: File | null): void; onUpload(file: File | null): void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.busy) return;
    const input = event.currentTarget.elements.namedItem("file");
    props.onUpload(input instanceof HTMLInputElement ? (input.files?.[0] ?? null) : null);
  }
  return (
    <form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit}>
      <FileChooser
        label="Upload your completed return"
        hint={`An Excel (.xlsx), OpenDocument (.ods) or CSV (.csv) file, smaller than ${maxSpreadsheetBytes / 1024} KB. The whole file is checked: if any row has a problem, nothing is saved.`}
        error={props.error}
        accept={spreadsheetAccept}
        onChoose={props.onChoose}
      />
      <Button text="Upload file" type="submit" attributes={props.busy ? { "aria-disabled": "true" } : undefined} />
      <div className="app-upload-status" role="status">
        {props.busy ? (
          <p className="govuk-body app-upload-status__text">
            <span className="app-upload-status__spinner" aria-hidden="true" />
            Checking your file…
          </p>
        ) : null}
      </div>
    </form>
  );
}

/**
 * An upload page's file input (`#file`, where focus goes back to after "Cancel"), with the message
 * beside it when the file has a problem.
 */
export function FileChooser(props: { label: string; hint: string; error: string | null; accept: string; onChoose(file: File | null): void }) {
  return (
    <FileUpload
      name="file"
      id="file"
      label={{ text: props.label, classes: "govuk-label--m" }}
      hint={{ text: props.hint }}
      errorMessage={props.error ? { text: props.error } : false}
      accept={props.accept}
      onChange={(event) => props.onChoose(event.currentTarget.files?.[0] ?? null)}
      onKeyDown={(event) => {
        // Chromium submits the form on Enter in a file input (implicit submission); people expect
        // Enter to open the file chooser, as Space does.
        if (event.key === "Enter") {
          event.preventDefault();
          event.currentTarget.click();
        }
      }}
    />
  );
}

/** In place of the form when the user cannot upload into the return: why, and the way back to it. */
export function CannotUpload({ heading, refusal, returnPath }: { heading: string; refusal: string; returnPath: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <p className="govuk-body">{refusal}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${returnPath}/`}>
          Go to the return
        </Link>
      </p>
    </>
  );
}
