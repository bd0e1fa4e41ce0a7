import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoAccess, PageNotFound } from "./error-pages.tsx";

describe("error pages", () => {
  it("Page not found says what to check and offers a way out", () => {
    const html = renderToStaticMarkup(<PageNotFound homeHref="/portal/" homeText="Go to your department" />);
    expect(html).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(html).toContain('<a class="govuk-link" href="/portal/">Go to your department</a>');
  });

  it("You do not have access names nothing of what is there", () => {
    const html = renderToStaticMarkup(<NoAccess homeHref="/agency/" homeText="Go to your organisations" />);
    expect(html).toContain('<h1 class="govuk-heading-l">You do not have access</h1>');
    expect(html).toContain('href="/agency/"');
  });
});
