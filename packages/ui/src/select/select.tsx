import type { ComponentPropsWithRef } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import type { HintProps } from "../hint/hint.tsx";
import { Label, type LabelProps } from "../label/label.tsx";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { valueProps } from "../shared/control-value.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "../shared/form-group.tsx";

export interface SelectItem {
  /** Without a value the option's text is its value. */
  value?: string | number | boolean | null;
  text: string;
  selected?: boolean;
  disabled?: boolean;
  attributes?: GovukAttributes;
}

/** govuk-frontend `govukSelect` (components/select/template.njk); props mirror its macro options. */
export interface SelectOptions {
  id?: string;
  name: string;
  items?: (SelectItem | null | false | "" | undefined)[];
  /** The selected option's value (an item's own `selected` wins). */
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: GovukAttributes;
}

/**
 * React's own select props (onChange, onBlur, ref, aria-*…) pass through to the `<select>`,
 * except `aria-describedby`: give `describedBy`, which keeps the hint and error ids.
 */
export type SelectProps = SelectOptions & Omit<ComponentPropsWithRef<"select">, keyof SelectOptions | "className" | "children" | "dangerouslySetInnerHTML" | "aria-describedby">;

/** An option's value as the browser sees it: its value attribute, else its text. */
function effectiveValue(item: SelectItem): string {
  return item.value === undefined ? item.text : item.value === null ? "" : String(item.value);
}

/**
 * React selects options through the select's value (a `selected` on an option is a warning), so
 * the template's per-option rule picks that value: an item's `selected`, else the option whose
 * value matches `value` (unless it says `selected: false`).
 */
function selectedValue(items: SelectItem[], value: string | number | undefined): string | undefined {
  const selected = items.filter((item) => item.selected || (Boolean(value) && effectiveValue(item) === String(value) && item.selected !== false));
  return selected.length ? effectiveValue(selected[selected.length - 1]!) : undefined;
}

export function Select(props: SelectProps) {
  const { id: ownId, name, items: givenItems, value, disabled, describedBy: _describedBy, label, hint: _hint, errorMessage, formGroup, classes, attributes, ...native } = props;
  const id = ownId || name;
  const description = fieldDescription(id, props);
  const items = (givenItems ?? []).filter((item): item is SelectItem => Boolean(item));
  return (
    <FormGroup formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label {...label} for={id} />
      {description.hint}
      {description.error}
      <SideContent content={formGroup?.beforeInput} />
      <select
        className={classNames("govuk-select", classes, errorMessage && "govuk-select--error")}
        id={id}
        name={name}
        {...(disabled ? { disabled } : {})}
        {...(description.describedBy ? { "aria-describedby": description.describedBy } : {})}
        {...attributeProps(attributes)}
        {...valueProps(selectedValue(items, value), native.onChange)}
        {...native}
      >
        {items.map((item, i) => (
          <option key={i} {...(item.value !== undefined ? { value: item.value === null ? "" : String(item.value) } : {})} {...(item.disabled ? { disabled: true } : {})} {...attributeProps(item.attributes)}>
            {item.text}
          </option>
        ))}
      </select>
      <SideContent content={formGroup?.afterInput} />
    </FormGroup>
  );
}
