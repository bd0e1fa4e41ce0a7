import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinkProvider } from "../shared/link.tsx";
import { normaliseHtml } from "../testing/govuk-fixtures.ts";
import { OrganisationSwitcher, type OrganisationSwitcherProps } from "./organisation-switcher.tsx";

/**
 * MOJ Frontend ships no fixtures. Each case is the HTML that template.njk (MOJ Frontend 11.1,
 * moj/components/organisation-switcher/) gives for the options, written out by hand.
 */
const cases: { name: string; options: OrganisationSwitcherProps; html: string }[] = [
  {
    name: "name and link (the Design System example)",
    options: { text: "Bristol Council", link: { href: "/change-organisation" } },
    html: `<div class="moj-organisation-nav" aria-label="Organisation switcher">
  <div class="moj-organisation-nav__title">Bristol Council</div>
  <a href="/change-organisation" class="moj-organisation-nav__link">Change organisation</a>
</div>`,
  },
  {
    name: "name only",
    options: { text: "Bristol Council" },
    html: `<div class="moj-organisation-nav" aria-label="Organisation switcher">
  <div class="moj-organisation-nav__title">Bristol Council</div>
</div>`,
  },
  {
    name: "every option",
    options: {
      id: "org-switcher",
      classes: "app-org-nav",
      label: "Acting for",
      attributes: { "data-test": "switcher" },
      html: "<strong>Bristol</strong> Council",
      link: { id: "change-org", href: "/orgs", text: "Switch", classes: "govuk-link--no-visited-state", attributes: { "data-track": "switch" } },
    },
    html: `<div id="org-switcher" class="moj-organisation-nav app-org-nav" aria-label="Acting for" data-test="switcher">
  <div class="moj-organisation-nav__title"><strong>Bristol</strong> Council</div>
  <a id="change-org" href="/orgs" class="moj-organisation-nav__link govuk-link--no-visited-state" data-track="switch">Switch</a>
</div>`,
  },
  {
    name: "text that looks like HTML is escaped",
    options: { text: "<b>Bristol</b>" },
    html: `<div class="moj-organisation-nav" aria-label="Organisation switcher">
  <div class="moj-organisation-nav__title">&lt;b&gt;Bristol&lt;/b&gt;</div>
</div>`,
  },
];

describe("OrganisationSwitcher reproduces MOJ Frontend's organisation-switcher template", () => {
  for (const c of cases) {
    it(c.name, () => expect(normaliseHtml(renderToStaticMarkup(<OrganisationSwitcher {...c.options} />))).toBe(normaliseHtml(c.html)));
  }

  it("renders its link through LinkProvider", () => {
    const html = renderToStaticMarkup(
      <LinkProvider renderLink={(props) => <a data-router="" {...props} />}>
        <OrganisationSwitcher text="Bristol Council" link={{ href: "/orgs" }} />
      </LinkProvider>,
    );
    expect(html).toContain('<a data-router="" href="/orgs" class="moj-organisation-nav__link">Change organisation</a>');
  });
});
