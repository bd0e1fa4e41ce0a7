import type { ComponentPropsWithRef } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import type { HintProps } from "../hint/hint.tsx";
import { Label, type LabelProps } from "../label/label.tsx";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { contentProps, hasContent, type GovukContent } from "../shared/content.ts";
import { valueProps } from "../shared/control-value.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "../shared/form-group.tsx";

export interface InputAffix extends GovukContent {
  classes?: string;
  attributes?: GovukAttributes;
}

/** govuk-frontend `govukInput` (components/input/template.njk); props mirror its macro options. */
export interface InputOptions {
  id?: string;
  name: string;
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  prefix?: InputAffix;
  suffix?: InputAffix;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  pattern?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  inputWrapper?: { classes?: string; attributes?: GovukAttributes };
  attributes?: GovukAttributes;
}

/**
 * React's own input props (onChange, onBlur, ref, defaultValue, aria-*, inputMode…) pass through to the `<input>`,
 * except `aria-describedby`: give `describedBy`, which keeps the hint and error ids.
 */
export type InputProps = InputOptions & Omit<ComponentPropsWithRef<"input">, keyof InputOptions | "className" | "children" | "dangerouslySetInnerHTML" | "aria-describedby">;

function Affix({ affix, type }: { affix: InputAffix; type: "prefix" | "suffix" }) {
  return <div className={classNames(`govuk-input__${type}`, affix.classes)} aria-hidden="true" {...attributeProps(affix.attributes)} {...contentProps(affix)} />;
}

export function Input(props: InputProps) {
  const { id: ownId, name, type, inputmode, value, disabled, describedBy: _describedBy, label, hint: _hint, errorMessage, prefix, suffix, formGroup, classes, autocomplete, pattern, spellcheck, autocapitalize, inputWrapper, attributes, ...native } = props;
  const id = ownId || name;
  const description = fieldDescription(id, props);
  const input = (
    <input
      className={classNames("govuk-input", classes, errorMessage && "govuk-input--error")}
      id={id}
      name={name}
      type={type || "text"}
      {...(spellcheck === true || spellcheck === false ? { spellCheck: spellcheck } : {})}
      {...valueProps(value, native.onChange)}
      {...(disabled ? { disabled } : {})}
      {...(description.describedBy ? { "aria-describedby": description.describedBy } : {})}
      {...(autocomplete ? { autoComplete: autocomplete } : {})}
      {...(autocapitalize ? { autoCapitalize: autocapitalize } : {})}
      {...(pattern ? { pattern } : {})}
      {...(inputmode ? { inputMode: inputmode as ComponentPropsWithRef<"input">["inputMode"] } : {})}
      {...attributeProps(attributes)}
      {...native}
    />
  );
  const wrapped = hasContent(prefix) || hasContent(suffix) || hasContent(formGroup?.beforeInput) || hasContent(formGroup?.afterInput);
  return (
    <FormGroup formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label {...label} for={id} />
      {description.hint}
      {description.error}
      {wrapped ? (
        <div className={classNames("govuk-input__wrapper", inputWrapper?.classes)} {...attributeProps(inputWrapper?.attributes)}>
          <SideContent content={formGroup?.beforeInput} />
          {hasContent(prefix) ? <Affix affix={prefix} type="prefix" /> : null}
          {input}
          {hasContent(suffix) ? <Affix affix={suffix} type="suffix" /> : null}
          <SideContent content={formGroup?.afterInput} />
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
