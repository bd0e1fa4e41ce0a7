import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Radios, type RadiosProps } from "./radios.tsx";

describeGovukFixtures<RadiosProps>("radios", Radios, { fieldset: true, hint: true, errorMessage: true, formGroup: true, idPrefix: true, name: true, items: true, value: true, classes: true, attributes: true, onChange: true, onBlur: true });
