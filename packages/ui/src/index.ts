// GOV.UK Frontend and MOJ Frontend components as React, one folder per component.
export * from "./button/button.tsx";
export * from "./label/label.tsx";
export * from "./hint/hint.tsx";
export * from "./error-message/error-message.tsx";
export * from "./fieldset/fieldset.tsx";
export * from "./input/input.tsx";
export * from "./radios/radios.tsx";
export * from "./textarea/textarea.tsx";
export * from "./character-count/character-count.tsx";
export * from "./error-summary/error-summary.tsx";
export * from "./checkboxes/checkboxes.tsx";
export * from "./date-input/date-input.tsx";
export * from "./password-input/password-input.tsx";
export * from "./file-upload/file-upload.tsx";
export * from "./select/select.tsx";
export * from "./shared/attributes.ts";
export * from "./shared/content.ts";
