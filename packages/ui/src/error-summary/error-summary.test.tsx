import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { ErrorSummary } from "./error-summary.tsx";

describeGovukFixtures("error-summary", ErrorSummary, { titleText: true, titleHtml: true, descriptionText: true, descriptionHtml: true, children: true, errorList: true, disableAutoFocus: true, classes: true, attributes: true }, { notProps: { caller: "the Nunjucks block form: `children` takes its place" } });
