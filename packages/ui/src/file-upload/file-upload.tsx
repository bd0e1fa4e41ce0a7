import type { ComponentPropsWithRef } from "react";
import type { ErrorMessageProps } from "../error-message/error-message.tsx";
import type { HintProps } from "../hint/hint.tsx";
import { Label, type LabelProps } from "../label/label.tsx";
import { attributeProps, classNames, type GovukAttributes } from "../shared/attributes.ts";
import { fieldDescription, FormGroup, SideContent, type FormGroupOptions } from "../shared/form-group.tsx";
import { i18nAttributes } from "../shared/i18n-attributes.ts";

/** govuk-frontend `govukFileUpload` (components/file-upload/template.njk); props mirror its macro options. */
export interface FileUploadOptions {
  name: string;
  id?: string;
  disabled?: boolean;
  multiple?: boolean;
  describedBy?: string;
  label?: Omit<LabelProps, "for">;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  /** Adds the wrapper govuk-frontend's script would turn into a drop zone; see below. */
  javascript?: boolean;
  chooseFilesButtonText?: string;
  dropInstructionText?: string;
  multipleFilesChosenText?: Partial<Record<Intl.LDMLPluralRule, string>>;
  noFileChosenText?: string;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
  classes?: string;
  attributes?: GovukAttributes;
  wrapperClasses?: string;
  wrapperAttributes?: GovukAttributes;
}

/**
 * React's own input props (onChange, ref, accept, aria-*…) pass through to the `<input type="file">`,
 * except `aria-describedby`: give `describedBy`, which keeps the hint and error ids.
 */
export type FileUploadProps = FileUploadOptions & {
  /** Ignored, as by the template: a page cannot set a file input's value. */
  value?: string;
} & Omit<ComponentPropsWithRef<"input">, keyof FileUploadOptions | "type" | "value" | "className" | "children" | "dangerouslySetInnerHTML" | "aria-describedby">;

/**
 * A plain file input: we do not reproduce file-upload.mjs's drop zone enhancement (its own
 * button, file name status and drag announcements). With `javascript: true` the wrapper and its
 * translations are rendered as the template does, but stay inert; the browser's own file input
 * works, and `onChange` gets its files.
 */
export function FileUpload(props: FileUploadProps) {
  const { name, id: ownId, disabled, multiple, describedBy: _describedBy, label, hint: _hint, errorMessage, formGroup, javascript, chooseFilesButtonText, dropInstructionText, multipleFilesChosenText, noFileChosenText, enteredDropZoneText, leftDropZoneText, classes, attributes, wrapperClasses, wrapperAttributes, value: _value, ...native } = props;
  const id = ownId || name;
  const description = fieldDescription(id, props);
  const input = (
    <input
      className={classNames("govuk-file-upload", classes, errorMessage && "govuk-file-upload--error")}
      id={id}
      name={name}
      type="file"
      {...(disabled ? { disabled } : {})}
      {...(multiple ? { multiple } : {})}
      {...(description.describedBy ? { "aria-describedby": description.describedBy } : {})}
      {...attributeProps(attributes)}
      {...native}
    />
  );
  return (
    <FormGroup formGroup={formGroup} error={Boolean(errorMessage)}>
      <Label {...label} for={id} />
      {description.hint}
      {description.error}
      <SideContent content={formGroup?.beforeInput} />
      {javascript ? (
        <div
          className={classNames("govuk-file-upload-wrapper", wrapperClasses)}
          data-module="govuk-file-upload"
          {...attributeProps({
            ...i18nAttributes("choose-files-button", chooseFilesButtonText),
            ...i18nAttributes("no-file-chosen", noFileChosenText),
            ...i18nAttributes("multiple-files-chosen", multipleFilesChosenText),
            ...i18nAttributes("drop-instruction", dropInstructionText),
            ...i18nAttributes("entered-drop-zone", enteredDropZoneText),
            ...i18nAttributes("left-drop-zone", leftDropZoneText),
            ...wrapperAttributes,
          })}
        >
          {input}
        </div>
      ) : (
        input
      )}
      <SideContent content={formGroup?.afterInput} />
    </FormGroup>
  );
}
