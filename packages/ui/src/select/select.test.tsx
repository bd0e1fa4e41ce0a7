import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Select, type SelectOptions } from "./select.tsx";

describeGovukFixtures<SelectOptions>("select", Select, { id: true, name: true, items: true, value: true, disabled: true, describedBy: true, label: true, hint: true, errorMessage: true, formGroup: true, classes: true, attributes: true });
