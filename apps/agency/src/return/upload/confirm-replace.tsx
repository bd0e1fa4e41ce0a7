import { headlineChanges, plural, type FieldDeclaration } from "@complaints/domain";
import { Button, Table } from "@complaints/ui";
import { useEffect, useRef } from "react";
import { describeValue } from "./describe-value.ts";
import type { UploadChange } from "./upload-outcome.tsx";

/** Figures listed when none of the headline ones change (a file that changes only narratives, say). */
const listedOtherwise = 10;

/**
 * Asks before a file replaces figures the draft already holds: how many change, the headline ones
 * before → after, and "Replace the figures" or "Cancel". Nothing is saved until the first. Its
 * heading takes focus when it appears, so keyboard and screen reader users land on the question.
 */
export function ConfirmReplace(props: { fileName: string; changes: UploadChange[]; fields: ReadonlyMap<string, FieldDeclaration>; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancel = () => {
    props.onCancel();
    // Back to choosing a file, where keyboard users were before the question.
    requestAnimationFrame(() => document.getElementById("file")?.focus());
  };
  const { fileName, changes, fields, busy } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const headline = headlineChanges(changes);
  const listed = headline.length > 0 ? headline : changes.slice(0, listedOtherwise);
  const rest = changes.length - listed.length;
  return (
    <div className="app-confirm-replace" id="confirm-replace">
      <h2 className="govuk-heading-m" tabIndex={-1} ref={heading} id="confirm-replace-heading">
        {plural(changes.length, "figure")} in the draft will change
      </h2>
      <p className="govuk-body">“{fileName}” would replace figures already in the draft return. Nothing has been saved yet.</p>
      <Table
        caption={headline.length > 0 ? "The main figures" : "Figures that will change"}
        captionClasses="govuk-table__caption--s"
        classes="app-upload-table"
        firstCellIsHeader
        head={[{ text: "Figure" }, { text: "Now" }, { text: "After" }]}
        rows={listed.map((c) => [{ text: c.label }, { text: describeValue(fields.get(c.field), c.from) }, { text: describeValue(fields.get(c.field), c.to) }])}
        attributes={{ id: "confirm-replace-changes" }}
      />
      {rest > 0 ? <p className="govuk-body">and {plural(rest, "other figure")}.</p> : null}
      <div className="govuk-button-group">
        <Button text="Replace the figures" type="button" id="confirm-replace-yes" attributes={busy ? { "aria-disabled": "true" } : undefined} onClick={() => !busy && props.onConfirm()} />
        <Button text="Cancel" type="button" classes="govuk-button--secondary" id="confirm-replace-cancel" onClick={() => !busy && cancel()} />
      </div>
    </div>
  );
}
