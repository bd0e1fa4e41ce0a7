import { isMarker, markerLabels, type Marker } from "@complaints/domain";
import type { ChangeEvent } from "react";
import { Details, Radios, Textarea } from "@complaints/ui";
import type { FieldProps } from "./field-props.tsx";

const choices: { value: Marker; hint: string }[] = [
  { value: "[x]", hint: "You do not have this figure for the quarter." },
  { value: "[z]", hint: "This does not apply to your body." },
];

/**
 * "I cannot give a figure": a blank is not a zero (DESIGN.md section 2), so a required figure is
 * a number or an explicit marker, `[x]` not available or `[z]` not applicable, with a note saying
 * why. The choice writes the marker as the field's text, through the same cell codec as a number.
 */
export function MarkerChoice({ field, text, readOnly, onInput, note, noteError, onNote }: FieldProps) {
  const marker = isMarker(text) ? text : undefined;
  return (
    <Details summaryText="I cannot give a figure" open={marker !== undefined || noteError !== undefined} classes="app-marker">
      <Radios
        name={`${field.id}-marker`}
        classes="govuk-radios--small"
        value={marker ?? ""}
        fieldset={{ legend: { text: `Why is there no figure for ‘${field.label}’?`, classes: "govuk-fieldset__legend--s" } }}
        items={choices.map((c) => ({ value: c.value, text: `${markerLabels[c.value].charAt(0).toUpperCase()}${markerLabels[c.value].slice(1)} (${c.value})`, hint: { text: c.hint }, disabled: readOnly }))}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onInput(field.id, event.target.value)}
      />
      {marker ? (
        <Textarea
          id={`${field.id}-note`}
          name={`${field.id}-note`}
          rows={3}
          label={{ text: `Note: why ‘${field.label}’ is ${markerLabels[marker]}` }}
          value={note ?? ""}
          readOnly={readOnly}
          errorMessage={noteError ? { text: noteError } : false}
          onChange={(event) => onNote?.(field.id, event.target.value === "" ? null : event.target.value)}
        />
      ) : null}
    </Details>
  );
}
