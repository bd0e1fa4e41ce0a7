import { memo } from "react";
import { Input } from "@complaints/ui";
import { type FieldProps } from "./field-props.tsx";
import { MarkerChoice } from "./marker-choice.tsx";

/**
 * A date as one text input with a hint: the cell codec reads 15/07/2026 or 2026-07-15, and one
 * input keeps the field's id on the input itself (a date-input's would be `<id>-day`).
 */
function DateFieldView(props: FieldProps) {
  const { field, text, error, readOnly, onInput } = props;
  const example = "For example, 15/07/2026";
  return (
    <div className="app-field">
      <Input
        id={field.id}
        name={field.id}
        label={{ text: field.label, classes: "govuk-label--s" }}
        hint={{ text: field.hint ? `${field.hint} ${example}` : example }}
        errorMessage={error ? { text: error } : false}
        classes="govuk-input--width-10"
        spellcheck={false}
        autoComplete="off"
        value={text === "[x]" || text === "[z]" ? "" : text}
        readOnly={readOnly}
        onChange={(event) => onInput(field.id, event.target.value)}
      />
      {props.onNote ? <MarkerChoice {...props} /> : null}
    </div>
  );
}

export const DateField = memo(DateFieldView);
