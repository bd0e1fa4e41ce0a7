import { memo, useState } from "react";
import { DateInput } from "@complaints/ui";
import { dateParts, dateProblem, partsToText, textToParts, type DatePart, type DateParts } from "@complaints/domain";
import { type FieldProps } from "./field-props.tsx";
import { MarkerChoice } from "./marker-choice.tsx";

/**
 * A date as GOV.UK's date input (day, month, year: `<id>-day`, `<id>-month`, `<id>-year`). The draft
 * holds it as one text the cell codec reads, `15/9/2026`, kept as typed while partly filled in
 * (`15//2026`), so a half-typed date is saved in the browser, survives a reload, and is not sent.
 */
function DateFieldView(props: FieldProps) {
  const { field, text, error, readOnly, onInput } = props;
  // The fields exactly as typed (spaces too), while the draft's text is still theirs.
  const [typed, setTyped] = useState<DateParts | null>(null);
  const parts = typed && partsToText(typed) === text ? typed : textToParts(text);
  // An error about what was typed highlights the fields it names; any other (required, outside the quarter) all three.
  const highlighted: readonly DatePart[] = error ? (dateProblem(parts, field.label)?.parts ?? dateParts) : [];
  const example = "For example, 15 9 2026";
  return (
    <div className="app-field">
      <DateInput
        id={field.id}
        namePrefix={field.id}
        fieldset={{ legend: { text: field.label, classes: "govuk-fieldset__legend--s" } }}
        hint={{ text: field.hint ? `${field.hint} ${example}` : example }}
        errorMessage={error ? { text: error } : false}
        items={dateParts.map((part) => ({
          name: part,
          value: parts[part],
          error: highlighted.includes(part),
          classes: part === "year" ? "govuk-input--width-4" : "govuk-input--width-2",
          attributes: { spellcheck: "false", ...(readOnly ? { readonly: true } : {}) },
        }))}
        onChange={(event) => {
          const part = event.target.name.slice(field.id.length + 1) as DatePart;
          const next = { ...parts, [part]: event.target.value };
          setTyped(next);
          onInput(field.id, partsToText(next));
        }}
      />
      {props.onNote ? <MarkerChoice {...props} /> : null}
    </div>
  );
}

export const DateField = memo(DateFieldView);
