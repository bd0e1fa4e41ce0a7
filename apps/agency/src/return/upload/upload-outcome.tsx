import { plural, type FieldDeclaration, type FieldValue } from "@complaints/domain";
import { NotificationBanner, Table } from "@complaints/ui";
import { FileErrorSummary, ReturnNextSteps, type FileOutcome } from "../../screening/file-outcome.tsx";
import { describeValue } from "./describe-value.ts";

export interface UploadChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

/** The draft updated from a file. */
export type Updated = { kind: "updated"; fileName: string; changes: UploadChange[] };

/** What the last upload came to: not taken, refused by the screener, or the draft updated from it. */
export type UploadOutcome = FileOutcome<Updated>;

/**
 * The top of the page after an upload: the GOV.UK error summary, each problem as the API words it,
 * or the success banner (which takes focus itself).
 */
export function OutcomeSummary({ outcome, attempt, returnPath }: { outcome: UploadOutcome; attempt: number; returnPath: string }) {
  switch (outcome.kind) {
    case "not-sent":
    case "failed":
    case "refused":
      return <FileErrorSummary outcome={outcome} attempt={attempt} correction="Correct these rows in your spreadsheet and upload it again." />;
    case "updated":
      return (
        <NotificationBanner key={attempt} type="success">
          <h3 className="govuk-notification-banner__heading">Your return has been updated from the file</h3>
          <p className="govuk-body">
            {outcome.changes.length === 0
              ? `No answers changed: “${outcome.fileName}” holds the same answers as the return.`
              : `${plural(outcome.changes.length, "answer", "answers")} changed, from “${outcome.fileName}”. The return is still a draft: check it and send it for approval when it is ready.`}
          </p>
          <ReturnNextSteps returnPath={returnPath} />
        </NotificationBanner>
      );
    default:
      return null;
  }
}

/** What the upload changed: question, before, after. */
export function ChangesTable({ changes, fields }: { changes: UploadChange[]; fields: ReadonlyMap<string, FieldDeclaration> }) {
  if (changes.length === 0) return null;
  return (
    <Table
      caption="What changed"
      captionClasses="govuk-table__caption--m"
      classes="app-upload-table"
      head={[{ text: "Question" }, { text: "Before" }, { text: "After" }]}
      rows={changes.map((c) => [{ text: c.label }, { text: describeValue(fields.get(c.field), c.from) }, { text: describeValue(fields.get(c.field), c.to) }])}
      attributes={{ id: "upload-changes" }}
    />
  );
}
