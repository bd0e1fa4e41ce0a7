import { Choices, type ChoiceItem, type ChoicesOptions } from "../shared/choices.tsx";

export type RadiosItem = ChoiceItem;

/** govuk-frontend `govukRadios` (components/radios/template.njk); props mirror its macro options. */
export interface RadiosProps extends ChoicesOptions<RadiosItem> {
  /** The checked item's value (an item's own `checked` wins). */
  value?: string | number;
}

export function Radios(props: RadiosProps) {
  // The template's isChecked: `item.checked`, else whether the value matches (unless `checked: false`).
  const isChecked = (item: RadiosItem) => item.checked || (Boolean(props.value) && String(item.value) === String(props.value) && item.checked !== false);
  return (
    <Choices
      options={props}
      spec={{
        kind: "radios",
        isChecked,
        controlled: Boolean(props.onChange) && (props.value !== undefined || props.items.some((item) => item && item.checked !== undefined)),
        itemName: () => props.name,
        exclusive: () => false,
        itemDescribedBy: (hintId) => hintId,
        describedBy: props.fieldset?.describedBy,
      }}
    />
  );
}
