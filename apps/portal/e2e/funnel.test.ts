import { expectNoAxeViolations, type RunningApp } from "@complaints/e2e";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

interface FunnelAnswer {
  pooledProportion: number | null;
  overdispersion: { phi: number | null; tau2: number } | null;
  points: { organisationCode: string; name: string; outside95: boolean; outside998: boolean; side: "above" | "below" | null }[];
  curve: { trials: number; lower95: number; upper95: number }[];
}

/** The API's own answer, asked with the page's session, to compare with what the page shows. */
async function funnelFromApi(page: Page, app: RunningApp, input: Record<string, unknown>): Promise<FunnelAnswer> {
  const response = await page.request.get(`${app.url}/trpc/metrics.funnel?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { origin: app.url } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: FunnelAnswer } }).result.data;
}

/** Codes of the bodies the page lists outside the limits, by group. */
async function listed(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const ul of document.querySelectorAll<HTMLUListElement>(".app-funnel-outliers ul[data-status]")) {
      out[ul.dataset.status!] = [...ul.querySelectorAll("a")].map((a) => a.getAttribute("href")!.split("/").at(-1)!).toSorted();
    }
    return out;
  });
}

function expectedGroups(answer: FunnelAnswer): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of answer.points) {
    if (!p.outside95 || !p.side) continue;
    const key = `${p.side}-${p.outside998 ? "998" : "95"}`;
    (out[key] ??= []).push(p.organisationCode);
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

describe("the funnel plot page", () => {
  it("shows the chart and the bodies outside the limits, as the API answers, with and without the adjustment", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", "/portal/DES/funnel/2026-27-q2/within_timescale");
    await expect.poll(() => page.title()).toBe("Funnel plot: Complaints closed within timescale, Jul to Sep 2026 – Department portal");
    await page.locator("figure.app-chart--funnel svg[role=img]").waitFor();

    const plain = await funnelFromApi(page, app, { departmentCode: "DES", period: "2026-27 Q2", measure: "within_timescale", overdispersion: false });
    const adjusted = await funnelFromApi(page, app, { departmentCode: "DES", period: "2026-27 Q2", measure: "within_timescale", overdispersion: true });
    expect(await listed(page)).toEqual(expectedGroups(plain));
    expect(await page.locator("figure.app-chart--funnel svg g[data-organisation]").count()).toBe(plain.points.length);
    const limitsBefore = await page.locator("figure.app-chart--funnel path.app-chart__limit-95").first().getAttribute("d");
    await page.screenshot({ path: "/tmp/charts-funnel-1280.png", fullPage: true });
    await expectNoAxeViolations(page, "the funnel plot");

    // Adjust for over-dispersion with the keyboard alone: the address, the limits and the list follow.
    await page.getByLabel("Adjust the limits for over-dispersion").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab"); // the logarithmic scale checkbox
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/portal\/DES\/funnel\/2026-27-q2\/within_timescale\?adjusted=yes$/);
    await expect.poll(() => page.locator("figure.app-chart--funnel figcaption").textContent()).toContain("adjusted for over-dispersion");
    expect(await listed(page)).toEqual(expectedGroups(adjusted));
    const limitsAfter = await page.locator("figure.app-chart--funnel path.app-chart__limit-95").first().getAttribute("d");
    if (adjusted.overdispersion!.tau2 > 0) expect(limitsAfter).not.toBe(limitsBefore);
    expect(await page.getByText(/φ \(the dispersion ratio\) is/).count()).toBe(1);
    await expectNoAxeViolations(page, "the funnel plot adjusted for over-dispersion");

    // At 320 px wide the chart redraws at that width and stays readable.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.locator("figure.app-chart--funnel svg[role=img]").getAttribute("viewBox")).toMatch(/^0 0 (2[89]\d|30\d) /);
    // Text in the SVG keeps its real size (14 px) instead of shrinking with the picture.
    const tick = await page.locator("figure.app-chart--funnel svg .app-chart__y-axis text").first().boundingBox();
    expect(tick!.height).toBeGreaterThanOrEqual(13);
    await page.screenshot({ path: "/tmp/charts-funnel-320.png", fullPage: true });
    await context.close();
  });

  it("changes measure and financial year from the form, reflected in the address", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", "/portal/DES/funnel/2026-27-q2/within_timescale");
    await page.locator("figure.app-chart--funnel").waitFor();
    await page.getByLabel("Measure").selectOption("something_went_wrong");
    await page.getByLabel("Quarter or financial year").selectOption("2025-26");
    await page.getByLabel("Show sizes on a logarithmic scale").check();
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/\/portal\/DES\/funnel\/2025-26\/something_went_wrong\?scale=log$/);
    await expect.poll(() => page.locator("figure.app-chart--funnel svg").textContent()).toContain("logarithmic scale");
    expect(await page.getByLabel("Show sizes on a logarithmic scale").isChecked()).toBe(true);
    await page.screenshot({ path: "/tmp/charts-funnel-log.png", fullPage: true });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Funnel plot: Complaints where something went wrong");
    await page.locator("figure.app-chart--funnel svg[role=img]").waitFor();
    const year = await funnelFromApi(page, app, { departmentCode: "DES", financialYear: "2025-26", measure: "something_went_wrong", overdispersion: false });
    expect(await listed(page)).toEqual(expectedGroups(year));
    await context.close();
  });

  it("explains that a rate has no funnel plot, and answers an unknown measure with Page not found", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", "/portal/DES/funnel/2026-27-q2/complaints_per_10000");
    await expect.poll(() => page.locator("main").textContent()).toContain("‘Complaints per 10,000 interactions’ is a rate per 10,000, so it has no funnel plot");
    expect(await page.locator("figure").count()).toBe(0);
    await expectNoAxeViolations(page, "the funnel page for a rate");
    await page.goto(`${app.url}/portal/DES/funnel/2026-27-q2/no_such_measure`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await context.close();
  });
});
