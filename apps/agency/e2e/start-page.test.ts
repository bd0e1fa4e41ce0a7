import { describe, expect } from "vitest";
import { expectNoAxeViolations, newPage } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";

/** The start page at `/`: a GOV.UK page that leads to each app, and no request for a missing file. */
describe("the start page", { timeout: 300_000 }, () => {
  it.for([1280, 320])("at %i px: styled, passes axe, asks for no missing file, and leads to the agency app with the keyboard", async (width, { app, browser }) => {
    const { context, page } = await newPage(browser, { width });
    const missing: string[] = [];
    // A file asked for and not there (the app's own "are you signed in?" answers 401, as it should).
    page.on("response", (r) => {
      if (r.status() === 404) missing.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${app.url}/`);
    expect(await page.title()).toBe("Complaints oversight");
    // The stylesheet applies: GOV.UK's heading size, not the browser's default.
    expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontWeight)).toBe("700");
    expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontFamily)).toMatch(/Arial/);
    await expectNoAxeViolations(page, `the start page at ${width} px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The agency app: the skip link first, then the first app's link.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Complaints returns");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/agency/**`);
    await page.waitForLoadState("networkidle");
    expect(missing).toEqual([]);
    await context.close();
  });
});
