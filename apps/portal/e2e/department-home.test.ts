import { expectNoAxeViolations } from "@complaints/e2e";
import { apiSession } from "@complaints/e2e/api-session";
import { formatPeriodLabel, periodToAddress, requirePeriod } from "@complaints/domain";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/** `/portal/{DEPT}/`: the latest quarter's summary shows the API's figures, and each item links to its page. */

const dept = "DES";

interface RollupAnswer {
  label: string;
  yearEarlier: { label: string };
  current: { bodies: { counted: number; expected: number }; fields: { id: string; value: number | null }[] };
  comparison: {
    panel: { expected: number; covered: unknown[]; leftOut: { name: string; words: string }[]; partly: { name: string; words: string }[]; lowCoverage: boolean };
    current: { fields: { id: string; value: number | null }[] };
    previousYear: { fields: { id: string; value: number | null }[] };
    changes: { fields: { id: string; words: string }[] };
  };
}

interface FunnelAnswer {
  measure: { id: string };
  points: { name: string; outside95: boolean }[];
}

describe("the department's summary of the latest quarter", () => {
  it("shows the tracker's counts, bodies outside the funnel limits, emerging themes and overdue actions as the API gives them, each a link", async ({ app, signedIn }) => {
    const api = await apiSession(app, "oversight@demo.example");
    const windows = await api.query<{ departmentCode: string; period: string }[]>("windows.list", { openOnly: false });
    const period = windows.filter((w) => w.departmentCode === dept).map((w) => w.period).toSorted().at(-1)!;
    const address = periodToAddress(period);
    const label = formatPeriodLabel(requirePeriod(period));
    const tracker = await api.query<{ rows: { status: string }[]; summary: { expected: number; late: number; returned: number } }>("tracker.forPeriod", { departmentCode: dept, period });
    const funnels = await Promise.all(["within_timescale", "something_went_wrong"].map((measure) => api.query<FunnelAnswer>("metrics.funnel", { departmentCode: dept, period, measure })));
    const themes = await api.query<{ emerging: { themeLabel: string }[] }>("metrics.themes", { departmentCode: dept });
    const overdue = await api.query<{ organisationName: string }[]>("actions.listForDepartment", { departmentCode: dept, status: "overdue" });
    const rollup = await api.query<RollupAnswer>("metrics.rollup", { departmentCode: dept, period });

    const { context, page } = await signedIn("oversight@demo.example", `/portal/${dept}/`);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect.poll(() => h1.textContent(), { timeout: 60_000 }).toBe(`Summary for ${label}`);
    await expect.poll(() => page.title()).toBe(`Summary for ${label} – Department portal`);
    await page.locator('[data-card="actions"]').waitFor();

    // Returns: sent, waiting, late, returned, each a link into the tracker.
    const returns = page.locator('[data-card="returns"]');
    const bodies = (n: number) => `${n} ${n === 1 ? "body" : "bodies"}`;
    const sent = tracker.rows.filter((r) => r.status === "approved" || r.status === "accepted").length;
    const waiting = tracker.rows.filter((r) => r.status === "approved").length;
    const trackerPath = `/portal/${dept}/tracker/${address}`;
    for (const [key, text, href] of [
      ["Sent to the department", `${sent} of ${bodies(tracker.summary.expected)}`, `${trackerPath}?status=approved&status=accepted`],
      ["Waiting for the department's decision", bodies(waiting), `${trackerPath}?status=approved`],
      ["Late or overdue", bodies(tracker.summary.late), `${trackerPath}?timeliness=late&timeliness=overdue`],
      ["Returned to the body", bodies(tracker.summary.returned), `${trackerPath}?status=returned`],
    ] as const) {
      const link = returns.locator(".govuk-summary-list__row", { hasText: key }).getByRole("link");
      expect(await link.textContent(), key).toBe(text);
      expect(await link.getAttribute("href"), key).toBe(href);
    }
    expect(await returns.getByRole("link", { name: "Open the submission tracker" }).getAttribute("href")).toBe(trackerPath);

    // Funnel plots: exactly the bodies outside the 95% limits, in words, linking to the plot.
    for (const funnel of funnels) {
      const card = page.locator(`[data-card="funnel-${funnel.measure.id}"]`);
      const outside = funnel.points.filter((p) => p.outside95).map((p) => p.name);
      const keys = await card.locator(".govuk-summary-list__key").allTextContents();
      expect(keys.map((k) => k.trim()).toSorted()).toEqual(outside.length > 0 ? outside.toSorted() : ["Bodies outside the limits"]);
      const hrefs = await card.getByRole("link").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
      expect(hrefs).toEqual([`/portal/${dept}/funnel/${address}/${funnel.measure.id}`]);
      if (outside.length > 0) expect(await card.locator(".govuk-summary-list__value").first().textContent()).toMatch(/^\d+\.\d%: (higher|lower) than the department, outside the (95|99\.8)% limits/);
    }

    // Emerging themes, linking to the themes page.
    const themeCard = page.locator('[data-card="themes"]');
    expect(await themeCard.locator(".govuk-summary-list__row").count()).toBe(Math.max(1, themes.emerging.length));
    expect(await themeCard.getByRole("link", { name: "See themes across bodies" }).getAttribute("href")).toBe(`/portal/${dept}/themes`);

    // Overdue actions: the count and the first few, linking to the filtered list.
    const actions = page.locator('[data-card="actions"]');
    expect(await actions.locator(".govuk-summary-list__row").first().textContent()).toContain(overdue.length === 0 ? "None" : `${overdue.length} ${overdue.length === 1 ? "action is" : "actions are"} past their due date`);
    expect(await actions.locator(".govuk-summary-list__row").count()).toBe(1 + Math.min(5, overdue.length));
    const actionLinks = await actions.getByRole("link").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")))]);
    expect(actionLinks).toEqual([`/portal/${dept}/actions?status=overdue`]);

    // Everyone who has sent so far, with its coverage and no change; the change only over the same bodies and quarters a year earlier.
    const year = page.locator('[data-card="year-earlier"]');
    const received = (side: { fields: { id: string; value: number | null }[] }) => side.fields.find((f) => f.id === "received")!.value!.toLocaleString("en-GB");
    const m = rollup.comparison;
    expect(await year.locator(".govuk-summary-list__row", { hasText: "Complaints received, sent so far" }).locator(".govuk-summary-list__value").textContent()).toBe(
      `${received(rollup.current)} (${rollup.current.bodies.counted} of ${bodies(rollup.current.bodies.expected)})`,
    );
    const compared = year.locator(".govuk-summary-list__row", { hasText: `Compared with ${rollup.yearEarlier.label}` });
    expect(await compared.textContent()).toContain(`${m.panel.covered.length} of ${bodies(m.panel.expected)}`);
    if (m.panel.lowCoverage) expect(await compared.getByRole("link").count()).toBe(0);
    else {
      const words = m.changes.fields.find((f) => f.id === "received")!.words;
      expect(await compared.getByRole("link").textContent()).toBe(`Complaints received ${words}: ${received(m.current)} against ${received(m.previousYear)}`);
    }
    const leftOut = [...m.panel.leftOut, ...m.panel.partly].map((b) => `${b.name}: ${b.words}`);
    expect(leftOut.length).toBeGreaterThan(0);
    expect(await year.locator(".govuk-summary-list__row", { hasText: "Left out of the comparison" }).locator("li").allTextContents()).toEqual(leftOut);

    // Compare and the department roll-up for the quarter.
    expect(await page.getByRole("link", { name: `Compare bodies for ${label}` }).getAttribute("href")).toBe(`/portal/${dept}/compare/${address}`);
    expect(await page.getByRole("link", { name: `Department totals for ${label}, beside a year earlier` }).getAttribute("href")).toBe(`/portal/${dept}/summary/${address}`);
    await expectNoAxeViolations(page, "the department's summary");
    await page.screenshot({ path: "/tmp/department-home-1280.png", fullPage: true });

    // A link goes where it says, inside the app.
    await returns.getByRole("link", { name: `${sent} of ${bodies(tracker.summary.expected)}`, exact: true }).click();
    await page.waitForURL((u) => u.pathname === trackerPath && u.searchParams.getAll("status").join() === "approved,accepted");
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 30_000 }).toBe(sent);
    // Late or overdue opens the tracker filtered to the bodies it counts, the filter ticked.
    await page.goBack();
    await returns.getByRole("link", { name: bodies(tracker.summary.late), exact: true }).first().waitFor();
    await returns.locator(".govuk-summary-list__row", { hasText: "Late or overdue" }).getByRole("link").click();
    await page.waitForURL((u) => u.pathname === trackerPath && u.searchParams.getAll("timeliness").join() === "late,overdue");
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 30_000 }).toBe(tracker.summary.late);
    expect(await page.getByLabel("Late: sent after the due date").isChecked()).toBe(true);
    expect(await page.getByLabel("Overdue: not received by the due date").isChecked()).toBe(true);
    await expectNoAxeViolations(page, "the tracker filtered to late or overdue bodies");

    // Keyboard only: Tab to the comparison's link to the department totals and press Enter.
    await page.goto(`${app.url}/portal/${dept}/`);
    await year.waitFor();
    const toTotals = year.getByRole("link", { name: "See the department totals" });
    for (let i = 0; i < 80 && !(await toTotals.evaluate((a) => a === document.activeElement)); i += 1) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `/portal/${dept}/summary/${address}`);
    await expect.poll(() => page.locator("#rollup-coverage").textContent(), { timeout: 30_000 }).toContain(`${m.panel.covered.length} of ${bodies(m.panel.expected)}`);

    // 320 px wide: the summary still reads and passes axe.
    const narrow = await signedIn("oversight@demo.example", `/portal/${dept}/`, { width: 320 });
    await narrow.page.locator('[data-card="actions"]').waitFor();
    await narrow.page.locator('[data-card="year-earlier"]').waitFor();
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.page.screenshot({ path: "/tmp/department-home-320.png", fullPage: true });
    await expectNoAxeViolations(narrow.page, "the department's summary at 320 px");
    await narrow.context.close();
    await context.close();
  }, 240_000);
});
