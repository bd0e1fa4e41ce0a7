import { describe, expect } from "vitest";
import { expectNoAxeViolations } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";

/**
 * Moving between pages inside the app leaves a screen reader where a full page load would: the
 * title names the new page and focus is on its main heading, so the next Tab goes on from there.
 */
const org = "DES-LIC1";
const focused = () => {
  const el = document.activeElement;
  return el ? { tag: el.tagName, text: el.textContent?.trim() ?? "" } : null;
};

describe("focus after moving between pages", { timeout: 300_000 }, () => {
  it("moves focus to the new page's heading and changes the title, by link and by the browser's Back button", async ({ signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/`);
    const h1 = page.getByRole("heading", { level: 1 });
    await h1.waitFor();
    const homeHeading = (await h1.textContent())!.trim();
    const homeTitle = await page.title();

    // The service navigation, used with the keyboard: Tab to the link, Enter.
    const link = page.locator(".govuk-service-navigation").getByRole("link", { name: "Action plans" });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe("Learning action plans – Complaints returns");
    await expect.poll(() => page.evaluate(focused), { timeout: 30_000 }).toEqual({ tag: "H1", text: "Learning action plans" });
    expect(await h1.getAttribute("tabindex")).toBe("-1");
    // The next Tab goes on from the heading, into the page, not back to the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("main")))).toBe(true);
    await expectNoAxeViolations(page, "the action list reached by a link");

    await page.goBack();
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe(homeTitle);
    await expect.poll(() => page.evaluate(focused), { timeout: 30_000 }).toEqual({ tag: "H1", text: homeHeading });
    await context.close();
  });

  it("leaves focus alone on the first page loaded", async ({ signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/actions`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
    await context.close();
  });
});
