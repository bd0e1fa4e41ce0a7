import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ServiceFrame } from "./service-frame.tsx";

describe("ServiceFrame", () => {
  it("puts the skip link first, pointing at the main content area, and the page inside main", () => {
    const html = renderToStaticMarkup(
      <ServiceFrame serviceName="Department portal" homeUrl="/portal/" navigation={[{ text: "Tracker", href: "/portal/DES/tracker", active: true }]} aboveMain={<p id="above">x</p>}>
        <h1>Page</h1>
      </ServiceFrame>,
    );
    expect(html.indexOf("govuk-skip-link")).toBeLessThan(html.indexOf("govuk-generic-header"));
    expect(html).toContain('href="#main-content"');
    expect(html).toMatch(/<main class="govuk-main-wrapper" id="main-content" tabindex="-1"><h1>Page<\/h1><\/main>/i);
    expect(html.indexOf('id="above"')).toBeLessThan(html.indexOf("<main"));
    expect(html).toContain("Department portal");
    expect(html).toContain('href="/portal/DES/tracker"');
  });

  it("puts the phase banner under the navigation and the support links in the footer", () => {
    const html = renderToStaticMarkup(
      <ServiceFrame serviceName="Department portal" homeUrl="/portal/" navigation={[]} belowHeader={<div id="phase">Beta</div>} footerLinks={[{ text: "Help", href: "/portal/help" }, { text: "Cookies", href: "/portal/cookies" }]}>
        <h1>Page</h1>
      </ServiceFrame>,
    );
    expect(html.indexOf("govuk-service-navigation")).toBeLessThan(html.indexOf('id="phase"'));
    expect(html.indexOf('id="phase"')).toBeLessThan(html.indexOf("<main"));
    expect(html).toContain('<h2 class="govuk-visually-hidden">Support links</h2><ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/portal/help">Help</a></li>');
  });
});
