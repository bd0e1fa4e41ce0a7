import { expectNoAxeViolations } from "@complaints/e2e";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * `/portal/DES/tracker` and `/portal/DES/summary` redirect inside the app to the latest quarter.
 * Opened directly, that redirect is part of loading the page: focus stays at the start of the
 * document, as after any page load, and the heading shows no focus outline. Reached from another
 * page of the portal, the same redirect ends a navigation, so focus moves to the new heading.
 */
const dept = "DES";
const focused = () => {
  const el = document.activeElement;
  return el ? { tag: el.tagName, text: el.textContent?.trim() ?? "" } : null;
};

describe("focus after the portal's redirects to the latest quarter", { timeout: 300_000 }, () => {
  for (const { section, address, heading } of [
    { section: "tracker", address: /\/portal\/DES\/tracker\/\d{4}-\d{2}-q\d$/, heading: /^Submission tracker: / },
    { section: "summary", address: /\/portal\/DES\/summary\/\d{4}-\d{2}-q\d$/, heading: /^Department totals$/ },
  ]) {
    it(`leaves focus at the start of the document when /portal/${dept}/${section} is opened directly`, async ({ app, signedIn }) => {
      const { context, page } = await signedIn("oversight@demo.example", `/portal/${dept}/actions`);
      // Signing in was the person's doing, so the page after it is a navigation: open the address afresh, as a bookmark would,
      // after using the page before (Chromium carries that use over to the next page of the site).
      await page.getByRole("heading", { level: 1, name: "Action plans across bodies" }).click();
      await page.goto(`${app.url}/portal/${dept}/${section}`);
      await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(address);
      const h1 = page.getByRole("heading", { level: 1 });
      await h1.waitFor();
      expect((await h1.textContent())!.trim()).toMatch(heading);
      // Long enough for the heading's focus to have been moved, had it been going to be.
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(focused)).toEqual({ tag: "BODY", text: expect.any(String) });
      expect(await h1.getAttribute("tabindex")).toBeNull();
      // The first Tab reaches the skip link, as on any page just loaded.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.className)).toContain("govuk-skip-link");
      await expectNoAxeViolations(page, `${section} opened directly`);
      await context.close();
    });
  }

  it("moves focus to the heading when the tracker and the totals are reached from another page", async ({ signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", `/portal/${dept}/actions`);
    await page.getByRole("heading", { level: 1, name: "Action plans across bodies" }).waitFor();
    const nav = page.locator(".govuk-service-navigation");

    await nav.getByRole("link", { name: "Tracker" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/\/portal\/DES\/tracker\/\d{4}-\d{2}-q\d$/);
    await expect.poll(() => page.evaluate(focused), { timeout: 30_000 }).toEqual({ tag: "H1", text: expect.stringMatching(/^Submission tracker: /) });
    await expectNoAxeViolations(page, "the tracker reached by a link");

    await nav.getByRole("link", { name: "Totals" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/\/portal\/DES\/summary\/\d{4}-\d{2}-q\d$/);
    await expect.poll(() => page.evaluate(focused), { timeout: 30_000 }).toEqual({ tag: "H1", text: "Department totals" });
    await expectNoAxeViolations(page, "the totals reached by a link");
    await context.close();
  });
});
