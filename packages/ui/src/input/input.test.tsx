import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { normaliseHtml } from "../testing/govuk-fixtures.ts";
import { describeGovukFixtures } from "../testing/fixture-suite.tsx";
import { Input, type InputOptions } from "./input.tsx";

describeGovukFixtures<InputOptions>("input", Input, { id: true, name: true, type: true, inputmode: true, value: true, disabled: true, describedBy: true, label: true, hint: true, errorMessage: true, prefix: true, suffix: true, formGroup: true, classes: true, autocomplete: true, pattern: true, spellcheck: true, autocapitalize: true, inputWrapper: true, attributes: true });

it("passes React's own props to the input for controlled use", () => {
  const html = renderToStaticMarkup(<Input name="amount" value="12" onChange={() => {}} inputMode="numeric" spellCheck={false} autoComplete="off" aria-invalid="true" />);
  expect(normaliseHtml(html)).toContain(normaliseHtml('<input class="govuk-input" id="amount" name="amount" type="text" value="12" inputmode="numeric" spellcheck="false" autocomplete="off" aria-invalid="true">'));
});
