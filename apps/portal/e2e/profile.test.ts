import { expectNoAxeViolations } from "@complaints/e2e";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * The body profile (`/portal/{DEPT}/bodies/{ORG}`) and the themes page (`/portal/{DEPT}/themes`)
 * with the demo data on SQLite: every measure over time with its Making Data Count words, themes as
 * rates per 100 received with emerging themes in words, the range of quarters in the query string,
 * and no way into another department's body.
 */
/** Pages load over a busy machine: wait up to 30 s for what a person would wait for. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

describe("body profile and themes", () => {
  /** The page does not scroll sideways: wide tables scroll inside their own regions. */
  async function expectNoSidewaysScroll(page: Page) {
    const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  }

  it("shows a body's every measure over time with its variation in words, its themes, Ombudsman figures and action plans", async ({ signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/bodies/DES-LIC1");
    await poll(() => page.title()).toBe("Licensing Agency (synthetic): body profile – Department portal");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Licensing Agency (synthetic)");
    const measures = page.locator("section.app-measure");
    await poll(() => measures.count()).toBe(14);
    // A chart for every measure the body reported, each an SVG with its Making Data Count variation icon and the icon's words.
    const charts = page.locator("section.app-measure figure.app-chart--xmr");
    const drawn = await charts.count();
    expect(drawn).toBeGreaterThanOrEqual(10);
    expect(await measures.filter({ hasText: "No figures for this measure in these quarters." }).count()).toBe(14 - drawn);
    expect(await charts.locator("svg[role=img]").count()).toBe(drawn);
    const timescale = charts.filter({ has: page.getByRole("heading", { level: 3, name: "Complaints closed within timescale", exact: true }) });
    expect(await timescale.locator(".app-mdc-icon").first().textContent()).toMatch(/^(Common cause variation: no significant change|Special cause variation: (improving|concerning).*)$/);
    expect(await page.locator(".app-mdc-icon").count()).toBe(drawn);
    expect(await page.getByText("Assurance: no target is set for this measure, so there is no assurance icon.").count()).toBe(drawn);
    expect(await page.getByText("No targets are set for these measures, so no assurance icon is shown.").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Themes over time" }).count()).toBe(1);
    expect(await page.locator("figure.app-chart--heatmap svg[role=img]").count()).toBe(1);
    expect(await page.getByRole("table", { name: "Licensing Agency (synthetic): complaints per 100 received by theme and quarter: per 100 complaints received", includeHidden: true }).count()).toBe(1);
    const ombudsman = page.getByRole("table", { name: "Licensing Agency (synthetic): Ombudsman figures by quarter" });
    expect(await ombudsman.getByRole("columnheader", { name: /^Recommendations complied with$/i }).count()).toBe(1);
    const actions = page.getByRole("table", { name: "Licensing Agency (synthetic): learning action plans" });
    await poll(() => actions.getByRole("row").count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, "the body profile");
    await page.context().close();
  });

  it("lists emerging themes in words and shows the bodies × themes table with links to profiles", async ({ signedIn }) => {
    // The demo's Ministry of Sample Affairs has digital complaints rising in its last quarters.
    const { page } = await signedIn("oversight.msa@demo.example", "/portal/MSA/themes");
    await poll(() => page.title()).toBe("Complaint themes – Department portal");
    const emerging = page.locator(".app-emerging-list li");
    await poll(() => emerging.count()).toBeGreaterThan(1);
    const department = emerging.filter({ hasText: "at Ministry of Sample Affairs (synthetic), pooled over" });
    expect(await department.count()).toBe(1);
    expect(await department.textContent()).toMatch(/^Digital services at Ministry of Sample Affairs \(synthetic\), pooled over \d+ bodies: \d+\.\d per 100 complaints received in Jul to Sep 2026 \([\d,]+ of [\d,]+ complaints\), above its upper process limit of \d+\.\d \(its mean is \d+\.\d\)\./);
    // The heat map, its cells marked where a theme is emerging, with its data table (links to the bodies' profiles).
    const heatmap = page.locator("figure.app-chart--heatmap").filter({ has: page.getByRole("heading", { level: 3, name: "Complaints per 100 received, by body and theme, Jul to Sep 2026" }) });
    expect(await heatmap.locator("svg[role=img]").count()).toBe(1);
    // And the department's own themes by quarter, over its panel.
    expect(await page.locator("figure.app-chart--heatmap svg[role=img]").count()).toBe(2);
    expect(await heatmap.locator(".app-chart__summary").textContent()).toMatch(/emerging themes? (is|are) marked with a triangle: .*Digital services at Energy Authority \(synthetic\)/);
    await heatmap.getByText("Show the data as a table").click();
    const table = page.getByRole("table", { name: "Complaints per 100 received, by body and theme, Jul to Sep 2026: per 100 complaints received" });
    expect(await table.getByRole("columnheader", { name: "Digital services" }).count()).toBe(1);
    expect(await table.getByText("(emerging)").count()).toBeGreaterThan(0);
    expect(await page.getByText(/The department’s figures are pooled over a fixed panel/).count()).toBe(1);
    await expectNoAxeViolations(page, "the themes page");

    // A body's name leads to its profile.
    await table.getByRole("link", { name: "Energy Authority (synthetic)" }).click();
    await page.waitForURL((u) => u.pathname === "/portal/MSA/bodies/MSA-ENE7");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Energy Authority (synthetic)");
    expect(await page.locator(".app-emerging-list li").filter({ hasText: "Digital services" }).count()).toBe(1);
    await page.context().close();
  });

  it("changes the range of quarters through the query string, with the keyboard alone", async ({ app, signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/themes");
    await poll(() => page.getByRole("heading", { name: /^Themes by body,/ }).textContent()).toBe("Themes by body, Jul to Sep 2026");
    await page.locator("#range-from").focus();
    await page.keyboard.press("End");
    // Back from the last quarter offered (Jul to Sep 2026) to Jan to Mar 2026.
    for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowUp");
    await page.locator("#range-to").focus();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowUp");
    // The radios: "The whole range added together".
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.search === "?from=2025-26-q4&to=2026-27-q1&show=range");
    await poll(() => page.getByRole("heading", { name: /^Themes by body,/ }).textContent()).toBe("Themes by body, Jan to Mar 2026 to Apr to Jun 2026");
    const departmentTable = page.getByRole("table", { name: /^Department for Example Services \(synthetic\): complaints by theme and quarter, per 100 received and in number, pooled over the panel$/, includeHidden: true });
    expect(await departmentTable.locator("thead th").allTextContents()).toEqual(["Theme", "Jan to Mar 2026", "Apr to Jun 2026", "Whole range"]);

    // The address alone gives the same view (it can be shared), and a mistyped quarter is named.
    await page.goto(`${app.url}/portal/DES/themes?from=2025-26-q4&to=2026-27-q1&show=range`);
    await poll(() => page.getByRole("heading", { name: /^Themes by body,/ }).textContent()).toBe("Themes by body, Jan to Mar 2026 to Apr to Jun 2026");
    await page.goto(`${app.url}/portal/DES/themes?from=2025-q9`);
    await poll(() => page.title()).toBe("Error: Complaint themes – Department portal");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("‘2025-q9’, is not a quarter like 2025-26-q3");
    await page.goto(`${app.url}/portal/DES/themes?from=2026-27-q1&to=2025-26-q1`);
    await poll(() => page.locator(".govuk-error-summary").count()).toBe(1);
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("The first quarter must not be after the last quarter.");

    // The body profile takes the same range.
    await page.goto(`${app.url}/portal/DES/bodies/DES-LIC1?from=2025-26-q4&to=2026-27-q1`);
    await poll(() => page.locator("section.app-measure").count()).toBe(14);
    const timescale = page.getByRole("table", { name: "Complaints closed within timescale: values by quarter", includeHidden: true });
    expect(await timescale.locator("tbody th").allTextContents()).toEqual(["Jan to Mar 2026", "Apr to Jun 2026", "Mean", "Process limits (trial)"]);
    await page.context().close();
  });

  it("gives no access to another department's body, and Page not found for a department or an unknown code", async ({ app, signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/bodies/MSA-ENE7");
    await poll(() => page.title()).toBe("You do not have access – Department portal");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    expect(await page.locator("main").textContent()).not.toContain("Energy Authority");
    // Through the other department's own address too.
    await page.goto(`${app.url}/portal/MSA/bodies/MSA-ENE7`);
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    for (const code of ["DES", "NOPE-1"]) {
      await page.goto(`${app.url}/portal/DES/bodies/${code}`);
      await poll(() => page.title()).toBe("Page not found – Department portal");
    }
    // The API refuses the figures themselves, not only the page.
    const answer = await page.evaluate(async () => (await fetch(`/trpc/metrics.profile?input=${encodeURIComponent(JSON.stringify({ organisationCode: "MSA-ENE7" }))}`)).status);
    expect(answer).toBe(403);
    await page.context().close();
  });

  it("fits 320 px: nothing scrolls sideways but the wide tables, in their own regions", async ({ signedIn }) => {
    for (const [path, file] of [
      ["/portal/DES/bodies/DES-LIC1", "/tmp/profile-320-body.png"],
      ["/portal/DES/themes", "/tmp/profile-320-themes.png"],
    ] as const) {
      const { page } = await signedIn("oversight@demo.example", path, { width: 320 });
      await poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
      await poll(() => page.locator("[role=status]").count()).toBe(0);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: file, fullPage: true });
      await page.context().close();
    }
  });
});
