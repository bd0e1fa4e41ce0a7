import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { PasswordInput, type PasswordInputOptions } from "./password-input.tsx";

describeGovukFixtures<PasswordInputOptions>("password-input", PasswordInput, { id: true, name: true, value: true, disabled: true, describedBy: true, label: true, hint: true, errorMessage: true, formGroup: true, classes: true, autocomplete: true, attributes: true, showPasswordText: true, hidePasswordText: true, showPasswordAriaLabelText: true, hidePasswordAriaLabelText: true, passwordShownAnnouncementText: true, passwordHiddenAnnouncementText: true, button: true });
