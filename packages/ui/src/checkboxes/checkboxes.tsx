import type { ChangeEvent } from "react";
import { Choices, type ChoiceItem, type ChoicesOptions } from "../shared/choices.tsx";

export interface CheckboxesItem extends ChoiceItem {
  /** The item's own name, else the group's. */
  name?: string;
  /** "exclusive": checking it unchecks the others ("None of these"), and they uncheck it. */
  behaviour?: "exclusive";
}

/** govuk-frontend `govukCheckboxes` (components/checkboxes/template.njk); props mirror its macro options. */
export interface CheckboxesProps extends ChoicesOptions<CheckboxesItem> {
  describedBy?: string;
  /** The checked items' values (an item's own `checked` wins). */
  values?: (string | number)[];
  /**
   * Our addition for controlled use: the checked values after a change, with the exclusive
   * items' rules applied (checking "None" unchecks the others), which `onChange` alone cannot say.
   */
  onValuesChange?: (values: string[], event: ChangeEvent<HTMLInputElement>) => void;
}

function checkedValues(items: CheckboxesProps["items"], checked: boolean[]): string[] {
  return items.flatMap((item, i) => (item && !item.divider && checked[i] ? [String(item.value ?? "")] : []));
}

export function Checkboxes(props: CheckboxesProps) {
  const values = props.values?.map(String);
  // The template's isChecked: `item.checked`, else whether `values` holds it (unless `checked: false`).
  const isChecked = (item: CheckboxesItem) => item.checked || (values !== undefined && values.includes(String(item.value)) && item.checked !== false);
  return (
    <Choices
      options={props}
      spec={{
        kind: "checkboxes",
        isChecked,
        controlled: Boolean(props.onChange || props.onValuesChange) && (values !== undefined || props.items.some((item) => item && item.checked !== undefined)),
        ...(props.onValuesChange ? { onCheckedChange: (checked, event) => props.onValuesChange?.(checkedValues(props.items, checked), event) } : {}),
        itemName: (item) => item.name || props.name,
        exclusive: (item) => item.behaviour === "exclusive",
        behaviour: (item) => item.behaviour,
        // Without a fieldset to carry them, each checkbox is described by the hint and error itself.
        itemDescribedBy: (hintId, describedBy) => [props.fieldset ? undefined : describedBy, hintId].filter(Boolean).join(" ") || undefined,
        describedBy: props.fieldset?.describedBy || props.describedBy,
      }}
    />
  );
}
