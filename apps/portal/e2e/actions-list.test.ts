import { readFileSync } from "node:fs";
import { apiSession } from "@complaints/e2e/api-session";
import { describe, expect } from "vitest";
import { expectNoAxeViolations } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";

/**
 * The department's action plans list: 50 a page, the page in the address with the filters, and a
 * CSV of every plan the filters match (not only the page shown).
 */
const dept = "DES";
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });
type Plan = { id: string; organisationCode: string; action: string; overdue: boolean };

describe("the department's action plans, page by page", { timeout: 300_000 }, () => {
  it("shows 50 plans a page with GOV.UK pagination, keeps the filters, and downloads every matching plan as CSV", async ({ app, signedIn }) => {
    // Enough plans of one body for three pages of that body alone.
    const team = await apiSession(app, "submitter@demo.example");
    const oversight = await apiSession(app, "oversight@demo.example");
    const before = await oversight.query<Plan[]>("actions.listForDepartment", { departmentCode: dept, organisationCode: "DES-LIC1" });
    for (let i = before.length; i < 120; i += 1) {
      await team.mutate("actions.create", {
        organisationCode: "DES-LIC1",
        failing: `Renewal letter ${i} went to an old address.`,
        sourceComplaints: [`CMP-2026-${String(i).padStart(5, "0")}`],
        action: `=Check the address before sending renewal letter ${i}.`,
        kind: "service",
        owner: "Renewals team",
        startDate: "2026-07-01",
        dueDate: "2026-12-31",
        standards: "Data protection policy.",
        involvement: ["reviewing_guidance"],
        keptInformed: "Email update each month",
        monitoring: "Monthly sample of letters.",
        impactMeasure: "Complaints about renewal letters",
        impactBaseline: "12 a quarter",
        impactTarget: "Fewer than 3 a quarter",
      });
    }
    const plans = await oversight.query<Plan[]>("actions.listForDepartment", { departmentCode: dept, organisationCode: "DES-LIC1" });
    expect(plans.length).toBe(120);

    const { context, page } = await signedIn("oversight@demo.example", `/portal/${dept}/actions?body=DES-LIC1`);
    await poll(() => page.locator("#plan-count").textContent()).toMatch(/^120 action plans match these filters: \d+ overdue\. Showing 1 to 50\.$/);
    expect(await page.locator("table tbody tr").count()).toBe(50);
    const pagination = page.getByRole("navigation", { name: "Pages of action plans" });
    expect(await pagination.getByRole("link").allTextContents()).toEqual(["1", "2", "3", "Next page"]);
    expect(await pagination.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
    await expectNoAxeViolations(page, "the action plans list, page 1 of 3");

    // Keyboard only: the Next link, then Enter; the filter stays in the address and focus moves to the count.
    await pagination.getByRole("link", { name: "Next page" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.search === "?body=DES-LIC1&page=2");
    await poll(() => page.locator("#plan-count").textContent()).toMatch(/Showing 51 to 100\.$/);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("plan-count");
    const secondPage = await page.locator("table tbody tr td:nth-child(2) > p").allTextContents();
    expect(secondPage).toEqual(plans.slice(50, 100).map((p) => p.action));
    await pagination.getByRole("link", { name: "Page 3" }).click();
    await poll(() => page.locator("table tbody tr").count()).toBe(20);
    expect(await pagination.getByRole("link").allTextContents()).toEqual(["Previous page", "1", "2", "3"]);

    // An address past the last page shows the last page; a new filter starts again at page 1.
    await page.goto(`${app.url}/portal/${dept}/actions?body=DES-LIC1&page=99`);
    await poll(() => page.locator("#plan-count").textContent()).toMatch(/Showing 101 to 120\.$/);
    await page.getByLabel("Status").selectOption("in_progress");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((u) => !new URLSearchParams(u.search).has("page"));

    // The CSV: every plan of the body, formulas neutralised, as a spreadsheet reads it.
    await page.goto(`${app.url}/portal/${dept}/actions?body=DES-LIC1&page=2`);
    await page.locator("table").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download these 120 action plans as CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("action-plans-DES-filtered.csv");
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFForganisation_code,organisation_name,action,")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines.length).toBe(121);
    expect(text).toContain("'=Check the address before sending renewal letter 119.");
    expect(text).not.toMatch(/,=Check/);

    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/portal-actions-list-${width}.png`, fullPage: true });
    }
    await expectNoAxeViolations(page, "the action plans list at 320 px");
    await context.close();
  });
});
