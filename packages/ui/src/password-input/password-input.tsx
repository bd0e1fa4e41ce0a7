import { useEffect, useState } from "react";
import { Button } from "../button/button.tsx";
import { Input, type InputOptions, type InputProps } from "../input/input.tsx";
import { classNames } from "../shared/attributes.ts";
import { SideContent } from "../shared/form-group.tsx";
import { i18nAttributes } from "../shared/i18n-attributes.ts";
import { useMounted } from "../shared/use-mounted.ts";

/** govuk-frontend `govukPasswordInput` (components/password-input/template.njk); props mirror its macro options. */
export interface PasswordInputOptions extends Pick<InputOptions, "id" | "name" | "value" | "disabled" | "describedBy" | "label" | "hint" | "errorMessage" | "formGroup" | "classes" | "autocomplete" | "attributes"> {
  showPasswordText?: string;
  hidePasswordText?: string;
  showPasswordAriaLabelText?: string;
  hidePasswordAriaLabelText?: string;
  passwordShownAnnouncementText?: string;
  passwordHiddenAnnouncementText?: string;
  button?: { classes?: string };
}

export type PasswordInputProps = PasswordInputOptions & Omit<InputProps, keyof PasswordInputOptions | "type">;

/**
 * The Show/Hide button works in React as password-input.mjs makes it: hidden in the server HTML
 * (it does nothing without script), shown after mount; it toggles the input's type, its own text
 * and label, and a live region announces the change. The password is hidden again on submit.
 */
export function PasswordInput(props: PasswordInputProps) {
  const { showPasswordText, hidePasswordText, showPasswordAriaLabelText, hidePasswordAriaLabelText, passwordShownAnnouncementText, passwordHiddenAnnouncementText, button, formGroup, classes, autocomplete, ...input } = props;
  const id = props.id || props.name;
  const mounted = useMounted();
  const [shown, setShown] = useState(false);
  // Empty until first toggled: the script's initial hide() changes nothing, so announces nothing.
  const [announcement, setAnnouncement] = useState("");

  function setVisible(visible: boolean) {
    setShown(visible);
    setAnnouncement(visible ? passwordShownAnnouncementText || "Your password is visible" : passwordHiddenAnnouncementText || "Your password is hidden");
  }

  // A password is never submitted, or restored from the back-forward cache, while visible.
  useEffect(() => {
    if (!shown) return;
    const form = (document.getElementById(id) as HTMLInputElement | null)?.form;
    const hide = () => setVisible(false);
    const onPageShow = (event: PageTransitionEvent) => event.persisted && hide();
    form?.addEventListener("submit", hide);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      form?.removeEventListener("submit", hide);
      window.removeEventListener("pageshow", onPageShow);
    };
  });

  return (
    <Input
      {...input}
      id={id}
      type={shown ? "text" : "password"}
      spellcheck={false}
      autocapitalize="none"
      autocomplete={autocomplete || "current-password"}
      classes={classNames("govuk-password-input__input govuk-js-password-input-input", classes)}
      inputWrapper={{ classes: "govuk-password-input__wrapper" }}
      formGroup={{
        classes: classNames("govuk-password-input", formGroup?.classes),
        attributes: {
          "data-module": "govuk-password-input",
          ...i18nAttributes("show-password", showPasswordText),
          ...i18nAttributes("hide-password", hidePasswordText),
          ...i18nAttributes("show-password-aria-label", showPasswordAriaLabelText),
          ...i18nAttributes("hide-password-aria-label", hidePasswordAriaLabelText),
          ...i18nAttributes("password-shown-announcement", passwordShownAnnouncementText),
          ...i18nAttributes("password-hidden-announcement", passwordHiddenAnnouncementText),
          ...formGroup?.attributes,
        },
        beforeInput: formGroup?.beforeInput,
        afterInput: {
          children: (
            <>
              {mounted ? (
                <div className="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">
                  {announcement}
                </div>
              ) : null}
              <Button
                type="button"
                classes={classNames("govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle", button?.classes)}
                text={shown ? hidePasswordText || "Hide" : showPasswordText || "Show"}
                attributes={{
                  "aria-controls": id,
                  "aria-label": shown ? hidePasswordAriaLabelText || "Hide password" : showPasswordAriaLabelText || "Show password",
                  // Hidden until mounted, as the template (with `optional: true`): it needs script to work.
                  ...(mounted ? {} : { hidden: { value: true, optional: true } }),
                }}
                onClick={(event) => {
                  event.preventDefault();
                  setVisible(!shown);
                }}
              />
              <SideContent content={formGroup?.afterInput} />
            </>
          ),
        },
      }}
    />
  );
}
