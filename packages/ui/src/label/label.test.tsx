import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Label } from "./label.tsx";

describeGovukFixtures("label", Label, { text: true, html: true, children: true, for: true, isPageHeading: true, classes: true, attributes: true });
