import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { expectEveryMacroOption, itRendersGovukFixtures } from "../testing/fixture-suite.tsx";
import { NotificationBanner, takesFocusOnMount, type NotificationBannerProps } from "./notification-banner.tsx";

describe("NotificationBanner reproduces govuk-frontend's notification-banner fixtures", () => {
  it("takes every option of the macro (children for caller)", () => {
    const props: Record<keyof NotificationBannerProps | "caller", true> = { text: true, html: true, children: true, caller: true, titleText: true, titleHtml: true, titleHeadingLevel: true, type: true, role: true, titleId: true, disableAutoFocus: true, classes: true, attributes: true };
    expectEveryMacroOption("notification-banner", props);
  });
  itRendersGovukFixtures("notification-banner", (options) => <NotificationBanner {...(options as NotificationBannerProps)} />);

  it("puts React children in the content, as the macro's caller block", () => {
    const html = renderToStaticMarkup(
      <NotificationBanner type="success">
        <p className="govuk-notification-banner__heading">Return sent</p>
      </NotificationBanner>,
    );
    expect(html).toContain('<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Return sent</p></div>');
  });
});

describe("which banners take focus on mount (notification-banner.mjs)", () => {
  const cases: [Partial<NotificationBannerProps>, boolean][] = [
    [{ type: "success" }, true],
    [{ type: "success", disableAutoFocus: true }, false],
    [{ type: "success", disableAutoFocus: false }, true],
    [{ type: "success", role: "region" }, false],
    [{}, false],
    [{ role: "alert" }, true],
  ];
  for (const [props, expected] of cases) it(`${JSON.stringify(props)}: ${expected}`, () => expect(takesFocusOnMount(props)).toBe(expected));
});
