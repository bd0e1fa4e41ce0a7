import { expectNoAxeViolations, newPage } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import { tabToText } from "@complaints/e2e/page";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";

/**
 * Who is signed in, in the agency app's header, their account page, and the standard pages in its
 * footer (the same pages as the portal's, whose tests cover changing the password in full).
 */
const poll = expect.poll;
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("the agency app's account page and standard pages", () => {
  it("shows the signed-in person's name linking to /agency/account, which lists every body they act for", async ({ signedIn }) => {
    const { page } = await signedIn("shared.team@demo.example", "/agency/");
    const account = page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Your account: Shay Shared-Team" });
    expect(await account.getAttribute("href")).toBe("/agency/account");
    expect(await account.textContent()).toBe("Your account: Shay Shared-Team");
    // Followed with the keyboard. (Playwright's click aims at the link's first box, the 1 px
    // visually hidden "Your account: ", which the list item covers; a person clicks the name.)
    await account.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/agency/account");
    await poll(() => heading(page)).toBe("Your account");
    expect(await page.title()).toBe("Your account – Complaints returns");
    const last = page.locator(".govuk-summary-list__row").last();
    expect(await last.locator("dt").textContent()).toBe("Organisations");
    expect(await last.locator("li").count()).toBe(2);
    await expectNoAxeViolations(page, "the agency app's account page");
  });

  it("refuses a weak new password with the reason, beside the field", async ({ signedIn }) => {
    const { page } = await signedIn("submitter2@demo.example", "/agency/account");
    await poll(() => heading(page)).toBe("Your account");
    await page.getByLabel("Current password").fill("complaints-demo-2026");
    await page.getByLabel("New password").fill("submitter2@demo.example");
    await page.getByRole("button", { name: "Change password" }).click();
    await poll(() => page.locator("#newPassword-error").textContent()).toContain("Use a password that is not your email address");
    await expectNoAxeViolations(page, "the agency app's account page with an error");
  });

  it("reaches each standard page from the footer by keyboard, signed out, each axe-clean", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    for (const [link, path, title] of [
      ["Help and contact", "/agency/help", "Help and contact"],
      ["Accessibility statement", "/agency/accessibility", "Accessibility statement for Complaints returns"],
      ["Cookies", "/agency/cookies", "Cookies"],
      ["Privacy notice", "/agency/privacy", "Privacy notice"],
    ] as const) {
      await page.goto(`${app.url}/agency/sign-in`);
      await poll(() => heading(page)).toBe("Sign in");
      await tabToText(page, link);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname === path);
      await poll(() => heading(page)).toBe(title);
      await poll(() => page.locator("main .govuk-body").count()).toBeGreaterThan(0);
      expect(await page.locator(".govuk-phase-banner .govuk-tag").innerText()).toMatch(/beta/i);
      await expectNoAxeViolations(page, `${path}, signed out`);
    }
    await context.close();
  }, 120_000);
});
