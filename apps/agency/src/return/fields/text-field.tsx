import { memo } from "react";
import { CharacterCount } from "@complaints/ui";
import { hintOf, type FieldProps } from "./field-props.tsx";

/** A narrative: a character-count textarea with the field's own limit. */
function TextFieldView({ field, text, error, readOnly, onInput }: FieldProps) {
  return (
    <CharacterCount
      id={field.id}
      name={field.id}
      rows={field.maxLength !== undefined && field.maxLength <= 300 ? 3 : 6}
      maxlength={field.maxLength ?? 5000}
      label={{ text: field.label, classes: "govuk-label--s" }}
      hint={hintOf(field, text)}
      errorMessage={error ? { text: error } : false}
      value={text}
      readOnly={readOnly}
      spellcheck
      onChange={(event) => onInput(field.id, event.target.value)}
    />
  );
}

export const TextField = memo(TextFieldView);
