import type { ComponentPropsWithRef } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import type { HintProps } from "../hint/hint.tsx";
import { Label, type LabelProps } from "../label/label.tsx";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { valueProps } from "../shared/control-value.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "../shared/form-group.tsx";

/** govuk-frontend `govukTextarea` (components/textarea/template.njk); props mirror its macro options. */
export interface TextareaOptions {
  id?: string;
  name: string;
  spellcheck?: boolean;
  rows?: number;
  value?: string;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  attributes?: GovukAttributes;
}

/**
 * React's own textarea props (onChange, onBlur, ref, defaultValue, aria-*…) pass through to the `<textarea>`,
 * except `aria-describedby`: give `describedBy`, which keeps the hint and error ids.
 */
export type TextareaProps = TextareaOptions & Omit<ComponentPropsWithRef<"textarea">, keyof TextareaOptions | "className" | "children" | "dangerouslySetInnerHTML" | "aria-describedby">;

export function Textarea(props: TextareaProps) {
  const { id: ownId, name, spellcheck, rows, value, disabled, describedBy: _describedBy, label, hint: _hint, errorMessage, formGroup, classes, autocomplete, attributes, ...native } = props;
  const id = ownId || name;
  const description = fieldDescription(id, props);
  return (
    <FormGroup formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label {...label} for={id} />
      {description.hint}
      {description.error}
      <SideContent content={formGroup?.beforeInput} />
      <textarea
        className={classNames("govuk-textarea", errorMessage && "govuk-textarea--error", classes)}
        id={id}
        name={name}
        rows={rows || 5}
        {...(spellcheck === true || spellcheck === false ? { spellCheck: spellcheck } : {})}
        {...(disabled ? { disabled } : {})}
        {...(description.describedBy ? { "aria-describedby": description.describedBy } : {})}
        {...(autocomplete ? { autoComplete: autocomplete } : {})}
        {...attributeProps(attributes)}
        {...valueProps(value, native.onChange)}
        {...native}
      />
      <SideContent content={formGroup?.afterInput} />
    </FormGroup>
  );
}
