import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatPeriodCode, parsePeriodCode, periodDates, periodLabelOf, periodFromIndex, periodIndex, type ReportingPeriod } from "@complaints/domain";
import type { FileChooser, Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { fileFixtures, it } from "@complaints/e2e/fixtures";
import { apiSession, type StoredReturn } from "@complaints/e2e/api-session";
import { queryFromPage, tabStopsUntil } from "@complaints/e2e/page";
import { inCi, testDatabaseUrl } from "./env.ts";
import { expectNoAxeViolations, openSignedIn } from "./harness.ts";

/**
 * Case-level import in the browser: a body's complaints team uploads its case file in
 * pieces with a progress bar, sees the quarter's figures worked out from it, follows a figure to
 * the cases behind it; a file with problems changes nothing; a mapping made on the mapping screen
 * from a file with other headers and codes lets that file be uploaded as it is. Against the real
 * server and the demo data; the case files are written here, a handful of hand-checked rows.
 */

/** Screenshots of each state at 1280 and 320 px, to look at (the test prints where). */
const screenshots = join(tmpdir(), "agency-cases-screenshots");
const slow = { timeout: 300_000 };
/** How long to wait for the server to check a file. */
const checked = { timeout: 60_000 };
/** A page of 50 of 20,000 stored cases: quick alone, but seconds on a busy two-core machine. */
const loaded = { timeout: 10_000 };
const title = "Compute this return from your case records";

/** An ISO date `days` after `iso`. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The quarter's weekdays from the first of its third month: no bank holiday of any UK nation falls
 * on the 1st to the 14th of June, September, December or March (Good Friday is the 20th of March at
 * the earliest), so working days between them are plain weekdays, as worked out by hand below.
 */
function weekdaysOf(period: ReportingPeriod): string[] {
  const { start } = periodDates(period);
  const third = `${start.slice(0, 5)}${String(Number(start.slice(5, 7)) + 2).padStart(2, "0")}-01`;
  const out: string[] = [];
  for (let i = 0; out.length < 10; i += 1) {
    const day = addDays(third, i);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(day);
  }
  if (out.at(-1)! > addDays(third, 13)) throw new Error("Ten weekdays from the 1st reach past the 14th");
  return out;
}

const header = "case_ref,received_date,acknowledged_date,stage,escalated_date,closed_date,withdrawn_date,target_date,outcome,themes,service_area,channel,remedies,payment_amount,payment_type,phso_referred_date";

/**
 * Five cases, worked out by hand (d0…d9 are the quarter's first weekdays of its third month):
 * - ER-001 received d0, closed d3 at early resolution, upheld: 3 working days, within 5;
 * - ER-002 received d1, closed d8 at early resolution, not upheld: 7 working days, not within 5;
 * - CL-003 received d0, escalated d2, closed d9 at closer look, partly upheld, £250 for maladministration;
 * - OPEN-004 received d4, still open (carried forward);
 * - OLD-005 received the quarter before, withdrawn d2 (brought forward, withdrawn).
 * So: received 4, early resolution closed 2 (ER-001, ER-002) taking 10 working days, within
 * timescale 1; closer look closed 1; escalated 1; brought forward 1; carried forward 1; withdrawn 1;
 * themes delay 2; channel online 2; payments 1 totalling £250.00.
 */
function goodCases(period: ReportingPeriod): string {
  const d = weekdaysOf(period);
  const before = addDays(periodDates(period).start, -30);
  return [
    header,
    `ER-001,${d[0]},${d[1]},early_resolution,,${d[3]},,,upheld,delay;communication,,online,apology,,,`,
    `ER-002,${d[1]},${d[1]},early_resolution,,${d[8]},,,not_upheld,delay,,email,,,,`,
    `CL-003,${d[0]},${d[0]},closer_look,${d[2]},${d[9]},,,partly_upheld,staff_conduct,,phone,apology;financial,250.00,maladministration,`,
    `OPEN-004,${d[4]},,early_resolution,,,,,,,,online,,,,`,
    `OLD-005,${before},,early_resolution,,,${d[2]},,,,,post,,,,`,
  ].join("\r\n");
}

/** The same cases as another system exports them: its own headers, day-first dates and its own codes. */
function systemExport(period: ReportingPeriod): string {
  const d = weekdaysOf(period).map((iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
  return [
    "Reference,Opened,Level,Closed,Result,Contact method,Team",
    `SYS-1,${d[0]},Stage 1,${d[3]},Upheld,Web,North`,
    `SYS-2,${d[1]},Stage 1,${d[8]},Not upheld,Web,North`,
    `SYS-3,${d[0]},Stage 2,${d[9]},Partly upheld,Telephone,South`,
  ].join("\r\n");
}

describe("case import: /agency/{ORG}/returns/{PERIOD}/cases", slow, () => {
  const fixtures = fileFixtures();
  let work: string;
  /** The open quarter, whose return is DES-LIC1's draft ("2026-27 Q2"), and its address ("2026-27-q2"). */
  let period: string;
  let quarter: ReportingPeriod;
  let casesPath: string;
  let returnPath: string;

  it.beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "agency-cases-"));
    mkdirSync(screenshots, { recursive: true });
    const { context, page } = await fixtures.signIn("submitter@demo.example");
    const windows = await queryFromPage<{ period: string; open: boolean }[]>(page, "windows.list", { openOnly: true });
    period = windows[0]!.period;
    quarter = parsePeriodCode(period)!;
    returnPath = `/agency/DES-LIC1/returns/${period.replace(" Q", "-q")}`;
    casesPath = `${returnPath}/cases`;
    await context.close();
  });
  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    console.log(`Screenshots of the case import pages: ${screenshots}`);
  });

  const currentReturn = (page: Page) => queryFromPage<StoredReturn>(page, "returns.find", { organisationCode: "DES-LIC1", period });

  function file(name: string, text: string): string {
    const path = join(work, name);
    writeFileSync(path, text, "utf8");
    return path;
  }

  async function openCasesPage(options: { width?: number; email?: string; path?: string } = {}) {
    const { context, page } = await fixtures.signIn(options.email ?? "submitter@demo.example", options.path ?? casesPath, { width: options.width });
    await page.getByRole("heading", { level: 1 }).waitFor();
    if (!options.path) await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    return { context, page };
  }

  /**
   * Uploads a file and, unless `wait` is false, waits for the answer; a file that would replace the
   * draft's figures asks first, and is confirmed here ("Replace the figures").
   */
  async function upload(page: Page, path: string, mapping?: string, options: { wait?: boolean } = {}) {
    await page.getByLabel("Upload your case file").setInputFiles(path);
    if (mapping) await page.getByLabel(`Our saved mapping “${mapping}”`).check();
    // The answers already on the page are marked, so only this upload's answer is waited for.
    await page.evaluate(() => document.querySelectorAll(".govuk-notification-banner, .govuk-error-summary").forEach((e) => e.setAttribute("data-earlier", "")));
    await page.getByRole("button", { name: "Upload and compute the figures" }).click();
    if (options.wait !== false) await replaceIfAsked(page);
  }

  /** Waits for the import's answer, pressing "Replace the figures" if the page asks first. */
  async function replaceIfAsked(page: Page) {
    const answered = page.locator(".govuk-notification-banner:not([data-earlier]), .govuk-error-summary:not([data-earlier]), #confirm-replace");
    await expect.poll(() => answered.count(), checked).toBeGreaterThan(0);
    if (await page.locator("#confirm-replace").count()) await page.getByRole("button", { name: "Replace the figures" }).click();
  }

  /** Rows of a table by id: each cell's text. */
  function tableRows(page: Page, selector: string): Promise<string[][]> {
    return page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
  }

  /** The figure's row in the figures tables: [label, value shown]. */
  async function figureRow(page: Page, label: string): Promise<string[]> {
    const rows = await tableRows(page, ".app-case-figures__table");
    const row = rows.find((r) => r[0] === label);
    if (!row) throw new Error(`No figure “${label}” among ${rows.map((r) => r[0]).join(", ")}`);
    return row;
  }

  async function screenshot(page: Page, name: string) {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  it("is linked from the return's task list", async () => {
    const { context, page } = await openCasesPage({ path: `${returnPath}/` });
    const link = page.getByRole("link", { name: "Compute it from your case records" });
    expect(await link.getAttribute("href")).toBe(casesPath);
    await link.click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await expectNoAxeViolations(page, "the case import page");
    // The format is described column by column, from the domain's own descriptions.
    await page.getByText("What the case file must hold").click();
    const columns = await tableRows(page, ".app-case-format__table");
    expect(columns).toHaveLength(16);
    expect(columns[0]).toEqual(["case_ref (required)", expect.stringContaining("pseudonymised reference")]);
    await expectNoAxeViolations(page, "the case import page with the format open");
    await context.close();
  });

  it("can be done with the keyboard alone: a good file's figures, each linking to its cases", async () => {
    const { context, page } = await openCasesPage();
    const before = await currentReturn(page);
    const stops = await tabStopsUntil(page, "Upload and compute the figures", 40);
    expect(stops.slice(stops.indexOf("Back to the return"))).toEqual([
      "Back to the return",
      "What the case file must hold",
      `Download an example case file for ${periodLabelOf(period)}`,
      "Change these, or match your system's column names and codes to ours",
      "file input #file",
      "Upload and compute the figures",
    ]);
    await page.locator("#file").focus();
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => undefined), page.keyboard.press("Space")]);
    }
    if (!chooser) throw new Error("Space on the focused file input never opened the file chooser");
    await chooser.setFiles(file("good.csv", goodCases(quarter)));
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Upload and compute the figures");
    await page.keyboard.press("Enter");
    // The demo's draft already has figures: the page says which will change and asks first, its question taking focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), checked).toBe("confirm-replace-heading");
    expect(await page.locator("#confirm-replace-heading").textContent()).toMatch(/^[\d,]+ figures in the draft will change$/);
    const headline = await tableRows(page, "#confirm-replace-changes");
    expect(headline.find((r) => r[0] === "Complaints received")).toEqual(["Complaints received", typeof before.values.received === "number" ? before.values.received.toLocaleString("en-GB") : "Blank", "4"]);
    expect((await currentReturn(page)).version).toBe(before.version);
    await expectNoAxeViolations(page, "the case import page asking before replacing the figures");
    await screenshot(page, "confirm-1280");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Replace the figures");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Cancel");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-notification-banner")), checked).toBe(true);
    const banner = page.locator(".govuk-notification-banner--success");
    expect(await banner.textContent()).toContain("5 cases read from “good.csv”");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Go to the return's task list");

    // The figures, as worked out by hand (goodCases).
    expect(await figureRow(page, "Complaints received")).toEqual(["Complaints received", "4: the cases behind “Complaints received”"]);
    expect((await figureRow(page, "Early resolution: complaints closed"))[1]).toMatch(/^2:/);
    expect((await figureRow(page, "Early resolution: total working days to close"))[1]).toMatch(/^10 working days:/);
    expect((await figureRow(page, "Early resolution: closed within timescale"))[1]).toMatch(/^1:/);
    expect((await figureRow(page, "Open at the start of the quarter"))[1]).toMatch(/^1:/);
    expect((await figureRow(page, "Open at the end of the quarter"))[1]).toMatch(/^1:/);
    expect((await figureRow(page, "Complaints received by channel: Online form"))[1]).toMatch(/^2:/);
    expect((await figureRow(page, "Total paid"))[1]).toMatch(/^£250\.00/);
    // What the file cannot give is left to fill in, with the reason and a link to its section.
    const leftItems = page.locator("#figures-left li");
    expect(await leftItems.count()).toBeGreaterThan(0);
    for (const link of await page.locator("#figures-left a").all()) expect(await link.getAttribute("href")).toMatch(new RegExp(`^${returnPath}/[a-z_]+$`));
    await expectNoAxeViolations(page, "the case import page with the figures");

    // The draft holds them.
    const after = await currentReturn(page);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.values).toMatchObject({ received: 4, er_closed: 2, er_working_days_total: 10, er_within_timescale: 1, cl_closed: 1, withdrawn: 1, brought_forward: 1, carried_forward: 1, payments_total: 25000 });

    // Follow "Complaints received" with the keyboard: its four cases.
    await page.getByRole("link", { name: /the cases behind “Complaints received”/ }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received: 4");
    expect(new URL(page.url()).pathname).toBe(`${casesPath}/received`);
    expect((await tableRows(page, "#figure-cases")).map((r) => r[0]).sort()).toEqual(["CL-003", "ER-001", "ER-002", "OPEN-004"]);
    await expectNoAxeViolations(page, "the cases behind a figure");

    // Back, and the figures are there again; the total's cases carry their working days.
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect.poll(() => page.locator("#case-figures").isVisible()).toBe(true);
    await page.getByRole("link", { name: /the cases behind “Early resolution: total working days to close”/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Early resolution: total working days to close: 10");
    expect(await page.locator("#figure-cases thead th").allTextContents()).toEqual(["Case reference", "Working days"]);
    expect((await tableRows(page, "#figure-cases")).sort()).toEqual([
      ["ER-001", "3"],
      ["ER-002", "7"],
    ]);
    await context.close();
  });

  it("links each computed figure of the draft to its cases, on the section pages and on check your answers, for the submitter and the approver", async () => {
    const { context, page } = await openCasesPage();
    await upload(page, file("links.csv", goodCases(quarter)));
    await expect.poll(() => page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);

    // The draft's first section: each figure the file gives has its link; the input's description is left alone.
    await page.getByRole("link", { name: "Go to the return's task list" }).click();
    await page.getByRole("link", { name: "Complaints received and open" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received and open");
    const received = page.getByRole("link", { name: /^See the cases behind this figure\W+Complaints received$/ });
    await received.waitFor();
    expect(await received.getAttribute("href")).toBe(`${casesPath}/received?from=flow`);
    expect(await page.locator("#received").getAttribute("aria-describedby")).toMatch(/^received-hint( received-error)?$/);
    expect(await page.locator(".app-field__cases").count()).toBe(4);
    await expectNoAxeViolations(page, "a section page with links to the cases");

    // With the keyboard: the link is the next stop after the figure's input, and opens its four cases.
    await page.locator("#received").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("See the cases behind this figure: Complaints received");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received: 4");
    expect((await tableRows(page, "#figure-cases")).map((r) => r[0]).sort()).toEqual(["CL-003", "ER-001", "ER-002", "OPEN-004"]);
    // Back goes to the section the link was on, at the figure.
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received and open");
    expect(new URL(page.url()).pathname).toBe(`${returnPath}/flow`);
    expect(new URL(page.url()).hash).toBe("#received");

    // A breakdown's cells link too, named by the whole figure; not the service areas, which the
    // file (no case has one) left to fill in: no cases lie behind what the draft holds there.
    await page.goto(`${fixtures.app.url}${returnPath}/breakdowns`);
    await page.locator(".app-field__cases").first().waitFor();
    expect(await page.locator(".app-field__cases a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/").at(-1)))).toEqual(
      ["online", "email", "phone", "post", "in_person", "other"].map((c) => `received_by_channel.${c}`),
    );
    await page.getByRole("link", { name: /^See the cases behind this figure\W+Complaints received by channel: Online form$/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received by channel: Online form: 2");
    expect((await tableRows(page, "#figure-cases")).map((r) => r[0]).sort()).toEqual(["ER-001", "OPEN-004"]);
    // Back from a figure further down the page opens the section there, not at the top.
    await page.goBack();
    await page.getByRole("link", { name: /^See the cases behind this figure\W+Complaints received by channel: Other$/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received by channel: Other: 0");
    expect(await page.locator("main").textContent()).toContain("No case in the last case file counts towards this figure");
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await expect.poll(() => page.locator('[id="received_by_channel.other"]').evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < window.innerHeight)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // Check your answers: "See cases" beside "Change" in the figure's row.
    await page.goto(`${fixtures.app.url}${returnPath}/check`);
    const seeCases = page.getByRole("link", { name: /^See cases\s+behind ‘Complaints received’$/ });
    await seeCases.waitFor();
    expect(await seeCases.getAttribute("href")).toBe(`${casesPath}/received?from=check`);
    await expectNoAxeViolations(page, "check your answers with links to the cases");
    await context.close();

    // The senior accountable officer reads the draft, links and all.
    const approver = await openCasesPage({ email: "approver@demo.example", path: `${returnPath}/flow` });
    await approver.page.getByRole("link", { name: /^See the cases behind this figure\W+Complaints received$/ }).click();
    await expect.poll(() => approver.page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received: 4");
    await approver.context.close();

    for (const width of [1280, 320]) {
      const shot = await openCasesPage({ width, path: `${returnPath}/flow` });
      await shot.page.locator(".app-field__cases").first().waitFor();
      await screenshot(shot.page, `section-links-${width}`);
      expect(await shot.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot.page.goto(`${fixtures.app.url}${returnPath}/breakdowns`);
      await shot.page.locator(".app-field__cases").first().waitFor();
      await screenshot(shot.page, `breakdown-links-${width}`);
      await shot.page.goto(`${fixtures.app.url}${returnPath}/check`);
      await shot.page.locator("[data-section]").first().waitFor();
      await screenshot(shot.page, `check-links-${width}`);
      await shot.page.locator('[data-section="flow"]').screenshot({ path: join(screenshots, `check-links-flow-${width}.png`) });
      await shot.page.locator('[data-section="breakdowns"]').screenshot({ path: join(screenshots, `check-links-breakdowns-${width}.png`) });
      expect(await shot.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot.context.close();
    }
  });

  it("shows the upload's progress, then says it is checking the cases", async () => {
    const { context, page } = await openCasesPage();
    // Enough cases for three pieces of 512 KB: the first is held back to see the bar part way.
    const d = weekdaysOf(quarter);
    const rows = Array.from({ length: 20_000 }, (_, i) => `BULK-${String(i).padStart(6, "0")},${d[0]},,early_resolution,,${d[3]},,,upheld,delay,,online,apology,,,`);
    const path = file("bulk.csv", [header, ...rows].join("\r\n"));
    let releaseChunk = () => {};
    const chunkHeld = new Promise<void>((resolve) => (releaseChunk = resolve));
    let chunks = 0;
    await page.route("**/trpc/cases.uploadChunk*", async (route) => {
      chunks += 1;
      if (chunks === 2) await chunkHeld;
      await route.continue();
    });
    let releaseFinish = () => {};
    const finishHeld = new Promise<void>((resolve) => (releaseFinish = resolve));
    await page.route("**/trpc/cases.finishUpload*", async (route) => {
      await finishHeld;
      await route.continue();
    });
    await upload(page, path, undefined, { wait: false });
    const status = page.locator(".app-case-progress [role=status]");
    await expect.poll(() => status.textContent(), checked).toMatch(/^Uploaded 512 KB of [\d.]+ MB$/);
    const bar = page.getByLabel("Uploading your case file");
    expect(await bar.evaluate((el) => el.tagName)).toBe("PROGRESS");
    expect(Number(await bar.getAttribute("value"))).toBe(512 * 1024);
    await screenshot(page, "uploading-1280");
    releaseChunk();
    await expect.poll(() => status.textContent(), checked).toBe("Checking the cases…");
    await screenshot(page, "checking-1280");
    releaseFinish();
    await replaceIfAsked(page);
    await expect.poll(() => page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);
    expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain("20,000 cases read");
    expect(await status.textContent()).toBe("");
    expect(await page.locator("progress").count()).toBe(0);

    // 20,000 cases behind "Complaints received": 50 a page, numbered, and the next page takes focus to its table.
    await page.getByRole("link", { name: /the cases behind “Complaints received”/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), loaded).toBe("Complaints received: 20,000");
    expect(await page.locator("#figure-cases caption").textContent()).toBe("Cases 1 to 50 of 20,000");
    const pagination = page.getByRole("navigation", { name: "Pages of cases" });
    expect(await pagination.getByRole("link").allTextContents()).toEqual(["1", "2", "400", "Next page"]);
    await pagination.getByRole("link", { name: "Next page" }).click();
    await expect.poll(() => page.locator("#figure-cases caption").textContent(), loaded).toBe("Cases 51 to 100 of 20,000");
    expect(new URL(page.url()).search).toBe("?page=2");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("figure-cases");
    expect(await pagination.locator("[aria-current=page]").textContent()).toBe("2");
    expect(await tableRows(page, "#figure-cases")).toHaveLength(50);
    await expectNoAxeViolations(page, "the second page of a figure's cases");
    await context.close();
  });

  it("lists each problem by row and column, and changes nothing, for a file with problems", async () => {
    const { context, page } = await openCasesPage();
    const before = await currentReturn(page);
    const d = weekdaysOf(quarter);
    const bad = [header, `BAD-1,${d[5]},,early_resolution,,${d[2]},,,upheld,,,online,,,,`, `BAD-2,${d[1]},,stage_one,,,,,,,,online,,,,`].join("\r\n");
    await upload(page, file("bad.csv", bad));
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible(), checked).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expect.poll(() => page.title()).toBe(`Error: ${title} – Complaints returns`);
    expect(await summary.textContent()).toContain("Nothing from “bad.csv” was saved: the return is as it was.");
    const items = await summary.getByRole("link").allTextContents();
    expect(items.some((t) => t.startsWith("Row 2, column closed_date: "))).toBe(true);
    expect(items.some((t) => t.startsWith("Row 3, column stage: "))).toBe(true);
    const problems = await tableRows(page, "#case-problems");
    expect(problems.map(([row, column]) => `${row} ${column}`)).toEqual(expect.arrayContaining(["2 closed_date", "3 stage"]));
    expect(await page.locator("#file-error").textContent()).toMatch(/^Error: The selected file has \d+ problems?: nothing from it was saved$/);
    const after = await currentReturn(page);
    expect(after.version).toBe(before.version);
    expect(after.values).toEqual(before.values);
    await expectNoAxeViolations(page, "the case import page after a file with problems");
    await context.close();
  });

  it("lists the first 100 problems and counts the rest", async () => {
    const { context, page } = await openCasesPage();
    const before = await currentReturn(page);
    const rows = Array.from({ length: 137 }, (_, i) => `X-${i},not a date,,early_resolution,,,,,,,,online,,,,`);
    await upload(page, file("many.csv", [header, ...rows].join("\r\n")));
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible(), checked).toBe(true);
    const items = await summary.locator("li").allTextContents();
    expect(items).toHaveLength(101);
    expect(items[0]).toMatch(/^Row 2, column received_date: /);
    expect(items.at(-1)).toBe("and 37 more problems");
    expect((await currentReturn(page)).version).toBe(before.version);
    await context.close();
  });

  it("says when the file is fine but the quarter cannot take its figures, without blaming the file", async () => {
    // The quarter after the open one has no reporting window yet.
    const next = formatPeriodCode(periodFromIndex(periodIndex(quarter) + 1));
    const nextPath = `/agency/DES-LIC1/returns/${next.replace(" Q", "-q")}/cases`;
    const { context, page } = await openCasesPage({ path: nextPath });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await upload(page, file("next.csv", goodCases(quarter)));
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible(), checked).toBe(true);
    expect(await summary.locator("li").allTextContents()).toEqual([expect.stringMatching(/^Returns for .* are not open/)]);
    expect(await summary.getByRole("link").count()).toBe(0);
    expect(await page.locator("#file-error").count()).toBe(0);
    expect(await page.locator("#case-problems").count()).toBe(0);
    await expectNoAxeViolations(page, "the case import page after a quarter that cannot take the figures");
    await context.close();
  });

  it("offers an example case file with the quarter's dates, whose upload shows its figures as the example's and saves nothing", async () => {
    const { context, page } = await openCasesPage();
    const before = await currentReturn(page);
    // Reached with the keyboard and pressed with Enter, like any button.
    await page.locator("#example-file").focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe(`example-cases-DES-LIC1-${period.replace(" Q", "-q")}.csv`);
    const path = join(work, "example.csv");
    await download.saveAs(path);
    await upload(page, path);
    // Never a question about replacing figures: the example is only ever checked.
    const banner = page.locator(".govuk-notification-banner");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-notification-banner")), checked).toBe(true);
    expect(await banner.textContent()).toContain("Nothing was saved: “example.csv” is the example file");
    expect(await page.locator(".govuk-notification-banner--success").count()).toBe(0);
    expect(await page.locator("#case-figures h2").first().textContent()).toBe("The figures from the example file (not saved)");
    // Twelve made-up cases: one from the quarter before, eleven received in the quarter, three still open; not linked, as none is stored.
    expect(await figureRow(page, "Complaints received")).toEqual(["Complaints received", "11"]);
    expect(await figureRow(page, "Open at the end of the quarter")).toEqual(["Open at the end of the quarter", "3"]);
    const after = await currentReturn(page);
    expect(after.version).toBe(before.version);
    expect(after.values).toEqual(before.values);
    await expectNoAxeViolations(page, "the case import page after the example file");
    await screenshot(page, "example-1280");
    await context.close();
  });

  it("asks before replacing the draft's figures, and Cancel changes nothing", async () => {
    const { context, page } = await openCasesPage({ width: 320 });
    const before = await currentReturn(page);
    await page.getByLabel("Upload your case file").setInputFiles(file("cancel.csv", `${goodCases(quarter)}\r\nEXTRA-006,${weekdaysOf(quarter)[5]},,early_resolution,,,,,,,,online,,,,`));
    await page.getByRole("button", { name: "Upload and compute the figures" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), checked).toBe("confirm-replace-heading");
    await screenshot(page, "confirm-320");
    await page.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("file");
    expect(await page.locator("#confirm-replace").count()).toBe(0);
    const after = await currentReturn(page);
    expect(after.version).toBe(before.version);
    expect(after.values).toEqual(before.values);
    await expectNoAxeViolations(page, "the case import page after Cancel");
    await context.close();
  });

  it("says before sending when no file is chosen, or it is empty or not a CSV", async () => {
    const { context, page } = await openCasesPage();
    await page.getByRole("button", { name: "Upload and compute the figures" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toEqual(["Select your case file"]);
    await page.getByLabel("Upload your case file").setInputFiles({ name: "cases.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK") });
    await expect.poll(() => page.locator("#file-error").textContent()).toBe("Error: The selected file must be a CSV");
    await expectNoAxeViolations(page, "the case import page with a file refused in the browser");
    await context.close();
  });

  it("says when the team member already has as many files uploaded but not imported as one person may; a new upload for the quarter replaces its unfinished one", async () => {
    const team = await apiSession(fixtures.app, "submitter@demo.example");
    const back = (n: number) => formatPeriodCode(periodFromIndex(periodIndex(quarter) - n));
    // An upload of this quarter's left unfinished (a page closed mid-upload), then earlier quarters', up to the person's limit.
    const refused = Buffer.from(`${header}\r\nOLD-1,not a date,,early_resolution,,,,,,,,online,,,,\r\n`);
    const started: string[] = [];
    for (const p of [period, back(1), back(2), back(3), back(4)]) {
      const answer = await team.attemptMutation<{ uploadId: string }>("cases.startUpload", { organisationCode: "DES-LIC1", fileName: "old.csv", size: refused.byteLength, period: p });
      if (answer.status !== 200) {
        expect(answer.code).toBe("TOO_MANY_REQUESTS");
        break;
      }
      started.push(answer.data!.uploadId);
    }
    expect(started.length).toBeGreaterThan(0);

    // Another quarter's page: refused, saying why and what to do.
    const other = back(8);
    const { context, page } = await openCasesPage({ path: `/agency/DES-LIC1/returns/${other.replace(" Q", "-q")}/cases` });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await upload(page, file("one-more.csv", goodCases(quarter)));
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible(), checked).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    const items = await summary.getByRole("link").allTextContents();
    expect(items).toEqual([
      expect.stringMatching(/^You already have 3 case files that are uploading or uploaded but not imported \(for [^)]+\), the most one person can have at once\. Import one of them, or upload a file for one of those quarters again: it replaces your unfinished one\./),
    ]);
    expect(await page.locator("#file-error").textContent()).toBe(`Error: ${items[0]}`);
    await expectNoAxeViolations(page, "the case import page with too many files uploaded but not imported");
    await screenshot(page, "too-many-uploads-1280");
    await context.close();

    // This quarter's page: its upload replaces the unfinished one, so it goes through.
    const again = await openCasesPage();
    await upload(again.page, file("this-quarter.csv", goodCases(quarter)));
    await expect.poll(() => again.page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);
    await again.context.close();

    // The earlier quarters' files are sent and refused for their content, so they no longer count.
    for (const uploadId of started.slice(1)) {
      await team.mutate("cases.uploadChunk", { uploadId, index: 0, data: refused.toString("base64") });
      await team.mutate("cases.finishUpload", { uploadId, dryRun: false });
    }
  });

  it("makes a mapping from a file with other headers and codes, and the file then uploads as it is", async () => {
    const { context, page } = await openCasesPage();
    await page.getByRole("link", { name: "Change these, or match your system's column names and codes to ours" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Case file settings");
    expect(new URL(page.url()).pathname).toBe("/agency/DES-LIC1/cases/mapping");
    await expectNoAxeViolations(page, "the mapping page");

    // Saving before a file is chosen asks for one; choosing a file clears that error, from the summary, the field and the title.
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toEqual(["Select an export from your case system"]);
    expect(await page.locator("#sample-file-error").textContent()).toContain("Select an export from your case system");
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, "the mapping page with no file chosen");

    const exportPath = file("system-export.csv", systemExport(quarter));
    await page.getByLabel("Choose an export from your case system").setInputFiles(exportPath);
    await expect.poll(() => page.getByText("The file's header names 7 columns; 3 rows read.").isVisible()).toBe(true);
    expect(await page.locator(".govuk-error-summary").count()).toBe(0);
    expect(await page.locator("#sample-file-error").count()).toBe(0);
    expect(await page.title()).not.toMatch(/^Error: /);
    // Our columns by their names, not their codes. Nothing matches by name, so the required columns
    // wait for a choice and the optional ones are "Not in my file".
    expect(await page.locator(".app-case-mapping label[for^=column-]").allTextContents()).not.toContain("case_ref");
    expect(await page.getByLabel("Case reference", { exact: true }).inputValue()).toBe("");
    expect(await page.locator("#column-channel option:checked").textContent()).toBe("Not in my file");
    await page.getByLabel("Case reference", { exact: true }).selectOption("Reference");
    await page.getByLabel("Date received", { exact: true }).selectOption("Opened");
    await page.getByLabel("Stage", { exact: true }).selectOption("Level");
    await page.getByLabel("Date closed", { exact: true }).selectOption("Closed");
    await page.getByLabel("Outcome", { exact: true }).selectOption("Result");
    await page.getByLabel("Channel (optional)").selectOption("Contact method");
    expect(await page.locator("legend", { hasText: "Values in “Level”" }).textContent()).toBe("Values in “Level” (our stage)");
    // Their codes: "Upheld" and the like are chosen already; "Stage 1", "Web" and "Telephone" are not.
    expect(await page.getByLabel("“Upheld” means").inputValue()).toBe("upheld");
    expect(await page.getByLabel("“Partly upheld” means").inputValue()).toBe("partly_upheld");
    expect(await page.getByLabel("“Stage 1” means").inputValue()).toBe("");
    await page.getByLabel("“Stage 1” means").selectOption("early_resolution");
    await page.getByLabel("“Stage 2” means").selectOption("closer_look");
    await page.getByLabel("“Web” means").selectOption("online");
    await page.getByLabel("“Telephone” means").selectOption("phone");
    await screenshot(page, "mapping-1280");
    await expectNoAxeViolations(page, "the mapping page with a file chosen");

    // Saving without a name says so, linked to the field.
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toEqual(["Enter a name for the mapping"]);
    await expectNoAxeViolations(page, "the mapping page with an error");
    await page.getByLabel("Name for this mapping").fill("Casebook export");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect.poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain("Mapping “Casebook export” saved");
    await expect.poll(() => tableRows(page, "#mappings")).toEqual([["Casebook export", "6 columns", "7 codes", "Delete mapping “Casebook export”"]]);
    await page.getByText("What “Casebook export” matches").click();
    const matches = await tableRows(page, ".app-case-mapping__details .app-case-mapping__table");
    expect(matches).toEqual(expect.arrayContaining([["Case reference", "Reference"], ["Channel", "Contact method"], ["Stage", "Stage 1", "early_resolution"], ["Channel", "Web", "online"]]));
    await screenshot(page, "mapping-saved-1280");
    await expectNoAxeViolations(page, "the mapping page with a saved mapping open");

    // Back to the upload, with the mapping.
    await page.getByRole("link", { name: /^Upload your case file for / }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await upload(page, exportPath, "Casebook export");
    await expect.poll(() => page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);
    expect((await figureRow(page, "Complaints received"))[1]).toMatch(/^3:/);
    expect((await figureRow(page, "Closer look: complaints closed"))[1]).toMatch(/^1:/);
    await page.getByRole("link", { name: /the cases behind “Complaints received”/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Complaints received: 3");
    expect((await tableRows(page, "#figure-cases")).map((r) => r[0]).sort()).toEqual(["SYS-1", "SYS-2", "SYS-3"]);
    await context.close();
  });

  it("keeps the body's default timescales, and deletes a mapping", async () => {
    const { context, page } = await openCasesPage({ path: "/agency/DES-LIC1/cases/mapping" });
    await page.getByLabel("Early resolution").fill("none");
    await page.getByRole("button", { name: "Save timescales" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").getByRole("link").allTextContents()).toEqual(["Enter the early resolution timescale as a whole number of working days from 1 to 120"]);
    await page.getByLabel("Early resolution").fill("10");
    await page.getByRole("button", { name: "Save timescales" }).click();
    await expect.poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain("Default timescales saved");
    const overview = await queryFromPage<{ timescales: { earlyResolutionDays: number } }>(page, "cases.overview", { organisationCode: "DES-LIC1" });
    expect(overview.timescales.earlyResolutionDays).toBe(10);

    const mappings = await tableRows(page, "#mappings");
    if (mappings.length > 0) {
      await page.getByRole("button", { name: `Delete mapping “${mappings[0]![0]}”` }).click();
      await expect.poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain(`Mapping “${mappings[0]![0]}” deleted`);
    }
    await context.close();
  });

  it("lets the senior accountable officer read the settings but not change them or upload", async () => {
    const { context, page } = await openCasesPage({ email: "approver@demo.example" });
    expect(await page.locator("main").textContent()).toContain("Only your organisation's complaints team can compute the return from a case file.");
    expect(await page.getByLabel("Upload your case file").count()).toBe(0);
    await page.goto(`${fixtures.app.url}/agency/DES-LIC1/cases/mapping`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Case file settings");
    expect(await page.getByRole("button", { name: "Save mapping" }).count()).toBe(0);
    expect(await page.getByLabel("Early resolution").isDisabled()).toBe(true);
    await expectNoAxeViolations(page, "the mapping page for the approver");
    await context.close();
  });

  it("answers an unknown figure or quarter with Page not found", async () => {
    const { context, page } = await openCasesPage({ path: `${casesPath}/no_such_field` });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await page.goto(`${fixtures.app.url}/agency/DES-LIC1/returns/2026-27-q5/cases`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await context.close();
  });

  it("looks right at 1280 and 320 pixels wide: empty, with problems, with figures, and a figure's cases", async () => {
    for (const width of [1280, 320]) {
      const { context, page } = await openCasesPage({ width });
      await screenshot(page, `empty-${width}`);
      const d = weekdaysOf(quarter);
      await upload(page, file(`look-bad-${width}.csv`, [header, `BAD-1,${d[5]},,early_resolution,,${d[2]},,,upheld,,,online,,,,`].join("\r\n")));
      await expect.poll(() => page.locator(".govuk-error-summary").isVisible(), checked).toBe(true);
      await screenshot(page, `problems-${width}`);
      await upload(page, file(`look-good-${width}.csv`, goodCases(quarter)));
      await expect.poll(() => page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);
      await screenshot(page, `figures-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByRole("link", { name: /the cases behind “Complaints received”/ }).click();
      await expect.poll(() => page.locator("#figure-cases").isVisible()).toBe(true);
      await screenshot(page, `figure-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.goto(`${fixtures.app.url}/agency/DES-LIC1/cases/mapping`);
      await page.getByLabel("Choose an export from your case system").setInputFiles(file(`look-export-${width}.csv`, systemExport(quarter)));
      await expect.poll(() => page.locator("#column-case_ref").isVisible()).toBe(true);
      await screenshot(page, `mapping-${width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    }
  });
});

// The upload on PostgreSQL, in a copy of the seeded demo database: the pieces are kept in the
// database until the file is checked, and the cases stored, so both databases must take them.
describe("case import on PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl && !inCi)("uploads a file in pieces, computes the draft's figures and lists a figure's cases", async ({ postgresApp: pgApp, browser }) => {
    if (!testDatabaseUrl) throw new Error("CI is set but TEST_DATABASE_URL is not: the case import must also run on PostgreSQL in CI.");
    const work = mkdtempSync(join(tmpdir(), "agency-cases-pg-"));
    try {
      const { page } = await openSignedIn(browser, pgApp, "submitter@demo.example");
      const windows = await queryFromPage<{ period: string }[]>(page, "windows.list", { openOnly: true });
      const period = windows[0]!.period;
      const casesPath = `/agency/DES-LIC1/returns/${period.replace(" Q", "-q")}/cases`;
      // Over a megabyte, so it goes in three pieces; the five hand-checked cases first.
      const d = weekdaysOf(parsePeriodCode(period)!);
      const bulk = Array.from({ length: 15_000 }, (_, i) => `PG-${String(i).padStart(6, "0")},${d[0]},,early_resolution,,${d[3]},,,upheld,delay,,online,apology,,,`);
      const path = join(work, "cases.csv");
      writeFileSync(path, [goodCases(parsePeriodCode(period)!), ...bulk].join("\r\n"));
      await page.goto(`${pgApp.url}${casesPath}`);
      await page.getByLabel("Upload your case file").setInputFiles(path);
      await page.getByRole("button", { name: "Upload and compute the figures" }).click();
      // The demo's draft already has figures: the page asks before replacing them.
      await expect.poll(() => page.locator(".govuk-notification-banner--success, #confirm-replace").count(), checked).toBeGreaterThan(0);
      if (await page.locator("#confirm-replace").count()) await page.getByRole("button", { name: "Replace the figures" }).click();
      await expect.poll(() => page.locator(".govuk-notification-banner--success").isVisible(), checked).toBe(true);
      expect(await page.locator(".govuk-notification-banner--success").textContent()).toContain("15,005 cases read from “cases.csv”");
      const found = await queryFromPage<StoredReturn>(page, "returns.find", { organisationCode: "DES-LIC1", period });
      expect(found.values).toMatchObject({ received: 15_004, er_closed: 15_002, er_working_days_total: 10 + 15_000 * 3, cl_closed: 1, payments_total: 25_000 });
      await page.getByRole("link", { name: /the cases behind “Closer look: complaints closed”/ }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Closer look: complaints closed: 1");
      expect(await page.locator("#figure-cases tbody th").allTextContents()).toEqual(["CL-003"]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 400_000);
});
