import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@complaints/db";
import { expectNoAxeViolations, newPage, type RunningApp } from "@complaints/e2e";
import type { Browser, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * The published learning page in a real browser, as someone following a link from a department's
 * website sees it: no sign-in, axe clean, every link reachable by keyboard, readable at 320 px.
 * The server needs no browser app for these pages. Screenshots are left in the temporary folder
 * for a person to look at.
 */
const screenshots = join(tmpdir(), "complaints-published-learning");

describe("published learning in a browser", () => {
  let app: RunningApp;
  let browser: Browser;

  it.beforeAll(async ({ app: started, browser: launched }) => {
    mkdirSync(screenshots, { recursive: true });
    // The file's server and browser (fixtures), for the helpers below.
    app = started;
    browser = launched;
  }, 240_000);

  async function open(path: string, width: number): Promise<Page> {
    const { page } = await newPage(browser, { width });
    const response = await page.goto(`${app.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  /** Where the first summary list row's key and value are drawn. */
  async function keyAndValue(page: Page) {
    const row = page.locator(".govuk-summary-list__row").first();
    return [(await row.locator("dt").boundingBox())!, (await row.locator("dd").boundingBox())!] as const;
  }

  it("shows a department's learning, grouped by body, to someone not signed in, with no accessibility failures", async ({ app }) => {
    const page = await open("/published/DES/learning", 1280);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You said, we did");
    expect(await page.title()).toBe("You said, we did: Department for Example Services (synthetic)");
    // Every body of the demo publishes at least one item: one section per body with items under it.
    const bodies = page.locator("section.app-learning-body");
    expect(await bodies.count()).toBeGreaterThan(3);
    expect(await bodies.first().locator("h3").count()).toBeGreaterThan(0);
    // Styled by our own stylesheet (the CSP allows no other): a summary list's key and value side by side.
    const [key, value] = await keyAndValue(page);
    expect([value.x >= key.x + key.width, Math.abs(value.y - key.y) < 2]).toEqual([true, true]);
    await expectNoAxeViolations(page, "a department's published learning");
    // Only the public summary is published, never the action as recorded ("What we changed"): the
    // demo's publishable plans' actions appear nowhere on the page or in the CSV.
    expect(await page.locator("dt", { hasText: "What we changed" }).count()).toBe(0);
    const connection = openDatabase(app.databaseUrl);
    const plans = await connection.db.selectFrom("action_plans").select(["action", "public_summary"]).where("publishable", "=", 1).execute().finally(() => connection.close());
    expect(plans.length).toBeGreaterThan(3);
    const csv = await (await fetch(`${app.url}/published/DES/learning.csv`)).text();
    const shown = (await page.locator("main").textContent())!;
    expect(plans.some((p) => shown.includes(p.public_summary))).toBe(true);
    for (const { action } of plans) {
      expect(shown, action).not.toContain(action);
      expect(csv, action).not.toContain(action);
    }
    expect(await page.context().cookies()).toEqual([]);
    await page.screenshot({ path: join(screenshots, "department-1280.png"), fullPage: true });
    await page.screenshot({ path: join(screenshots, "department-1280-top.png") });
    await bodies.first().screenshot({ path: join(screenshots, "department-1280-first-body.png") });
    await page.locator("footer").screenshot({ path: join(screenshots, "department-1280-footer.png") });
    await page.context().close();
  });

  it("reaches the skip link and then every link on the page with the keyboard", async () => {
    const page = await open("/published/DES/learning", 1280);
    await page.keyboard.press("Tab");
    expect(await page.locator(":focus").textContent()).toBe("Skip to main content");
    // The skip link shows when focused.
    expect((await page.locator(".govuk-skip-link").boundingBox())?.width).toBeGreaterThan(50);
    const links = await Promise.all((await page.locator("main a").all()).map((a) => a.getAttribute("href")));
    const reached: string[] = [];
    for (let i = 0; i < links.length; i += 1) {
      await page.keyboard.press("Tab");
      reached.push((await page.locator(":focus").getAttribute("href")) ?? "");
    }
    expect(reached).toEqual(links);
    expect(links).toContain("learning.csv");
    expect(links.some((l) => l?.startsWith("../DES-"))).toBe(true);
    await page.context().close();
  });

  it("goes from the department's page to a body's own page, and downloads the CSV", async () => {
    const page = await open("/published/DES/learning", 1280);
    const ownPage = page.locator("main a", { hasText: /^Page for .* only$/ }).first();
    const bodyName = (await ownPage.textContent())!.replace(/^Page for (.*) only$/, "$1");
    await ownPage.click();
    await page.waitForURL(/\/published\/DES-[A-Z0-9]+\/learning$/);
    expect(await page.title()).toBe(`You said, we did: ${bodyName}`);
    expect(await page.locator("section.app-learning-body").count()).toBe(0);
    await expectNoAxeViolations(page, "a body's published learning");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download these changes as a spreadsheet (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^learning-DES-[A-Z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.context().close();
  });

  it("reads at 320 px without scrolling sideways", async () => {
    const page = await open("/published/DES/learning", 320);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    // The summary list stacks: key above value.
    const [key, value] = await keyAndValue(page);
    expect([value.y >= key.y + key.height, value.x]).toEqual([true, key.x]);
    await expectNoAxeViolations(page, "published learning at 320 px");
    await page.screenshot({ path: join(screenshots, "department-320.png"), fullPage: true });
    await page.screenshot({ path: join(screenshots, "department-320-top.png") });
    await page.locator("section.app-learning-body").first().screenshot({ path: join(screenshots, "department-320-first-body.png") });
    await page.context().close();
  });
});
