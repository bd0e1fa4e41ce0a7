import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Fieldset } from "./fieldset.tsx";

describeGovukFixtures("fieldset", Fieldset, { describedBy: true, legend: true, classes: true, role: true, attributes: true, html: true, children: true }, { notProps: { caller: "the Nunjucks block form: `children` takes its place" } });
