import { expectNoAxeViolations, openSignedIn } from "@complaints/e2e";
import { inCi, testDatabaseUrl } from "@complaints/e2e/env";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it, type SignInAs } from "@complaints/e2e/fixtures";
import { queryFromPage, screenshotsAtWidths, tabTo } from "@complaints/e2e/page";

/**
 * Three pages of the department portal with the demo data: action plans across bodies
 * (filters in the query string, overdue first), the learning library (search), and the department
 * roll-up (the figures equal the API's answer, for a quarter and a financial year, beside a year earlier).
 */
const dept = "DES";
const oversight = "oversight@demo.example";
const shots = "/tmp/rollup";

/** Waits as long as a busy machine needs. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

const screenshots = (signedIn: SignInAs, path: string, name: string, ready: (page: Page) => Promise<void>) => screenshotsAtWidths(signedIn, oversight, path, `${shots}-${name}`, ready);

interface Plan {
  organisationCode: string;
  organisationName: string;
  overdue: boolean;
  owner: string;
}
interface Rollup {
  label: string;
  yearEarlier: { label: string };
  fields: { id: string; type: "count" | "money" }[];
  measures: { id: string; kind: string }[];
  current: Figures;
  comparison: {
    panel: { expected: number; covered: { name: string }[]; partly: { name: string; words: string }[]; leftOut: { name: string; words: string }[]; lowCoverage: boolean };
    current: Figures;
    previousYear: Figures;
    changes: { fields: { id: string; words: string }[] };
  };
}
interface Figures {
  returns: number;
  bodies: { counted: number; expected: number };
  fields: { id: string; value: number | null }[];
  measures: { id: string; value: number | null }[];
}

const count = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What the totals table must show for an API figure. */
function expectedField(type: string, value: number | null): string {
  if (value === null) return "Not reported";
  return type === "money" ? pounds.format(value / 100) : count.format(value);
}

/**
 * The department's totals and measures as the page shows them, against the API's answer: everyone who
 * has sent so far with no change beside it, then the comparison over the same bodies and quarters,
 * saying how many bodies it covers and naming those left out.
 */
async function expectRollupEqualsApi(page: Page, input: Record<string, string>) {
  const api = await queryFromPage<Rollup>(page, "metrics.rollup", { departmentCode: dept, ...input });
  await poll(() => page.locator("#rollup-totals tbody tr").count()).toBe(api.fields.length);
  expect(await page.locator("#rollup-sent thead th").allTextContents()).toEqual(["Figure", api.label]);
  const head = await page.locator("#rollup-totals thead th").allTextContents();
  expect(head).toEqual(["Figure", api.label, api.yearEarlier.label, "Change"]);
  const m = api.comparison;
  for (const field of api.fields) {
    const sent = await page.locator(`#rollup-sent tbody tr:has([data-field="${field.id}"]) td`).allTextContents();
    expect(sent, field.id).toEqual([expectedField(field.type, api.current.fields.find((f) => f.id === field.id)!.value)]);
    const cells = await page.locator(`#rollup-totals tbody tr:has([data-field="${field.id}"]) td`).allTextContents();
    const now = m.current.fields.find((f) => f.id === field.id)!.value;
    const then = m.previousYear.fields.find((f) => f.id === field.id)!.value;
    const words = m.changes.fields.find((f) => f.id === field.id)!.words;
    expect(cells, field.id).toEqual([expectedField(field.type, now), expectedField(field.type, then), words.charAt(0).toUpperCase() + words.slice(1)]);
  }
  // The headline figures are real: the bodies compared received complaints in both periods.
  expect(m.current.fields.find((f) => f.id === "received")!.value).toBeGreaterThan(0);
  expect(m.previousYear.fields.find((f) => f.id === "received")!.value).toBeGreaterThan(0);
  const timescale = await page.locator('#rollup-measures tbody tr:has([data-measure="within_timescale"]) td').allTextContents();
  const pct = (v: number | null) => `${oneDecimal.format(v! * 100)}%`;
  expect(timescale[0]).toMatch(new RegExp(`^${pct(m.current.measures.find((x) => x.id === "within_timescale")!.value).replace(".", "\\.")} \\(`));
  expect(timescale[1]).toMatch(new RegExp(`^${pct(m.previousYear.measures.find((x) => x.id === "within_timescale")!.value).replace(".", "\\.")} \\(`));
  expect(timescale[3]).toMatch(/^(Similar|Higher: better|Lower: worse)$/);
  // How many bodies the comparison covers, and who is left out and why.
  const coverage = (await page.locator("#rollup-coverage").textContent())!;
  expect(coverage).toContain(`${m.panel.covered.length} of ${m.panel.expected} bodies`);
  const leftOut = [...m.panel.leftOut, ...m.panel.partly].map((b) => `${b.name}: ${b.words}`);
  expect(await page.locator("#rollup-left-out li").allTextContents()).toEqual(leftOut);
  return api;
}

describe("actions, learning and the department roll-up", { timeout: 300_000 }, () => {

  it("lists action plans across bodies overdue first, and keeps its filters in the address", async ({ app, signedIn }) => {
    const { context, page } = await signedIn(oversight, `/portal/${dept}/actions`);
    await poll(() => page.title()).toBe("Action plans across bodies – Department portal");
    await poll(() => page.locator("#plan-count").textContent()).toMatch(/^\d+ action plans: \d+ overdue\.( Showing 1 to 50\.)?$/);
    await poll(() => page.locator("#actions-on-time").textContent()).toMatch(/Learning actions completed on time, \w{3} to \w{3} \d{4}\d+(\.\d)?%/);
    const all = await queryFromPage<Plan[]>(page, "actions.listForDepartment", { departmentCode: dept });
    // 50 a page (the pages themselves: actions-list.test.ts).
    expect(await page.locator("table tbody tr").count()).toBe(Math.min(all.length, 50));
    // Overdue first, in words: once a row is not overdue, none after it is.
    const statuses = await page.locator("table tbody tr td:nth-child(5)").allTextContents();
    const firstNotOverdue = statuses.findIndex((s) => !s.includes("Overdue"));
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(statuses.slice(firstNotOverdue).some((s) => s.includes("Overdue"))).toBe(false);
    await expectNoAxeViolations(page, "the action plans page");

    // Filter by body and status: the address says so, and the table shows only those plans.
    await page.getByLabel("Body").selectOption("DES-LIC1");
    await page.getByLabel("Status").selectOption("overdue");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((u) => u.search === "?body=DES-LIC1&status=overdue");
    const wanted = all.filter((p) => p.organisationCode === "DES-LIC1" && p.overdue);
    expect(wanted.length).toBeGreaterThan(0);
    await poll(() => page.locator("table tbody tr").count()).toBe(wanted.length);
    const bodies = await page.locator("table tbody tr td:nth-child(1)").allTextContents();
    expect(new Set(bodies)).toEqual(new Set([wanted[0]!.organisationName]));

    // The address alone brings the same view back (a shared link), with the form showing it.
    await page.goto(`${app.url}/portal/${dept}/actions?body=DES-LIC1&status=overdue`);
    await poll(() => page.locator("table tbody tr").count()).toBe(wanted.length);
    expect(await page.getByLabel("Body").inputValue()).toBe("DES-LIC1");
    expect(await page.getByLabel("Status").inputValue()).toBe("overdue");

    // Keyboard only: type part of an owner's name and press Enter; the filters add up.
    const owner = wanted[0]!.owner.split(" ")[0]!.toLowerCase();
    await tabTo(page, "owner");
    await page.keyboard.type(owner);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => new URLSearchParams(u.search).get("owner") === owner);
    const byOwner = wanted.filter((p) => p.owner.toLowerCase().includes(owner));
    await poll(() => page.locator("table tbody tr").count()).toBe(byOwner.length);
    expect(new URL(page.url()).search).toBe(`?body=DES-LIC1&owner=${owner}&status=overdue`);

    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL((u) => u.search === "");
    await poll(() => page.locator("table tbody tr").count()).toBe(Math.min(all.length, 50));
    await context.close();

    await screenshots(signedIn, `/portal/${dept}/actions?status=overdue`, "actions", async (p) => {
      await poll(() => p.locator("table tbody tr").count()).toBeGreaterThan(0);
    });
  });

  it("finds learning in the library by a word from another body's summary, in any case", async ({ signedIn }) => {
    const { context, page } = await signedIn(oversight, `/portal/${dept}/learning`);
    await poll(() => page.title()).toBe("Learning library – Department portal");
    const library = await queryFromPage<{ total: number; items: { id: string; organisationCode: string; organisationName: string; summary: string }[] }>(page, "actions.learning", { departmentCode: dept });
    expect(new Set(library.items.map((i) => i.organisationName)).size).toBeGreaterThan(3);
    await poll(() => page.locator(".app-learning-item").count()).toBe(library.total);
    await expectNoAxeViolations(page, "the learning library");

    // A body far down the list, and the longest word of its summary, typed in capitals.
    const item = library.items.at(-1)!;
    // Oversight may take an item down from the body's action plan page (the agency app), linked from each item (inside its Details).
    const withdrawLinks = page.locator(".app-learning-item a", { hasText: "The whole action plan, where you can withdraw it from publication" });
    expect(await withdrawLinks.count()).toBe(library.total);
    expect(await withdrawLinks.last().getAttribute("href")).toBe(`/agency/${item.organisationCode}/actions/${item.id}`);
    const word = item.summary.split(/[^A-Za-z]+/).reduce((a, b) => (b.length > a.length ? b : a), "");
    expect(word.length).toBeGreaterThan(5);
    // Keyboard only: Tab to the search box, type, press Enter.
    await tabTo(page, "q");
    await page.keyboard.type(word.toUpperCase());
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => new URLSearchParams(u.search).get("q") === word.toUpperCase());
    const found = await queryFromPage<{ items: { id: string }[] }>(page, "actions.learning", { departmentCode: dept, q: word });
    expect(found.items.length).toBeLessThan(library.total);
    await poll(() => page.locator(".app-learning-item").count()).toBe(found.items.length);
    const summaries = await page.locator(".app-learning-item__summary").allTextContents();
    expect(summaries).toContain(item.summary);
    await poll(() => page.title()).toBe(`Learning library: results for “${word.toUpperCase()}” – Department portal`);
    expect(await page.locator("#learning-count").textContent()).toMatch(new RegExp(`^\\d+ items? of ${library.total} match “${word.toUpperCase()}”, newest first\\.$`));
    await expectNoAxeViolations(page, "the learning library's search results");
    await context.close();

    await screenshots(signedIn, `/portal/${dept}/learning`, "learning", async (p) => {
      await poll(() => p.locator(".app-learning-item").count()).toBeGreaterThan(0);
    });
  });

  it("shows the department roll-up equal to the API's answer for a quarter and a financial year, beside a year earlier", async ({ signedIn }) => {
    const { context, page } = await signedIn(oversight, `/portal/${dept}/summary/2026-27-q2`);
    await poll(() => page.title()).toBe("Department totals, Jul to Sep 2026 – Department portal");
    const quarter = await expectRollupEqualsApi(page, { period: "2026-27 Q2" });
    expect(quarter.yearEarlier.label).toBe("Jul to Sep 2025");
    expect(await page.locator("#rollup-body-types tbody tr").count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, "the roll-up for a quarter");

    // From the quarter to the year before's whole financial year, by the page's own links.
    await page.getByRole("link", { name: "Previous quarter: Apr to Jun 2026" }).click();
    await poll(() => page.title()).toBe("Department totals, Apr to Jun 2026 – Department portal");
    await page.getByRole("link", { name: "The whole financial year 2026-27 (Apr 2026 to Mar 2027)" }).click();
    await page.waitForURL((u) => u.pathname === `/portal/${dept}/summary/2026-27`);
    await page.getByRole("link", { name: /^Previous year: financial year 2025-26/ }).click();
    await page.waitForURL((u) => u.pathname === `/portal/${dept}/summary/2025-26`);
    await poll(() => page.title()).toBe("Department totals, financial year 2025-26 (Apr 2025 to Mar 2026) – Department portal");
    const year = await expectRollupEqualsApi(page, { financialYear: "2025-26" });
    expect([year.label, year.yearEarlier.label]).toEqual(["Apr 2025 to Mar 2026", "Apr 2024 to Mar 2025"]);
    expect(await page.locator('#rollup-totals tbody tr:has([data-field="carried_forward"]) th').textContent()).toBe("Open at the end of the year");
    // The demo's history starts in Oct 2024, so 2024-25 has only two quarters: the comparison pairs those
    // two quarters of each year, and the year's other quarters are named as left out.
    expect(year.comparison.previousYear.returns).toBe(year.comparison.current.returns);
    expect(year.comparison.current.returns).toBeLessThan(year.current.returns);
    expect(await page.locator("#rollup-left-out").textContent()).toMatch(/Apr to Jun 2025, Jul to Sep 2025 left out: not counted in both years/);
    await expectNoAxeViolations(page, "the roll-up for a financial year");
    await context.close();

    await screenshots(signedIn, `/portal/${dept}/summary/2026-27-q2`, "summary", async (p) => {
      await poll(() => p.locator("#rollup-body-types tbody tr").count()).toBeGreaterThan(0);
    });
  });

  it("says a year or quarter not yet opened has nothing to add up, instead of tables of 'Not reported'", async ({ signedIn }) => {
    const { context, page } = await signedIn(oversight, `/portal/${dept}/summary/2030-31`);
    await poll(() => page.locator(".govuk-inset-text").textContent()).toBe("No quarter of financial year 2030-31 (Apr 2030 to Mar 2031) has opened for returns yet, so there is nothing to add up. The latest quarter is Jul to Sep 2026.");
    expect(await page.locator("table").count()).toBe(0);
    await page.getByRole("link", { name: "Jul to Sep 2026" }).click();
    await poll(() => page.title()).toBe("Department totals, Jul to Sep 2026 – Department portal");
    await poll(() => page.locator("#rollup-body-types tbody tr").count()).toBeGreaterThan(1);
    await context.close();
  });

  it("shows nothing of another department's bodies through these addresses", async ({ app, signedIn }) => {
    const { context, page } = await signedIn(oversight, `/portal/${dept}/actions?body=MSA-COU8`);
    for (const path of [`/portal/${dept}/actions?body=MSA-COU8`, `/portal/${dept}/learning?body=MSA-COU8`]) {
      await page.goto(`${app.url}${path}`);
      await poll(() => page.locator(".govuk-error-summary").textContent()).toContain("You do not have access to that organisation.");
      expect(await page.locator("table, .app-learning-item").count()).toBe(0);
      await poll(() => page.title()).toMatch(/^Error: /);
    }
    await page.goto(`${app.url}/portal/MSA/summary/2026-27-q2`);
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    expect(await page.locator("#rollup-totals").count()).toBe(0);
    await context.close();
  });
});

// The totals page on PostgreSQL, in a copy of the seeded demo database (as the board pack download does).
describe("the department totals from PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl && !inCi)("shows everyone who has sent and the comparison over the same bodies and quarters, as the API gives them", async ({ postgresApp: pgApp, browser }) => {
    if (!testDatabaseUrl) throw new Error("CI is set but TEST_DATABASE_URL is not: the department totals must also run on PostgreSQL in CI.");
    const { context, page } = await openSignedIn(browser, pgApp, oversight, `/portal/${dept}/summary/2026-27-q2`);
    await poll(() => page.title()).toBe("Department totals, Jul to Sep 2026 – Department portal");
    const api = await expectRollupEqualsApi(page, { period: "2026-27 Q2" });
    expect(api.comparison.panel.covered.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "the roll-up on PostgreSQL");
    await context.close();
  }, 400_000);
});
