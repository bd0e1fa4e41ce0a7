import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { apiSession, sendReturn } from "@complaints/e2e/api-session";
import { parseCsv } from "@complaints/e2e/csv";
import { expectNoAxeViolations, openSignedIn, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";

/**
 * The compare page in the browser: sorting with the MOJ sortable-table
 * buttons (by mouse and by keyboard alone), the live region, filtering by body type, choosing
 * columns, the CSV download (the table shown as tidy open data), the view kept in the address, and axe.
 * The demo's DES has 14 bodies; 2026-27 Q1 is complete (every return accepted).
 */
const dept = "DES";
const quarter = "2026-27-q1";
const base = (app: RunningApp, address = quarter, search = "") => `${app.url}/portal/${dept}/compare/${address}${search}`;

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

const comparisonWords = ["Higher (better)", "Lower (better)", "Higher (worse)", "Lower (worse)", "Higher", "Lower", "Similar", "Not compared"];

/** The table as a person reads it, in the CSV's shape: one entry per column of the download. */
async function tableAsShown(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    const table = document.querySelector("table.app-compare")!;
    const heads = [...table.querySelectorAll("thead th")];
    const counts = table.querySelector(".app-compare__counts") !== null || new URLSearchParams(location.search).get("counts") === "yes";
    const header = heads.flatMap((th, i) => {
      const label = text(th);
      if (i < 2) return [label];
      return [label, `${label}: 95% interval`, `${label}: compared with the department`, ...(counts ? [`${label}: numerator and denominator`] : [])];
    });
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.children].flatMap((cell, i) => {
        if (i < 2) return [text(cell)];
        return [text(cell.querySelector(".app-compare__value")), text(cell.querySelector(".app-compare__interval")), text(cell.querySelector(".app-compare__comparison")), ...(counts ? [text(cell.querySelector(".app-compare__counts"))] : [])];
      }),
    );
    return [header, ...rows];
  });
}

/** A downloaded CSV's records by column name (its byte order mark dropped). */
function readTidy(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
}

const rowNames = (page: Page) => page.locator("table.app-compare tbody th[scope=row]").allTextContents();
const header = (page: Page, name: string) => page.locator("table.app-compare thead th", { has: page.getByRole("button", { name, exact: true }) });
/** The figures of a measure column, top to bottom, without the department row; null where a body has none. */
async function columnValues(page: Page, index: number): Promise<(number | null)[]> {
  const texts = await page.locator(`table.app-compare tbody tr:not(.app-sortable-table__pinned-row) > :nth-child(${index + 1}) .app-compare__value`).allTextContents();
  return texts.map((t) => (t === "No figure" ? null : Number(t.replace(/[%,]/g, ""))));
}

describe("compare bodies", () => {
  /** One signed-in page for the whole file: the tests move it between addresses. */
  let page: Page;

  it.beforeAll(async ({ app, browser }) => {
    ({ page } = await openSignedIn(browser, app, "oversight@demo.example", `/portal/${dept}/compare/${quarter}`));
  });

  it("shows each body's figures with their intervals and comparisons in words, the department figure first", async ({ app }) => {
    await page.goto(base(app));
    await poll(() => page.title()).toBe("Compare bodies, Apr to Jun 2026 – Department portal");
    await page.locator("table.app-compare").waitFor();
    const names = await rowNames(page);
    expect(names[0]).toBe("Department figure");
    expect(names.length).toBeGreaterThan(10);
    await expect(page.locator("table.app-compare caption").textContent()).resolves.toContain("(column headers with buttons are sortable).");
    const words = await page.locator("table.app-compare .app-compare__comparison").allTextContents();
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(comparisonWords).toContain(w);
    // Every comparison has its shape beside the words (drawn with CSS borders).
    const shapes = await page.locator("table.app-compare .app-compare__comparison").evaluateAll((els) =>
      els.map((el) => {
        const before = getComputedStyle(el, "::before");
        return parseFloat(before.borderTopWidth) + parseFloat(before.borderBottomWidth);
      }),
    );
    for (const width of shapes) expect(width).toBeGreaterThan(0);
    const link = page.locator("table.app-compare tbody tr").nth(1).getByRole("link");
    const href = await link.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/portal/${dept}/bodies/${dept}-`));
    await expectNoAxeViolations(page, "the compare page");
    // The body's name opens its profile, inside the app (no page load: the marker set on window survives).
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await link.click();
    await poll(() => new URL(page.url()).pathname).toBe(href);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it("sorts by a column when its header button is pressed, says so in the live region, and keeps the order in the address", async ({ app }) => {
    await page.goto(base(app));
    const th = header(page, "Complaints closed within timescale");
    const index = await th.evaluate((el) => [...el.parentElement!.children].indexOf(el));
    expect(await th.getAttribute("aria-sort")).toBe("none");
    // Every header's arrow is drawn whole (22 px, MOJ's size), however the header's words wrap.
    const arrows = await page.locator("table.app-compare thead th[aria-sort] button svg").evaluateAll((svgs) => svgs.map((s) => Math.round(s.getBoundingClientRect().width)));
    expect(arrows.length).toBeGreaterThan(2);
    expect(new Set(arrows)).toEqual(new Set([22]));
    await th.getByRole("button").click();
    await poll(() => th.getAttribute("aria-sort")).toBe("ascending");
    const up = await columnValues(page, index);
    const figures = up.filter((v): v is number => v !== null);
    expect(figures).toEqual(figures.toSorted((a, b) => a - b));
    expect(up.slice(figures.length).every((v) => v === null)).toBe(true);
    await poll(() => page.getByRole("status").filter({ hasText: "Sorted by" }).textContent()).toBe("Sorted by Complaints closed within timescale, ascending");
    await poll(() => new URL(page.url()).searchParams.get("sort")).toBe("within_timescale-asc");

    await th.getByRole("button").click();
    await poll(() => th.getAttribute("aria-sort")).toBe("descending");
    const down = (await columnValues(page, index)).filter((v): v is number => v !== null);
    expect(down).toEqual(figures.toReversed());
    expect((await rowNames(page))[0]).toBe("Department figure");
    await poll(() => page.getByRole("status").filter({ hasText: "Sorted by" }).textContent()).toBe("Sorted by Complaints closed within timescale, descending");
    await poll(() => new URL(page.url()).searchParams.get("sort")).toBe("within_timescale-desc");
    // Only one column is sorted at a time.
    expect(await page.locator("table.app-compare thead th[aria-sort=ascending], table.app-compare thead th[aria-sort=descending]").count()).toBe(1);
  });

  it("can be sorted with the keyboard alone: Tab reaches each header button, Enter and Space sort", async ({ app }) => {
    await page.goto(base(app));
    await page.locator("table.app-compare").waitFor();
    await page.locator("body").focus();
    let reached = "";
    for (let i = 0; i < 80 && reached !== "Body"; i += 1) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => (document.activeElement?.closest("thead") && document.activeElement.tagName === "BUTTON" ? (document.activeElement.textContent ?? "") : ""));
    }
    expect(reached).toBe("Body");
    await page.keyboard.press("Enter");
    await poll(() => header(page, "Body").getAttribute("aria-sort")).toBe("ascending");
    const names = (await rowNames(page)).slice(1);
    expect(names).toEqual(names.toSorted((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // Focus stays on the button, so pressing again reverses the order.
    await page.keyboard.press("Space");
    await poll(() => header(page, "Body").getAttribute("aria-sort")).toBe("descending");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Body type");
    await page.keyboard.press("Space");
    await poll(() => header(page, "Body type").getAttribute("aria-sort")).toBe("ascending");
    expect(await header(page, "Body").getAttribute("aria-sort")).toBe("none");
    await poll(() => page.getByRole("status").filter({ hasText: "Sorted by" }).textContent()).toBe("Sorted by Body type, ascending");
  });

  it("filters by body type and chooses the columns, all in the address, and a reload keeps the view", async ({ app }) => {
    await page.goto(base(app));
    await page.locator("table.app-compare").waitFor();
    const types = await page.locator("input[name=type]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(types.length).toBeGreaterThan(1);
    const chosenType = types[0]!;
    const label = await page.locator(`label[for="${await page.locator(`input[name=type][value="${chosenType}"]`).getAttribute("id")}"]`).textContent();
    await page.getByLabel(label!.trim(), { exact: true }).check();
    for (const m of ["Complaints where something went wrong", "Complaints escalated to a closer look", "Complaints per 10,000 interactions"]) await page.getByLabel(m, { exact: true }).uncheck();
    await page.getByLabel("Ombudsman investigations upheld in full or in part", { exact: true }).check();
    await page.getByLabel("Show numerators and denominators").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await poll(() => new URL(page.url()).searchParams.getAll("type")).toEqual([chosenType]);
    // Focus moves to the results Apply changed, as after a page load.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    const params = new URL(page.url()).searchParams;
    expect(params.get("measures")).toBe("within_timescale,ombudsman_upheld");
    expect(params.get("counts")).toBe("yes");

    const check = async () => {
      // The address changes first; React draws the new view in a transition just after.
      await poll(() => page.locator("table.app-compare thead th").allTextContents()).toEqual(["Body", "Body type", "Complaints closed within timescale", "Ombudsman investigations upheld in full or in part"]);
      const typeCells = await page.locator("table.app-compare tbody tr:not(.app-sortable-table__pinned-row) > td:nth-child(2)").allTextContents();
      expect(typeCells.length).toBeGreaterThan(0);
      for (const t of typeCells) expect(t).toBe(label!.trim());
      expect((await rowNames(page))[0]).toBe("Department figure");
      expect(await page.locator("table.app-compare .app-compare__counts").count()).toBe((typeCells.length + 1) * 2);
    };
    await check();
    // Sorted as well, then reloaded: the same view.
    await header(page, "Complaints closed within timescale").getByRole("button").click();
    await poll(() => new URL(page.url()).searchParams.get("sort")).toBe("within_timescale-asc");
    const before = await tableAsShown(page);
    await page.reload();
    await page.locator("table.app-compare").waitFor();
    await check();
    expect(await header(page, "Complaints closed within timescale").getAttribute("aria-sort")).toBe("ascending");
    expect(await page.getByLabel(label!.trim(), { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Show numerators and denominators").isChecked()).toBe(true);
    expect(await tableAsShown(page)).toEqual(before);
    await expectNoAxeViolations(page, "the compare page, filtered, with counts");
  });

  it("goes back to the previous view with the browser's Back button", async ({ app }) => {
    await page.goto(base(app, quarter, "?sort=name-desc"));
    await page.locator("table.app-compare").waitFor();
    const before = await tableAsShown(page);
    await page.getByLabel("Show numerators and denominators").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await poll(() => new URL(page.url()).searchParams.get("counts")).toBe("yes");
    // Apply kept the order.
    expect(new URL(page.url()).searchParams.get("sort")).toBe("name-desc");
    await poll(() => page.locator("table.app-compare .app-compare__counts").count()).toBeGreaterThan(0);
    await page.goBack();
    await poll(() => page.locator("table.app-compare .app-compare__counts").count()).toBe(0);
    expect(await page.getByLabel("Show numerators and denominators").isChecked()).toBe(false);
    expect(await tableAsShown(page)).toEqual(before);
  });

  it("says so when no measure is chosen", async ({ app }) => {
    await page.goto(base(app));
    await page.locator("table.app-compare").waitFor();
    for (const box of await page.locator("input[name=measures]").all()) await box.uncheck();
    await page.getByRole("button", { name: "Apply" }).click();
    await poll(() => page.title()).toBe("Error: Compare bodies, Apr to Jun 2026 – Department portal");
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Choose at least one measure to show");
  });

  it("downloads the table shown as tidy open data: a row for each figure of each body and measure shown, in their order, numbers as numbers", async ({ app }) => {
    await page.goto(base(app, quarter, "?sort=within_timescale-desc&measures=within_timescale,er_average_working_days,complaints_per_10000&counts=yes"));
    await page.locator("table.app-compare").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download this table as CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`compare-bodies-${dept}-${quarter}.csv`);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const csv = readTidy(text);
    // The board pack's tidy CSV columns.
    expect(Object.keys(csv[0]!)).toEqual(["table", "organisation", "organisation_name", "period", "label", "measure_code", "measure", "statistic", "panel", "unit", "value", "marker"]);
    const shown = await tableAsShown(page);
    const measureIds = ["within_timescale", "er_average_working_days", "complaints_per_10000"];
    // Each row shown, in its order (the department first), each measure shown, each statistic: value, interval, numerator and denominator.
    const statistics = ["value", "lower_95", "upper_95", "numerator", "denominator"];
    expect(csv).toHaveLength((shown.length - 1) * measureIds.length * statistics.length);
    expect(csv[0]).toMatchObject({ table: "compare_bodies", organisation: dept, organisation_name: expect.stringMatching(/^Department for Example Services.* \(all bodies\)$/), period: "2026-27 Q1", panel: "all" });
    const names = [...new Set(csv.map((r) => r.organisation_name))];
    expect(names.slice(1)).toEqual(shown.slice(2).map((row) => row[0]!.replace(/ \(provisional\)$/, "")));
    const headings = shown[0]!;
    for (const [i, row] of shown.slice(1).entries()) {
      for (const id of measureIds) {
        const label = csv.find((r) => r.measure_code === id)!.measure!;
        const at = headings.indexOf(label);
        expect(at, label).toBeGreaterThan(1);
        const mine = csv.slice((i * measureIds.length + measureIds.indexOf(id)) * statistics.length).slice(0, statistics.length);
        expect(mine.map((r) => [r.measure_code, r.statistic])).toEqual(statistics.map((s) => [id, s]));
        // The figure as a number: the same the page shows as text ("39.1%", "37.7% to 40.5%", "45 out of 100").
        const figure = (t: string) => Number(t.replace(/[%,]/g, ""));
        const [value, lower, upper, numerator, denominator] = mine;
        if (row[at] === "No figure") expect([value!.value, value!.marker]).toEqual(["", "[x]"]);
        else expect(Number(value!.value)).toBe(figure(row[at]!));
        const interval = row[at + 1]!.split(" to ");
        if (interval.length === 2) expect([Number(lower!.value), Number(upper!.value)]).toEqual(interval.map(figure));
        else expect([lower!.value, upper!.value]).toEqual(["", ""]);
        const counts = row[at + 3]!.match(/[\d,]+/g)!.map(figure);
        expect([Number(numerator!.value), Number(denominator!.value)]).toEqual(counts);
        expect(value!.unit).toBe(id === "within_timescale" ? "%" : id === "complaints_per_10000" ? "per 10,000" : "working days");
        expect([numerator!.unit, denominator!.unit]).toEqual(["count", "count"]);
        // Every figure of the quarter's returns is accepted: none is provisional.
        for (const r of mine) expect(r.marker).not.toContain("[p]");
      }
    }
    // Numbers are written plainly, never as text with a unit.
    for (const r of csv) expect(r.value, `${r.organisation} ${r.measure_code} ${r.statistic}`).toMatch(/^(-?\d+(\.\d+)?)?$/);

    // Filtered and sorted by name: still what is shown.
    const type = await page.locator("input[name=type]").first().getAttribute("value");
    await page.goto(base(app, quarter, `?sort=name-desc&type=${type}`));
    await page.locator("table.app-compare").waitFor();
    const [second] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download this table as CSV" }).click()]);
    const filtered = await tableAsShown(page);
    const rows = readTidy(readFileSync((await second.path())!, "utf8"));
    expect([...new Set(rows.map((r) => r.organisation_name))].slice(1)).toEqual(filtered.slice(2).map((row) => row[0]!.replace(/ \(provisional\)$/, "")));
    expect(filtered.length).toBeLessThan(shown.length);
  });

  it("marks the figures from returns not yet accepted provisional [p] in the download, as metrics.comparison says", async ({ app }) => {
    // The demo's latest quarter is in progress: the Licensing Agency sends its return, approved by the body, not yet accepted.
    const latest = "2026-27 Q2";
    expect((await sendReturn(app, "DES-LIC1", latest)).status).toBe("approved");
    const answer = await (await apiSession(app, "oversight@demo.example")).query<{ rows: { organisationCode: string; provisional: boolean }[]; benchmark: { provisional: boolean } }>("metrics.comparison", { departmentCode: dept, period: latest });
    const provisional = new Set(answer.rows.filter((r) => r.provisional).map((r) => r.organisationCode));
    expect(provisional.size).toBeGreaterThan(0);
    await page.goto(base(app, "2026-27-q2"));
    await page.locator("table.app-compare").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download this table as CSV" }).click()]);
    const csv = readTidy(readFileSync((await download.path())!, "utf8"));
    expect(new Set(csv.map((r) => r.period))).toEqual(new Set([latest]));
    expect(new Set(csv.filter((r) => r.marker === "[p]").map((r) => r.organisation))).toEqual(new Set([...provisional, ...(answer.benchmark.provisional ? [dept] : [])]));
    for (const r of csv.filter((x) => x.value !== "")) expect(r.marker, `${r.organisation} ${r.measure_code} ${r.statistic}`).toBe(provisional.has(r.organisation!) || (r.organisation === dept && answer.benchmark.provisional) ? "[p]" : "");
  });

  it("compares a financial year, and the period can be changed keeping the view", async ({ app }) => {
    await page.goto(base(app, "2025-26", "?sort=name-asc"));
    await poll(() => page.title()).toBe("Compare bodies, financial year 2025-26 (Apr 2025 to Mar 2026) – Department portal");
    await expect(page.locator("table.app-compare caption").textContent()).resolves.toContain("Apr 2025 to Mar 2026");
    await page.getByLabel("Period").selectOption(quarter);
    await page.getByRole("button", { name: "Show period" }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/portal/${dept}/compare/${quarter}`);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("name-asc");
    await poll(() => header(page, "Body").getAttribute("aria-sort")).toBe("ascending");
  });

  it("works at 320 px wide (screenshots at 1280 and 320 px)", async ({ app }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base(app, quarter, "?counts=yes"));
    await page.locator("table.app-compare").waitFor();
    await page.screenshot({ path: "/tmp/compare-1280.png", fullPage: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(base(app));
    await page.locator("table.app-compare").waitFor();
    await page.screenshot({ path: "/tmp/compare-320.png", fullPage: true });
    // The page itself does not scroll sideways; the wide table scrolls inside its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, "the compare page at 320 px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
