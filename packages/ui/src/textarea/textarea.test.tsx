import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Textarea, type TextareaOptions } from "./textarea.tsx";

describeGovukFixtures<TextareaOptions>("textarea", Textarea, { id: true, name: true, spellcheck: true, rows: true, value: true, disabled: true, describedBy: true, label: true, hint: true, errorMessage: true, formGroup: true, classes: true, autocomplete: true, attributes: true });
