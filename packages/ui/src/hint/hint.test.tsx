import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Hint } from "./hint.tsx";

describeGovukFixtures("hint", Hint, { text: true, html: true, children: true, id: true, classes: true, attributes: true });
