import { readFileSync } from "node:fs";
import { expectNoAxeViolations, newPage, openSignedIn, signIn, type RunningApp } from "@complaints/e2e";
import { inCi, testDatabaseUrl } from "@complaints/e2e/env";
import type { Download, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it, type SignInAs } from "@complaints/e2e/fixtures";
import { focusedId, queryFromPage, screenshotsAtWidths, tabTo } from "@complaints/e2e/page";

/**
 * Where users get the board packs and the annual report section: the portal's reports page
 * (period, scope and format chosen in the address, a progress indicator while the pack is built, the
 * file saved) and the annual report section page, for the secretariat; nobody else's department.
 */
const dept = "DES";
const secretariat = "secretariat@demo.example";
const shots = "/tmp/reports";

/** Waits as long as a busy machine needs. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

async function expectHeading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect.poll(async () => ((await h1.count()) > 0 ? h1.first().textContent() : null), { timeout: 60_000 }).toBe(text);
}

const search = (page: Page) => new URL(page.url()).searchParams;

/** The department's latest quarter as the portal decides it: where /tracker sends you (`2026-27-q2`). */
async function latestQuarterAddress(page: Page, app: RunningApp): Promise<string> {
  await page.goto(`${app.url}/portal/${dept}/tracker`);
  await page.waitForURL(/\/tracker\/\d{4}-\d{2}-q[1-4]/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

const screenshots = (signedIn: SignInAs, path: string, name: string, ready: (page: Page) => Promise<void>) => screenshotsAtWidths(signedIn, secretariat, path, `${shots}-${name}`, ready);

/** The bytes of a download. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Chooses a format with the keyboard and downloads the pack, returning the downloads it caused. */
async function downloadPack(page: Page, formatId: string, expected: number): Promise<Download[]> {
  const downloads: Download[] = [];
  const listener = (d: Download) => void downloads.push(d);
  page.on("download", listener);
  await page.locator(`#${formatId}`).check();
  await page.locator("#pack-download").click();
  await poll(() => downloads.length).toBe(expected);
  await poll(() => page.locator("#pack-status").textContent()).toMatch(/^Downloaded /);
  page.off("download", listener);
  return downloads;
}

describe("board packs and the annual report section in the portal", { timeout: 300_000 }, () => {

  it("offers the pack for the latest quarter, and the whole form works with the keyboard alone, kept in the address", async ({ app, signedIn }) => {
    const { context, page } = await signedIn(secretariat, `/portal/${dept}/`);
    const latest = await latestQuarterAddress(page, app);
    await page.goto(`${app.url}/portal/${dept}/reports`);
    await expectHeading(page, "Board packs and reports");
    expect(await page.title()).toBe("Board packs and reports – Department portal");
    // "Reports" is in the navigation after "Learning", before the person's account and "Sign out", and marked as where you are.
    const nav = page.getByRole("navigation", { name: /menu|navigation/i });
    expect((await nav.getByRole("link").allTextContents()).slice(-4)).toEqual(["Learning", "Reports", "Your account: Sian Secretariat", "Sign out"]);
    expect(await nav.getByRole("link", { name: "Reports" }).getAttribute("aria-current")).toBe("page");
    // The defaults: the latest quarter, the whole department, ODS.
    await poll(() => page.locator("#period").inputValue()).toBe(latest);
    expect(await page.locator("#scope").isChecked()).toBe(true);
    expect(await page.locator("#format").isChecked()).toBe(true);
    expect(await page.locator("#body").isVisible()).toBe(false);
    // Each group of radios has its legend; the status is there before anything is built, to be announced.
    expect(await page.locator("fieldset legend").allTextContents()).toEqual(["What the pack covers", "Format"]);
    expect(await page.locator("#pack-status").getAttribute("aria-live")).toBe("polite");
    await expectNoAxeViolations(page, "the reports page");

    // Keyboard only: the period one quarter back, one body, the PDF.
    await tabTo(page, "period");
    await page.keyboard.press("ArrowDown");
    await poll(() => search(page).get("period")).not.toBe(null);
    const period = search(page).get("period")!;
    expect(period).not.toBe(latest);
    expect(period).toMatch(/^\d{4}-\d{2}(-q[1-4])?$/);
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("scope");
    await page.keyboard.press("ArrowDown");
    await poll(() => page.locator("#body").isVisible()).toBe(true);
    const firstBody = await page.locator("#body").inputValue();
    expect(firstBody).toMatch(/^DES-/);
    await poll(() => search(page).get("body")).toBe(firstBody);
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("body");
    await page.keyboard.press("ArrowDown");
    await poll(() => search(page).get("body")).not.toBe(firstBody);
    const body = search(page).get("body")!;
    expect(await page.locator("#body").inputValue()).toBe(body);
    await tabTo(page, "format", 5);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await focusedId(page)).toBe("format-3");
    await poll(() => search(page).get("format")).toBe("pdf");
    await page.keyboard.press("Tab");
    expect(await focusedId(page)).toBe("pack-download");
    expect(await page.locator("#pack-download").textContent()).toBe("Download the board pack");

    // The address is the choice: opened again, the form shows it.
    const address = page.url();
    expect(new URL(address).search).toBe(`?period=${period}&body=${body}&format=pdf`);
    await page.goto(address);
    await poll(() => page.locator("#period").inputValue()).toBe(period);
    expect(await page.locator("#scope-2").isChecked()).toBe(true);
    await poll(() => page.locator("#body").inputValue()).toBe(body);
    expect(await page.locator("#format-3").isChecked()).toBe(true);
    // The annual report link follows the period's financial year.
    expect(await page.getByRole("link", { name: /^Annual report complaints section, / }).getAttribute("href")).toBe(`/portal/${dept}/annual-report/${period.slice(0, 7)}`);
    expect(await page.getByRole("link", { name: `Published learning for ${(await page.locator(".govuk-caption-l").textContent())!}` }).getAttribute("href")).toBe(`/published/${dept}/learning`);
    expect(await page.getByRole("link", { name: "The same learning as CSV" }).getAttribute("href")).toBe(`/published/${dept}/learning.csv`);
    // Both public: they answer without the session too.
    for (const path of [`/published/${dept}/learning`, `/published/${dept}/learning.csv`]) expect((await fetch(`${app.url}${path}`)).status, path).toBe(200);
    // Back to the whole department with the keyboard: the body leaves the address.
    await tabTo(page, "scope-2");
    await page.keyboard.press("ArrowUp");
    await poll(() => search(page).has("body")).toBe(false);
    await context.close();
  });

  it("keeps 'One body' when it is chosen before the bodies have loaded, says they are loading, then offers them", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    // The department's bodies (organisations.list, perhaps batched with other queries) held back until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/trpc/*organisations.list*", async (route) => {
      await held;
      await route.continue();
    });
    await signIn(page, app, secretariat, `/portal/${dept}/reports`);
    await expectHeading(page, "Board packs and reports");
    await poll(() => page.locator("#scope-2").isVisible()).toBe(true);
    await page.locator("#scope-2").check();
    // The choice stays, and says why there is no list yet (before the fix the radio went back to the department, silently).
    expect(await page.locator("#scope-2").isChecked()).toBe(true);
    await poll(() => page.locator("#body-loading").textContent()).toBe("Loading the department’s bodies…");
    expect(await page.locator("#body-loading").getAttribute("role")).toBe("status");
    expect(await page.locator("#body").count()).toBe(0);
    await expectNoAxeViolations(page, "the reports page while the bodies load");
    release();
    await poll(() => page.locator("#body").isVisible()).toBe(true);
    const first = await page.locator("#body").inputValue();
    expect(first).toMatch(/^DES-/);
    await poll(() => search(page).get("body")).toBe(first);
    expect(await page.locator("#scope-2").isChecked()).toBe(true);
    expect(await page.locator("#body-loading").count()).toBe(0);
    await context.close();
  });

  it("shows progress while the pack is built, with the button busy but focusable, and one build at a time", async ({ signedIn }) => {
    const { context, page } = await signedIn(secretariat, `/portal/${dept}/reports?format=ods`);
    await expectHeading(page, "Board packs and reports");
    // Answers held back a moment (the network, not our code), so the build's state can be seen.
    const asked: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/trpc/reports.pack*", async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    await tabTo(page, "pack-download");
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#pack-status").textContent()).toBe("Building the board pack… this can take a few seconds");
    expect(await page.locator("#pack-download").getAttribute("aria-disabled")).toBe("true");
    // Not the disabled attribute, which would take it out of the tab order and drop focus.
    expect(await page.locator("#pack-download").evaluate((b: HTMLButtonElement) => b.disabled)).toBe(false);
    expect(await focusedId(page)).toBe("pack-download");
    expect(await page.locator("progress.app-pack-progress").isVisible()).toBe(true);
    await expectNoAxeViolations(page, "the reports page while a pack is built");
    await page.locator("#pack-download").screenshot({ path: `${shots}-building.png` });
    await page.locator(".app-pack-status").screenshot({ path: `${shots}-building-status.png` });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    expect(asked).toHaveLength(1);
    release();
    // Finished (a file or an error): the button is itself again and the bar gone.
    await poll(() => page.locator("#pack-download").getAttribute("aria-disabled")).toBe(null);
    expect(await page.locator("progress").count()).toBe(0);
    expect(asked).toHaveLength(1);
    await context.close();
  });

  it("says what went wrong in an error summary that takes focus, and saves nothing", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    // A body that is not the department's: the API refuses it.
    await signIn(page, app, secretariat, `/portal/${dept}/reports?body=MSA-NOPE&format=xlsx`);
    await expectHeading(page, "Board packs and reports");
    let downloads = 0;
    page.on("download", () => void (downloads += 1));
    await tabTo(page, "pack-download");
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await poll(() => summary.count()).toBe(1);
    expect(await summary.getByRole("heading").textContent()).toBe("There is a problem");
    expect(await summary.locator("li").textContent()).toMatch(/^The board pack could not be made: \S.+/);
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toBe("Error: Board packs and reports – Department portal");
    expect(await page.locator("#pack-status").textContent()).toBe("The board pack could not be made.");
    await expectNoAxeViolations(page, "the reports page with an error");

    // A failed connection says so too, and the summary takes focus again.
    await page.route("**/trpc/reports.pack*", (route) => route.abort("connectionrefused"));
    await page.locator("#format").check();
    await page.locator("#pack-download").focus();
    await page.keyboard.press("Enter");
    await poll(() => summary.locator("li").textContent()).toBe("The board pack could not be made: The service could not be reached. Check your connection and try again.");
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(downloads).toBe(0);
    await context.close();
  });

  it("downloads the pack in each format: ODS and XLSX zips, a PDF, and the CSV with its CSVW metadata", async ({ signedIn }) => {
    const { context, page } = await signedIn(secretariat, `/portal/${dept}/reports`);
    await expectHeading(page, "Board packs and reports");
    const [ods] = await downloadPack(page, "format", 1);
    const odsBytes = await bytesOf(ods!);
    expect(ods!.suggestedFilename()).toMatch(/\.ods$/);
    // ODF 1.3 Part 2 section 3.3: a zip whose first entry is "mimetype", stored, holding the type.
    expect(odsBytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(odsBytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(odsBytes.subarray(38, 38 + 46).toString("latin1")).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(await page.locator("#pack-status").textContent()).toBe(`Downloaded ${ods!.suggestedFilename()} (${Math.max(1, Math.round(odsBytes.length / 1024)).toLocaleString("en-GB")} KB)`);

    const [xlsx] = await downloadPack(page, "format-2", 1);
    expect(xlsx!.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await bytesOf(xlsx!)).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

    const [pdf] = await downloadPack(page, "format-3", 1);
    expect(pdf!.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await bytesOf(pdf!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const files = await downloadPack(page, "format-4", 2);
    const names = files.map((f) => f.suggestedFilename()).sort();
    expect(names[0]).toMatch(/\.csv$/);
    // The metadata names the CSV it describes (CSVW: the table's "url").
    const metadata = JSON.parse((await bytesOf(files.find((f) => !f.suggestedFilename().endsWith(".csv"))!)).toString("utf8")) as Record<string, unknown>;
    expect(JSON.stringify(metadata)).toContain(names[0]);
    expect((await bytesOf(files.find((f) => f.suggestedFilename().endsWith(".csv"))!)).toString("utf8").split("\n").length).toBeGreaterThan(2);
    expect(await page.locator("#pack-status").textContent()).toMatch(/^Downloaded \S+ \(\d[\d,]* KB\) and \S+ \(\d[\d,]* KB\)$/);
    expect(search(page).get("format")).toBe("csv");
    await context.close();
  });

  it("shows the annual report section for a year, to copy or save, with the years either side", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, app, secretariat, `/portal/${dept}/annual-report/2025-26`);
    await expectHeading(page, "Annual report complaints section, 2025-26");
    expect(await page.getByRole("link", { name: "Previous year: financial year 2024-25 (Apr 2024 to Mar 2025)" }).getAttribute("href")).toBe(`/portal/${dept}/annual-report/2024-25`);
    expect(await page.getByRole("link", { name: /^Next year: financial year 2026-27/ }).getAttribute("href")).toBe(`/portal/${dept}/annual-report/2026-27`);
    expect(await page.getByRole("navigation", { name: /menu|navigation/i }).getByRole("link", { name: "Reports" }).getAttribute("aria-current")).toBe("true");
    // The years either side are a navigation landmark with links in it (never an empty one).
    const otherYears = page.getByRole("navigation", { name: "Other years" });
    expect(await otherYears.getByRole("link").count()).toBe(2);
    const api = await queryFromPage<{ html: string; document: string; text: string; fileName: string; departmentName: string }>(page, "reports.annualReport", { departmentCode: dept, financialYear: "2025-26" });
    await poll(() => page.locator("#annual-report-section").count()).toBe(1);
    expect(await page.locator("#annual-report-section").innerHTML()).toBe(api.html);
    await expectNoAxeViolations(page, "the annual report section");

    // Copy, with the keyboard.
    await tabTo(page, "copy-text");
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#copy-status").textContent()).toBe("Copied the section as plain text. Paste it into your annual report.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(api.text);

    const html = page.waitForEvent("download");
    await page.locator("#download-html").click();
    const htmlFile = await html;
    expect(htmlFile.suggestedFilename()).toMatch(/\.html$/);
    const saved = (await bytesOf(htmlFile)).toString("utf8");
    expect(saved).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(saved).toContain(api.html.trim());
    // The API's document: the same the command line's `annual-report --out x.html` writes.
    expect(saved).toBe(api.document);
    expect(saved).toContain(`<title>Complaints: annual report section 2025-26, ${api.departmentName}</title>`);
    const text = page.waitForEvent("download");
    await page.locator("#download-text").click();
    const textFile = await text;
    expect(textFile.suggestedFilename()).toMatch(/\.txt$/);
    expect((await bytesOf(textFile)).toString("utf8")).toBe(api.text);
    await context.close();
  });

  it("selects the text to copy by hand when the browser refuses the clipboard", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    // A browser that refuses (no permission, or not a secure context): the Clipboard API rejects.
    await context.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } });
    });
    await signIn(page, app, secretariat, `/portal/${dept}/annual-report/2025-26`);
    const api = await queryFromPage<{ text: string }>(page, "reports.annualReport", { departmentCode: dept, financialYear: "2025-26" });
    await tabTo(page, "copy-text");
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#copy-status").textContent()).toMatch(/^This browser did not let the page copy\. The text is selected in the box below/);
    expect(await focusedId(page)).toBe("section-text");
    expect(await page.locator("#section-text").inputValue()).toBe(api.text);
    expect(await page.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLTextAreaElement).value.slice((document.activeElement as HTMLTextAreaElement).selectionStart, (document.activeElement as HTMLTextAreaElement).selectionEnd))).toBe(api.text);
    await expectNoAxeViolations(page, "the annual report section with the text to copy");
    await context.close();
  });

  it("says what went wrong when the section cannot be made, and 'Page not found' for a year that is not one", async ({ app, signedIn }) => {
    const { context, page } = await signedIn(secretariat, `/portal/${dept}/annual-report/2025-26`);
    await expectHeading(page, "Annual report complaints section, 2025-26");
    // The connection fails (the network, not our code) for the next year's section.
    await page.route("**/trpc/reports.annualReport*", (route) => route.abort("connectionrefused"));
    await page.getByRole("link", { name: /^Previous year: / }).click();
    await expectHeading(page, "Annual report complaints section, 2024-25");
    const summary = page.locator(".govuk-error-summary");
    await poll(() => summary.locator("li").textContent()).toBe("The annual report section cannot be shown: The service could not be reached. Check your connection and try again.");
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toBe("Error: Annual report complaints section, 2024-25 – Department portal");
    await page.unroute("**/trpc/reports.annualReport*");
    for (const year of ["2025-27", "2025-26-q1", "25-26", "nonsense"]) {
      await page.goto(`${app.url}/portal/${dept}/annual-report/${year}`);
      await expectHeading(page, "Page not found");
    }
    await context.close();
  });

  it("gives another department's user, or a body's, no access", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight.msa@demo.example", `/portal/${dept}/reports`);
    await expectHeading(page, "You do not have access");
    expect(await page.locator("main form, main #pack-download").count()).toBe(0);
    await page.goto(`${app.url}/portal/${dept}/annual-report/2025-26`);
    await expectHeading(page, "You do not have access");
    expect(await page.locator("#annual-report-section").count()).toBe(0);
    await context.close();
    // Nor a body's user, whose app is the agency app.
    const body = await signedIn("submitter@demo.example", `/portal/${dept}/reports`);
    await expectHeading(body.page, "You do not have access");
    expect(await body.page.locator("main form").count()).toBe(0);
    await body.context.close();
  });

  it("fits 1280 and 320 px screens (screenshots)", async ({ signedIn }) => {
    await screenshots(signedIn, `/portal/${dept}/reports?body=DES-LIC1&format=csv`, "reports", async (page) => {
      await expectHeading(page, "Board packs and reports");
      await poll(() => page.locator("#body").inputValue()).toBe("DES-LIC1");
      // With the files saved, so the status and the links to save them again are in the picture.
      await page.locator("#pack-download").click();
      await poll(() => page.locator("#pack-status").textContent()).toMatch(/^Downloaded /);
    });
    await screenshots(signedIn, `/portal/${dept}/annual-report/2025-26`, "annual-report", async (page) => {
      await expectHeading(page, "Annual report complaints section, 2025-26");
      await poll(() => page.locator("#annual-report-section, .govuk-error-summary").count()).toBe(1);
    });
  });
});

// The download on PostgreSQL, in a copy of the seeded demo database (as the review journey does).
describe("a board pack from PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl && !inCi)("downloads the ODS pack", async ({ postgresApp: pgApp, browser }) => {
    if (!testDatabaseUrl) throw new Error("CI is set but TEST_DATABASE_URL is not: the board pack download must also run on PostgreSQL in CI.");
    const { context, page } = await openSignedIn(browser, pgApp, secretariat, `/portal/${dept}/reports?format=ods`);
    await expectHeading(page, "Board packs and reports");
    const [ods] = await downloadPack(page, "format", 1);
    const bytes = await bytesOf(ods!);
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    await context.close();
  }, 400_000);
});
