import { readFileSync } from "node:fs";
import { expectNoAxeViolations } from "@complaints/e2e";
import { focusedId, tabTo } from "@complaints/e2e/page";
import { formatPeriodCode, formatPeriodLabel, periodContaining, periodToAddress, ukDateOf } from "@complaints/domain";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * The department administrator's pages (`/portal/{DEPT}/admin/…`) with the demo on SQLite: bodies
 * and their service areas, closing a body, reporting windows, the audit log; only for administrators.
 */
const dept = "DES";
const admin = "admin@demo.example";
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000, interval: 100 });
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).first().textContent();

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/portal-admin-${name}-${width}.png`, fullPage: true });
    if (width === 320) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("administration", () => {
  it("is in the navigation and reachable for administrators only", async ({ signedIn }) => {
    const { page } = await signedIn(admin, `/portal/${dept}/admin`);
    await poll(() => heading(page)).toBe("Administration");
    expect(await page.locator(".govuk-service-navigation").getByRole("link", { name: "Administration" }).getAttribute("href")).toBe(`/portal/${dept}/admin`);
    expect(await page.locator("main").getByRole("link").allTextContents()).toEqual(["Bodies", "People", "Reporting windows", "Audit log"]);
    await expectNoAxeViolations(page, "the administration index");
    const analyst = await signedIn("oversight@demo.example", `/portal/${dept}/admin/organisations`);
    await poll(() => heading(analyst.page)).toBe("You do not have access");
    expect(await analyst.page.locator(".govuk-service-navigation").getByRole("link", { name: "Administration" }).count()).toBe(0);
  });

  it("adds a body from the keyboard, refusing a bad form first, then changes its service areas and closes it", async ({ signedIn }) => {
    const { page } = await signedIn(admin, `/portal/${dept}/admin/organisations`);
    await poll(() => page.getByRole("table", { name: "The department's bodies" }).getByRole("row").count()).toBeGreaterThan(10);
    await expectNoAxeViolations(page, "the bodies page");
    await screenshots(page, "organisations");

    // Keyboard only: Tab to each field, type, choose, and press Enter on the button.
    await tabTo(page, "code");
    await page.keyboard.type("des-new");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("name");
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await poll(() => focusedId(page)).not.toBe("name");
    expect(await summary.locator("li").allTextContents()).toEqual(["Enter the body's name", "Select the type of body", "Select the nation whose bank holidays the body keeps", "Enter the date it starts reporting"]);
    expect(await page.title()).toMatch(/^Error: Bodies/);
    await expectNoAxeViolations(page, "the bodies page with errors");
    await tabTo(page, "name");
    await page.keyboard.type("New Example Agency");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("bodyType");
    await page.selectOption("#bodyType", "executive agency");
    await page.focus("#region");
    await page.selectOption("#region", "scotland");
    await tabTo(page, "activeFrom-day");
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    await page.keyboard.type("4");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2026");
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain("New Example Agency (DES-NEW) was added.");
    await expectNoAxeViolations(page, "the bodies page after adding one");

    // Its service areas: add one; the demo agency's used code cannot be deleted.
    await page.getByRole("link", { name: "New Example Agency" }).click();
    await poll(() => heading(page)).toBe("New Example Agency");
    await page.fill("#areaCode", "permits");
    await page.fill("#label", "Permits");
    await page.getByRole("button", { name: "Add service area" }).click();
    await poll(() => page.getByRole("table", { name: "Service areas" }).textContent()).toContain("Permits");
    await expectNoAxeViolations(page, "a body's page");
    await screenshots(page, "organisation");
    await page.goto(`${page.url().replace(/\/DES-NEW$/, "/DES-LIC1")}`);
    await poll(() => heading(page)).toBe("Licensing Agency (synthetic)");
    await page.getByRole("button", { name: /^Delete / }).first().click();
    await poll(() => summary.textContent()).toContain("cannot be deleted because returns or cases of Licensing Agency (synthetic) use it. Retire it instead.");
    await expectNoAxeViolations(page, "a body's page refusing to delete a used code");

    // Closing asks for confirmation, naming the last quarter it is expected for.
    await page.goto(page.url().replace(/\/DES-LIC1$/, "/DES-NEW/close"));
    await poll(() => heading(page)).toBe("Close New Example Agency");
    await page.fill("#activeTo-day", "15");
    await page.fill("#activeTo-month", "8");
    await page.fill("#activeTo-year", "2026");
    await page.getByRole("button", { name: "Continue" }).click();
    await poll(() => heading(page)).toBe("Are you sure you want to close New Example Agency?");
    expect(await page.locator(".govuk-summary-list").textContent()).toContain("Last return expectedJul to Sep 2026");
    await expectNoAxeViolations(page, "the confirmation of closing a body");
    await screenshots(page, "close-confirm");
    await page.getByRole("button", { name: "Close body" }).click();
    await poll(() => page.locator(".govuk-panel__title").textContent()).toBe("New Example Agency closed");
    await expectNoAxeViolations(page, "a body closed");
  });

  it("links the tracker's unopened quarter to the windows page for an administrator only, then opens, extends and closes it", async ({ signedIn }) => {
    const current = periodContaining(ukDateOf(new Date()));
    const code = formatPeriodCode(current);
    const label = formatPeriodLabel(current);
    const trackerPath = `/portal/${dept}/tracker/${periodToAddress(code)}`;
    const analyst = await signedIn("oversight@demo.example", trackerPath);
    await poll(() => analyst.page.locator("main p.govuk-body").first().textContent()).toContain("The reporting window for this quarter has not been opened.");
    expect(await analyst.page.getByRole("link", { name: "Open it in reporting windows" }).count()).toBe(0);
    const { page } = await signedIn(admin, trackerPath);
    await page.getByRole("link", { name: "Open it in reporting windows" }).click();
    await poll(() => heading(page)).toBe("Reporting windows");
    await expectNoAxeViolations(page, "the reporting windows page");
    await screenshots(page, "windows");

    await page.selectOption("#period", code);
    await page.getByRole("button", { name: "Continue" }).click();
    await poll(() => heading(page)).toBe(`Check the due dates for ${label}`);
    await poll(() => page.getByRole("table", { name: "Due date of each body expected to report" }).getByRole("row").count()).toBeGreaterThan(10);
    await expectNoAxeViolations(page, "the due dates shown before opening");
    await page.getByRole("button", { name: "Open window" }).click();
    await poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain(`The reporting window for ${label} is open.`);

    await page.getByRole("link", { name: label }).click();
    await poll(() => heading(page)).toBe(`Reporting window: ${label}`);
    await page.getByRole("button", { name: "Extend due date" }).click();
    await poll(() => page.locator(".govuk-error-summary li").allTextContents()).toEqual(["Enter the new due date", "Enter why the due date is being extended"]);
    await expectNoAxeViolations(page, "the extension form with errors");
    await page.selectOption("#organisationCode", "DES-LIC1");
    await page.fill("#dueDate-day", "31");
    await page.fill("#dueDate-month", "12");
    await page.fill("#dueDate-year", String(current.startYear + 2));
    await page.fill("#reason", "Case system outage");
    await page.getByRole("button", { name: "Extend due date" }).click();
    await poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain(`Licensing Agency (synthetic) now has until 31 December ${current.startYear + 2}`);
    await poll(() => page.getByRole("table", { name: "Due date of each body expected to report" }).textContent()).toContain("(extended: Case system outage)");
    await expectNoAxeViolations(page, "a window after an extension");
    await screenshots(page, "window");
    await page.getByRole("button", { name: "Close window" }).click();
    await poll(() => heading(page)).toBe(`Are you sure you want to close the window for ${label}?`);
    await expectNoAxeViolations(page, "the confirmation of closing a window");
    await page.getByRole("button", { name: "Close window" }).click();
    await poll(() => page.locator(".govuk-panel__title").textContent()).toBe(`The reporting window for ${label} is closed`);
  });

  it("lists the audit log 50 a page, filtered, and downloads it as CSV", async ({ signedIn }) => {
    const { page } = await signedIn(admin, `/portal/${dept}/admin/audit`);
    const table = page.getByRole("table", { name: "Audit log entries, newest first" });
    await poll(() => table.getByRole("row").count()).toBe(51);
    expect(await page.locator(".govuk-pagination").count()).toBe(1);
    await expectNoAxeViolations(page, "the audit log");
    await screenshots(page, "audit");
    await page.selectOption("#kind", "organisation.added");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((u) => new URLSearchParams(u.search).get("kind") === "organisation.added");
    await poll(() => page.locator("#entries-heading").textContent()).toMatch(/^\d+ entries$/);
    await expectNoAxeViolations(page, "the audit log filtered");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-log-${dept}.csv`);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFFid,at,actor,action,organisation_code,entity_type,entity_id,changes,reason\r\n")).toBe(true);
    expect(text.split("\r\n").filter((l) => l.includes(",organisation.added,")).length).toBeGreaterThan(10);
    await page.fill("#from-day", "31");
    await page.fill("#from-month", "2");
    await page.fill("#from-year", "2026");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await poll(() => page.locator(".govuk-error-summary li").allTextContents()).toEqual(["The ‘from’ date must be a real date"]);
    await expectNoAxeViolations(page, "the audit log with a date error");
  });
});
