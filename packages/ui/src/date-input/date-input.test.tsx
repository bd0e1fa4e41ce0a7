import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { DateInput } from "./date-input.tsx";

describeGovukFixtures("date-input", DateInput, { id: true, namePrefix: true, items: true, hint: true, errorMessage: true, formGroup: true, fieldset: true, day: true, month: true, year: true, values: true, classes: true, attributes: true, onChange: true, onBlur: true });
