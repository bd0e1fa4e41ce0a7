import type { ChangeEvent, FocusEvent, Ref } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import { Fieldset, type FieldsetProps } from "../fieldset/fieldset.tsx";
import type { HintProps } from "../hint/hint.tsx";
import { Input } from "../input/input.tsx";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "../shared/form-group.tsx";

export interface DateInputItem {
  id?: string;
  name?: string;
  /** The label; the capitalised name when left out. */
  label?: string;
  value?: string | number;
  /** Marks this field as the one in error (else all are, when there is an error message). */
  error?: boolean;
  autocomplete?: string;
  pattern?: string;
  inputmode?: string;
  classes?: string;
  attributes?: GovukAttributes;
  /** Our addition: a ref to this field's `<input>`. */
  ref?: Ref<HTMLInputElement>;
}

/** govuk-frontend `govukDateInput` (components/date-input/template.njk); props mirror its macro options. */
export interface DateInputProps {
  id: string;
  namePrefix?: string;
  items?: (DateInputItem | null | false | undefined)[];
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  fieldset?: Omit<FieldsetProps, "children" | "html" | "role">;
  day?: DateInputItem | false;
  month?: DateInputItem | false;
  year?: DateInputItem | false;
  values?: Partial<Record<"day" | "month" | "year", string | number>> & Record<string, string | number | undefined>;
  classes?: string;
  attributes?: GovukAttributes;
  /** Called for each field (its `name` tells which); with `values` the app controls the fields. */
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
}

const parts = ["day", "month", "year"] as const;

/** Nunjucks' `capitalize`: first letter upper case, the rest lower case. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function hasErrorClass(item: DateInputItem): boolean {
  return Boolean(item.classes?.includes("govuk-input--error"));
}

export function DateInput(props: DateInputProps) {
  // The default day, month and year fields, each replaceable (or removed with `false`).
  const defaults = {
    day: props.day !== undefined ? props.day : { name: "day", value: props.values?.day, classes: "govuk-input--width-2" },
    month: props.month !== undefined ? props.month : { name: "month", value: props.values?.month, classes: "govuk-input--width-2" },
    year: props.year !== undefined ? props.year : { name: "year", value: props.values?.year, classes: "govuk-input--width-4" },
  };
  const items = props.items?.length ? props.items : [defaults.day, defaults.month, defaults.year];
  const anyItemHasError = items.some((item) => item && (item.error || hasErrorClass(item)));
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : "";
  const description = fieldDescription(props.id, { describedBy: props.fieldset?.describedBy, hint: props.hint, errorMessage: props.errorMessage });

  function field(item: DateInputItem, index: number) {
    // Which default the item stands for: the same object, or the same name.
    const part = parts.find((p) => item === defaults[p] || (item.name && (item.name === p || item.name === (defaults[p] || undefined)?.name)));
    const name = part ? (item.name ?? part) : item.name;
    const value = part ? (item.value !== undefined ? item.value : (defaults[part] || undefined)?.value) : item.value;
    const width = part === "year" ? 4 : 2;
    const itemHasError = item.error || hasErrorClass(item);
    const classes = classNames(
      !hasErrorClass(item) && (itemHasError || (item.error !== false && props.errorMessage && !anyItemHasError)) && "govuk-input--error",
      !item.classes?.includes("govuk-input--width-") && `govuk-input--width-${width}`,
      item.classes,
    );
    const fullName = namePrefix + (name ?? "");
    return (
      <div key={index} className="govuk-date-input__item">
        <Input
          ref={item.ref}
          label={{ text: item.label || capitalize(String(name ?? "")), classes: "govuk-date-input__label" }}
          id={item.id || `${props.id}-${name}`}
          classes={classNames("govuk-date-input__input", classes)}
          name={fullName}
          value={value !== undefined ? value : props.values?.[fullName]}
          type="text"
          inputmode={item.inputmode || "numeric"}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
          {...(props.onChange ? { onChange: props.onChange } : {})}
          {...(props.onBlur ? { onBlur: props.onBlur } : {})}
        />
      </div>
    );
  }

  const inner = (
    <>
      {description.hint}
      {description.error}
      <div className={classNames("govuk-date-input", props.classes)} {...attributeProps(props.attributes)} {...(props.id ? { id: props.id } : {})}>
        <SideContent content={props.formGroup?.beforeInputs} />
        {items.map((item, i) => (item ? field(item, i) : null))}
        <SideContent content={props.formGroup?.afterInputs} />
      </div>
    </>
  );
  return (
    <FormGroup formGroup={props.formGroup} error={Boolean(props.errorMessage)}>
      {props.fieldset ? (
        // role="group": JAWS does not read a fieldset's description for text inputs without it (template.njk).
        <Fieldset {...props.fieldset} describedBy={description.describedBy} role="group">
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </FormGroup>
  );
}
