import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { ErrorMessage } from "./error-message.tsx";

describeGovukFixtures("error-message", ErrorMessage, { text: true, html: true, children: true, id: true, classes: true, attributes: true, visuallyHiddenText: true });
