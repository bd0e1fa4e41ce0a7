import type { ReactNode } from "react";
import { ErrorMessage, type ErrorMessageProps } from "../error-message/error-message.tsx";
import { Hint, type HintProps } from "../hint/hint.tsx";
import { attributeProps, classNames, type GovukAttributes } from "./attributes.ts";
import { contentProps, hasContent, type GovukContent } from "./content.ts";

/** The `formGroup` option of the form field macros. */
export interface FormGroupOptions {
  classes?: string;
  attributes?: GovukAttributes;
  beforeInput?: GovukContent;
  afterInput?: GovukContent;
  /** Only some macros take these (radios, checkboxes, date input, textarea and others). */
  beforeInputs?: GovukContent;
  afterInputs?: GovukContent;
}

/** `<div class="govuk-form-group">` with the error modifier, as every field template opens. */
export function FormGroup({ formGroup, error, children }: { formGroup?: FormGroupOptions; error: boolean; children: ReactNode }) {
  return (
    <div className={classNames("govuk-form-group", error && "govuk-form-group--error", formGroup?.classes)} {...attributeProps(formGroup?.attributes)}>
      {children}
    </div>
  );
}

/**
 * The hint and error message under a field's label or legend, and the aria-describedby they add
 * to the field: `describedBy`, then `<id>-hint`, then `<id>-error`, as the templates build it.
 */
export function fieldDescription(id: string, options: { describedBy?: string; hint?: HintProps; errorMessage?: ErrorMessageProps | false }) {
  const ids = options.describedBy ? [options.describedBy] : [];
  let hint: ReactNode = null;
  let error: ReactNode = null;
  if (options.hint) {
    ids.push(`${id}-hint`);
    hint = <Hint {...options.hint} id={`${id}-hint`} />;
  }
  if (options.errorMessage) {
    ids.push(`${id}-error`);
    error = <ErrorMessage {...options.errorMessage} id={`${id}-error`} />;
  }
  return { hint, error, describedBy: ids.length ? ids.join(" ") : undefined };
}

/**
 * Text or raw HTML that sits beside elements (beforeInput, afterInput, conditional content):
 * React can only inject raw HTML as an element's whole content, so `html` here needs a wrapper.
 */
export function SideContent({ content }: { content?: GovukContent }) {
  if (!hasContent(content)) return null;
  const { children, dangerouslySetInnerHTML } = contentProps(content);
  return dangerouslySetInnerHTML ? <span className="app-raw-html" dangerouslySetInnerHTML={dangerouslySetInnerHTML} /> : <>{children}</>;
}
