import type { DateParts } from "@complaints/domain";
import { DateInput } from "@complaints/ui";

/** The error summary's link for a date input: its first field (GOV.UK error summary guidance). */
export const dateHref = (id: string) => `#${id}-day`;

/** A GOV.UK date input whose fields are `{id}-day`, `{id}-month`, `{id}-year`, held as DateParts. */
export function DateField(props: { id: string; legend: string; hint: string; value: DateParts; onChange: (value: DateParts) => void; error: { text: string } | undefined }) {
  return (
    <DateInput
      id={props.id}
      namePrefix={props.id}
      fieldset={{ legend: { text: props.legend, classes: "govuk-fieldset__legend--s" } }}
      hint={{ text: props.hint }}
      errorMessage={props.error}
      values={{ [`${props.id}-day`]: props.value.day, [`${props.id}-month`]: props.value.month, [`${props.id}-year`]: props.value.year }}
      onChange={(event) => {
        const part = event.target.name.slice(props.id.length + 1) as keyof DateParts;
        props.onChange({ ...props.value, [part]: event.target.value });
      }}
    />
  );
}
