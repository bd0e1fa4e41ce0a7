import { memo } from "react";
import { Radios } from "@complaints/ui";
import { hintOf, type FieldProps } from "./field-props.tsx";

/** One of the template's choices, as radios; the first radio's id is the field id. */
function ChoiceFieldView({ field, text, error, readOnly, onInput }: FieldProps) {
  return (
    <Radios
      name={field.id}
      idPrefix={field.id}
      value={text}
      fieldset={{ legend: { text: field.label, classes: "govuk-fieldset__legend--s" } }}
      hint={hintOf(field, text)}
      errorMessage={error ? { text: error } : false}
      items={(field.choices ?? []).map((c) => ({ value: c.value, text: c.label, disabled: readOnly }))}
      onChange={(event) => onInput(field.id, event.target.value)}
    />
  );
}

export const ChoiceField = memo(ChoiceFieldView);
