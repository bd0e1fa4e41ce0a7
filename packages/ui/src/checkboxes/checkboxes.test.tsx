import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Checkboxes, type CheckboxesProps } from "./checkboxes.tsx";

describeGovukFixtures<CheckboxesProps>("checkboxes", Checkboxes, { describedBy: true, fieldset: true, hint: true, errorMessage: true, formGroup: true, idPrefix: true, name: true, items: true, values: true, classes: true, attributes: true, onChange: true, onBlur: true, onValuesChange: true });
