import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { fileFixtures, it } from "@complaints/e2e/fixtures";
import { focusedId, mutateFromPage, queryFromPage, tabTo, tabToText } from "@complaints/e2e/page";
import { expectNoAxeViolations } from "./harness.ts";

/** Screenshots of the task list and a section, at desktop and the narrowest phone width, for a person to look at. */
const shots = join(tmpdir(), "agency-return-form-screenshots");

interface Revision {
  returnId: string;
  version: number;
  status: string;
  values: Record<string, number | string>;
  notes: Record<string, string>;
  explanations: Record<string, string>;
}

const addressOf = (period: string) => period.replace(" Q", "-q");

async function statusOf(page: Page, sectionTitle: string): Promise<string> {
  const item = page.locator(".govuk-task-list__item", { has: page.getByRole("link", { name: sectionTitle, exact: true }) });
  return (await item.locator(".govuk-task-list__status").textContent())?.trim() ?? "";
}

describe("the return form", { timeout: 180_000 }, () => {
  const fixtures = fileFixtures();
  let period: string;
  let previousPeriod: string;
  let base: string;
  let submitter: Page;
  let original: Revision;

  it.beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ page: submitter } = await fixtures.signIn("submitter@demo.example"));
    const windows = await queryFromPage<{ period: string; open: boolean }[]>(submitter, "windows.list", {});
    period = windows.find((w) => w.open)!.period;
    previousPeriod = windows.find((w) => !w.open)!.period;
    base = `${fixtures.app.url}/agency/DES-LIC1/returns/${addressOf(period)}`;
    original = (await queryFromPage<Revision>(submitter, "returns.find", { organisationCode: "DES-LIC1", period }))!;
  }, 120_000);

  it("shows the return as a task list, one task per section with its status, and links to check, history and upload", async () => {
    await submitter.goto(`${base}/`);
    await expect.poll(() => submitter.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Complaints return for [A-Z][a-z]{2} to [A-Z][a-z]{2} \d{4}$/);
    const links = submitter.locator(".govuk-task-list__link");
    expect(await links.count()).toBe(11);
    expect(await links.first().getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/flow`);
    for (const status of await submitter.locator(".govuk-task-list__status").allTextContents()) {
      expect(["Completed", "In progress", "Not yet started", "Has errors"]).toContain(status.trim());
    }
    expect(await submitter.getByRole("link", { name: "Check your answers and submit" }).getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/check`);
    expect(await submitter.getByRole("link", { name: "History of this return" }).getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/history`);
    expect(await submitter.getByRole("link", { name: /spreadsheet/ }).getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/upload`);
    await expectNoAxeViolations(submitter, "the task list");
    await submitter.screenshot({ path: join(shots, "task-list-1280.png"), fullPage: true });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await submitter.screenshot({ path: join(shots, "task-list-320.png"), fullPage: true });
    await submitter.setViewportSize({ width: 1280, height: 900 });

    // A task opens its section inside the app.
    await submitter.getByRole("link", { name: "Complaints received and open", exact: true }).click();
    await submitter.waitForURL(`${base}/flow`);
  });

  it("shows a section's form: each input's id and name its field id, labelled, with hint and unit", async () => {
    await submitter.goto(`${base}/flow`);
    const received = submitter.getByLabel("Complaints received", { exact: true });
    await expect.poll(() => received.getAttribute("id")).toBe("received");
    expect(await received.getAttribute("name")).toBe("received");
    expect(await received.getAttribute("inputmode")).toBe("numeric");
    expect(await received.inputValue()).toBe(String(original.values.received));
    expect(await submitter.locator("#brought_forward-hint").textContent()).toContain("Filled in from last quarter's return");
    expect(await submitter.locator(".govuk-form-group", { has: received }).locator(".govuk-input__suffix").textContent()).toBe("complaints");
    await expect.poll(() => submitter.title()).toMatch(/^Complaints received and open – /);
    // The flow balance, worked out as the user types, from the template's rule.
    await received.fill(String(Number(original.values.received) + 10));
    await expect.poll(() => submitter.locator(".app-derived-figures").textContent()).toContain(String(Number(original.values.carried_forward) + 10));
    await received.fill(String(original.values.received));
    await expectNoAxeViolations(submitter, "a section page");
    await submitter.screenshot({ path: join(shots, "section-1280.png"), fullPage: true });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await submitter.screenshot({ path: join(shots, "section-320.png"), fullPage: true });
    await submitter.setViewportSize({ width: 1280, height: 900 });
    // Typed back to the figure saved, there is nothing to save: the status never says "Saving".
    await expect.poll(() => submitter.getByRole("status").filter({ hasText: /Saving|Not saved/ }).count()).toBe(0);
  });

  it("completes a section with the keyboard alone, and its status becomes Completed", async () => {
    const { withdrawn: _w, carried_forward: _c, ...partial } = original.values;
    const now = (await queryFromPage<Revision>(submitter, "returns.find", { organisationCode: "DES-LIC1", period }))!;
    await mutateFromPage(submitter, "returns.save", { returnId: now.returnId, expectedVersion: now.version, values: partial, notes: now.notes, explanations: {} });
    await submitter.goto(`${base}/`);
    await expect.poll(() => statusOf(submitter, "Complaints received and open")).toBe("In progress");

    await submitter.goto(`${base}/flow`);
    await submitter.getByLabel("Complaints withdrawn").waitFor();
    await tabTo(submitter, "withdrawn");
    await submitter.keyboard.type(String(original.values.withdrawn));
    await tabTo(submitter, "carried_forward");
    await submitter.keyboard.type(String(original.values.carried_forward));
    await tabToText(submitter, "Save and continue");
    await submitter.keyboard.press("Enter");
    await submitter.waitForURL(`${base}/stages`);

    await submitter.goto(`${base}/`);
    await expect.poll(() => statusOf(submitter, "Complaints received and open")).toBe("Completed");
  });

  it("shows errors in the summary and beside the fields; a summary link moves focus to its field", async () => {
    await submitter.goto(`${base}/flow`);
    await submitter.getByLabel("Complaints withdrawn").fill("five");
    // A required figure left blank is an error of this section alone (a flow that does not balance
    // also needs the stages' figures, so it no longer stops this section: see the cross-section test).
    await submitter.getByLabel("Open at the end of the quarter").fill("");
    await submitter.getByRole("button", { name: "Save and continue" }).click();
    const summary = submitter.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.locator("h2").textContent()).toBe("There is a problem");
    await expect.poll(() => submitter.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expect.poll(() => submitter.title()).toMatch(/^Error: Complaints received and open/);
    expect(new URL(submitter.url()).pathname).toMatch(/\/flow$/);
    const links = summary.getByRole("link");
    expect(await links.count()).toBe(2);
    expect(await links.first().textContent()).toContain("Complaints withdrawn");
    expect(await links.nth(1).textContent()).toContain("Enter ‘Open at the end of the quarter’");
    expect(await submitter.locator("#withdrawn-error").textContent()).toContain("expected a whole number");
    expect(await submitter.locator("#carried_forward-error").textContent()).toContain("Enter ‘Open at the end of the quarter’");
    expect(await submitter.getByLabel("Complaints withdrawn").getAttribute("aria-describedby")).toContain("withdrawn-error");
    await expectNoAxeViolations(submitter, "a section page with errors");
    await submitter.screenshot({ path: join(shots, "section-errors-1280.png"), fullPage: true });

    await links.nth(1).click();
    expect(await focusedId(submitter)).toBe("carried_forward");
    await links.first().click();
    expect(await focusedId(submitter)).toBe("withdrawn");

    // Fixed, the section saves and moves on.
    await submitter.getByLabel("Complaints withdrawn").fill(String(original.values.withdrawn));
    await submitter.getByLabel("Open at the end of the quarter").fill(String(original.values.carried_forward));
    await submitter.getByRole("button", { name: "Save and continue" }).click();
    await submitter.waitForURL(`${base}/stages`);
    await expect.poll(() => submitter.title()).toMatch(/^Early resolution and closer look – /);
  });

  it("asks a date with the GOV.UK date input by keyboard: a half-typed date is kept and named, and the check page shows it in words", async () => {
    const label = "Date senior leaders last reviewed complaints data";
    await submitter.goto(`${base}/assurance`);
    const part = (p: string) => submitter.locator(`#board_review_date-${p}`);
    await part("day").waitFor();
    expect(await submitter.locator("fieldset:has(#board_review_date) > legend").textContent()).toBe(label);
    // Day, month and year, each typed over what is there; the month left out.
    await tabTo(submitter, "board_review_date-day");
    await submitter.keyboard.press("ControlOrMeta+a");
    await submitter.keyboard.type("15");
    await submitter.keyboard.press("Tab");
    expect(await focusedId(submitter)).toBe("board_review_date-month");
    await submitter.keyboard.press("ControlOrMeta+a");
    await submitter.keyboard.press("Backspace");
    await submitter.keyboard.press("Tab");
    expect(await focusedId(submitter)).toBe("board_review_date-year");
    await submitter.keyboard.press("ControlOrMeta+a");
    await submitter.keyboard.type("2026");
    await tabToText(submitter, "Save and continue");
    await submitter.keyboard.press("Enter");

    // The GOV.UK date input's error: what is missing, only that field highlighted, the link to it.
    const summary = submitter.locator(".govuk-error-summary");
    await expect.poll(() => summary.getByRole("link").allTextContents()).toEqual([`${label} must include a month`]);
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#board_review_date-month");
    expect(await submitter.locator("#board_review_date-error").textContent()).toBe(`Error: ${label} must include a month`);
    expect(await part("month").getAttribute("class")).toContain("govuk-input--error");
    expect(await part("day").getAttribute("class")).not.toContain("govuk-input--error");
    expect(await part("year").getAttribute("class")).not.toContain("govuk-input--error");
    expect(await submitter.locator("fieldset:has(#board_review_date-day)").getAttribute("aria-describedby")).toContain("board_review_date-error");
    await expectNoAxeViolations(submitter, "a section with a date input in error");
    const dateField = submitter.locator(".app-field", { has: part("day") });
    await dateField.screenshot({ path: join(shots, "date-field-error-1280.png") });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await dateField.screenshot({ path: join(shots, "date-field-error-320.png") });
    expect(await submitter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await submitter.setViewportSize({ width: 1280, height: 900 });
    await summary.getByRole("link").click();
    expect(await focusedId(submitter)).toBe("board_review_date-month");

    // Half-typed, it was kept in the browser, not sent: a reload shows it as typed.
    await submitter.reload();
    await part("day").waitFor();
    expect([await part("day").inputValue(), await part("month").inputValue(), await part("year").inputValue()]).toEqual(["15", "", "2026"]);
    expect(await submitter.locator("#board_review_date-error").textContent()).toContain("must include a month");

    await part("month").focus();
    await submitter.keyboard.type("9");
    await tabToText(submitter, "Save and continue");
    await submitter.keyboard.press("Enter");
    await expect.poll(() => new URL(submitter.url()).pathname).not.toMatch(/\/assurance$/);
    await expect.poll(async () => (await queryFromPage<Revision>(submitter, "returns.find", { organisationCode: "DES-LIC1", period })).values.board_review_date).toBe("2026-09-15");
    await submitter.goto(`${base}/assurance`);
    await part("day").waitFor();
    await dateField.screenshot({ path: join(shots, "date-field-1280.png") });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await dateField.screenshot({ path: join(shots, "date-field-320.png") });
    await submitter.setViewportSize({ width: 1280, height: 900 });

    await submitter.goto(`${base}/check`);
    const row = submitter.locator(".govuk-summary-list__row", { has: submitter.locator(".govuk-summary-list__key", { hasText: label }) });
    await expect.poll(() => row.locator(".app-answer").textContent()).toBe("15 September 2026");
    await expectNoAxeViolations(submitter, "check your answers with a date");
  });

  it("does not stop a section for a cross-section rule: it shows on the task list and check page, linking to each section involved", async () => {
    await submitter.goto(`${base}/breakdowns`);
    const online = submitter.locator('[id="received_by_channel.online"]');
    await online.waitFor();
    const before = await online.inputValue();
    // Channels that no longer add up to complaints received, a figure in another section.
    await online.fill(String(Number(before || 0) + 7));
    await submitter.getByRole("button", { name: "Save and continue" }).click();
    await submitter.waitForURL(`${base}/remedies`);
    expect(await submitter.locator(".govuk-error-summary").count()).toBe(0);

    await submitter.goto(`${base}/`);
    await expect.poll(() => statusOf(submitter, "Service areas and channels")).toBe("Has errors");
    expect(await statusOf(submitter, "Complaints received and open")).toBe("Has errors");
    const summary = submitter.locator(".govuk-error-summary");
    expect(await summary.textContent()).toContain("‘Complaints received by channel’ adds up to");
    const item = summary.locator("li", { hasText: "Complaints received by channel" });
    expect(await item.getByRole("link").allTextContents()).toEqual(["Complaints received and open", "Service areas and channels"]);
    expect(await item.getByRole("link", { name: "Complaints received and open" }).getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/flow#received`);
    expect(await item.getByRole("link", { name: "Service areas and channels" }).getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/breakdowns#received_by_channel.online`);
    await expectNoAxeViolations(submitter, "the task list with an error that spans sections");
    await submitter.screenshot({ path: join(shots, "task-list-cross-section-1280.png"), fullPage: true });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await submitter.screenshot({ path: join(shots, "task-list-cross-section-320.png"), fullPage: true });
    await submitter.setViewportSize({ width: 1280, height: 900 });

    // Submitting stays blocked: the check page lists it with the same links, and offers no "Submit return".
    await submitter.goto(`${base}/check`);
    const checkItem = submitter.locator(".govuk-error-summary li", { hasText: "Complaints received by channel" });
    await checkItem.waitFor();
    expect(await checkItem.getByRole("link").allTextContents()).toEqual(["Complaints received and open", "Service areas and channels"]);
    expect(await submitter.getByRole("button", { name: "Submit return" }).count()).toBe(0);
    await expectNoAxeViolations(submitter, "check your answers with an error that spans sections");
    await submitter.screenshot({ path: join(shots, "check-cross-section-1280.png") });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await submitter.screenshot({ path: join(shots, "check-cross-section-320.png") });
    await submitter.setViewportSize({ width: 1280, height: 900 });

    // With the keyboard, a section's link opens it at the figure.
    await submitter.goto(`${base}/`);
    await summary.waitFor();
    await tabToText(submitter, "Service areas and channels");
    await submitter.keyboard.press("Enter");
    await submitter.waitForURL(`${base}/breakdowns#received_by_channel.online`);
    await online.fill(before);
    await submitter.getByRole("link", { name: "Return to task list" }).click();
    await submitter.waitForURL(`${base}/`);
    await expect.poll(() => statusOf(submitter, "Service areas and channels")).not.toBe("Has errors");
  });

  /**
   * Opens the flow section and raises received and open at the end by 5,000 each, more than the
   * themes account for: the themes warning's explanation box appears, and is given back.
   */
  async function raiseThemesWarning() {
    await submitter.goto(`${base}/flow`);
    const more = (id: string) => String(Number(original.values[id]) + 5000);
    await submitter.getByLabel("Complaints received", { exact: true }).fill(more("received"));
    await submitter.getByLabel("Open at the end of the quarter").fill(more("carried_forward"));
    const explanation = submitter.locator("#explanation-themes_cover_received");
    await explanation.waitFor();
    return explanation;
  }

  it("asks for an explanation beside a warning, and saves what is typed", async () => {
    const explanation = await raiseThemesWarning();
    expect(await submitter.locator("#warning-themes_cover_received").textContent()).toContain("fewer than the");
    await explanation.fill("A campaign brought in many complaints we had not yet coded by theme.");
    await expect.poll(async () => (await queryFromPage<Revision>(submitter, "returns.find", { organisationCode: "DES-LIC1", period })).explanations.themes_cover_received, { timeout: 10_000 }).toBe(
      "A campaign brought in many complaints we had not yet coded by theme.",
    );
    await expectNoAxeViolations(submitter, "a section page with warnings");
  });

  it("stops a save that finds new warnings: a summary at the top links to each figure, its explanation box beneath it, and Continue anyway moves on", async () => {
    const explanation = await raiseThemesWarning();
    await explanation.fill("");
    // The box is directly beneath the figure it flags.
    expect(await submitter.evaluate(() => document.getElementById("received")?.closest(".app-field")?.nextElementSibling?.querySelector("textarea")?.id)).toBe("explanation-themes_cover_received");

    await submitter.getByRole("button", { name: "Save and continue" }).click();
    const summary = submitter.locator("#warning-summary");
    await summary.waitFor();
    expect(new URL(submitter.url()).pathname).toMatch(/\/flow$/);
    await expect.poll(() => focusedId(submitter)).toBe("warning-summary");
    expect(await summary.getAttribute("class")).toBe("govuk-notification-banner");
    expect(await summary.getAttribute("role")).toBe("region");
    expect(await summary.locator(".govuk-notification-banner__title").textContent()).toBe("Check these figures");
    expect(await submitter.locator(".govuk-error-summary").count()).toBe(0);
    expect(await submitter.title()).not.toMatch(/^Error:/);
    // Every unexplained warning on the section's figures, the body's history included (5,000 more
    // complaints than usual); each links to its figure.
    const links = summary.getByRole("link");
    expect((await links.allTextContents()).map((t) => t.trim()).sort()).toEqual(
      (await submitter.locator("form .app-warning .govuk-warning-text__text").allTextContents()).map((t) => t.replace(/^Warning/, "").trim()).sort(),
    );
    expect(await links.count()).toBeGreaterThan(1);
    const link = links.filter({ hasText: "fewer than the" });
    expect(await link.getAttribute("href")).toBe("#received");
    await expectNoAxeViolations(submitter, "a section page with the warnings summary");
    await submitter.screenshot({ path: join(shots, "section-warnings-1280.png"), fullPage: true });
    await submitter.setViewportSize({ width: 320, height: 900 });
    await submitter.screenshot({ path: join(shots, "section-warnings-320.png"), fullPage: true });
    await submitter.setViewportSize({ width: 1280, height: 900 });

    // The link moves focus to its figure; with the keyboard alone, "Continue anyway" moves on.
    await link.click();
    expect(await focusedId(submitter)).toBe("received");
    await summary.getByRole("button", { name: "Continue anyway" }).focus();
    await submitter.keyboard.press("Enter");
    await submitter.waitForURL(`${base}/stages`);

    // Back again, the warning is still unexplained: the save stops again; explained, it moves on.
    await submitter.goto(`${base}/flow`);
    await explanation.waitFor();
    await submitter.getByRole("button", { name: "Save and continue" }).click();
    await summary.waitFor();
    await tabTo(submitter, "explanation-themes_cover_received");
    await submitter.keyboard.type("A campaign brought in many complaints we had not yet coded by theme.");
    await tabToText(submitter, "Save and continue");
    await submitter.keyboard.press("Enter");
    await submitter.waitForURL(`${base}/stages`);

    // "Explain" on check your answers moves focus to the explanation box.
    await explanation.waitFor({ state: "detached" });
    await submitter.goto(`${base}/check`);
    const explain = submitter.locator("section[aria-labelledby=warnings-heading] .govuk-summary-list__row", { hasText: "fewer than the" }).getByRole("link");
    expect(await explain.getAttribute("href")).toBe(`/agency/DES-LIC1/returns/${addressOf(period)}/flow#explanation-themes_cover_received`);
    await explain.click();
    await submitter.waitForURL(`${base}/flow#explanation-themes_cover_received`);
    await expect.poll(() => focusedId(submitter)).toBe("explanation-themes_cover_received");
  });

  it("shows a return that is not a draft read-only", async () => {
    const page = `${fixtures.app.url}/agency/DES-LIC1/returns/${addressOf(previousPeriod)}`;
    await submitter.goto(`${page}/`);
    await expect.poll(() => submitter.locator(".govuk-inset-text").textContent()).toContain("You can read it, but not change it");
    expect(await submitter.getByRole("link", { name: /spreadsheet/ }).count()).toBe(0);
    await submitter.goto(`${page}/flow`);
    const received = submitter.getByLabel("Complaints received", { exact: true });
    await received.waitFor();
    expect(await received.getAttribute("readonly")).not.toBeNull();
    expect(await submitter.getByRole("button", { name: "Save and continue" }).count()).toBe(0);
  });

  it("tells a body's user they have no access to another body's return, showing none of its figures", async () => {
    await submitter.goto(`${fixtures.app.url}/agency/DES-REC2/returns/${addressOf(period)}/`);
    await expect.poll(() => submitter.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    expect(await submitter.locator("input, textarea, .govuk-task-list").count()).toBe(0);
    await submitter.goto(`${fixtures.app.url}/agency/DES-REC2/returns/${addressOf(period)}/flow`);
    await expect.poll(() => submitter.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    expect(await submitter.locator("input").count()).toBe(0);
  });

  it("answers an address that is not a quarter or a section with Page not found", async () => {
    for (const path of ["/agency/DES-LIC1/returns/2026-Q2/", `/agency/DES-LIC1/returns/${addressOf(period)}/no-such-section`]) {
      await submitter.goto(`${fixtures.app.url}${path}`);
      await expect.poll(() => submitter.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    }
  });

  it("starts a new quarter's return and lists special payments with add another and remove", async () => {
    // A body that has not started the open quarter, from the department's tracker.
    const { page: oversight, context: oversightContext } = await fixtures.signIn("oversight@demo.example");
    const tracker = await queryFromPage<{ rows: { organisationCode: string; status: string }[] }>(oversight, "tracker.forPeriod", { departmentCode: "DES", period });
    await oversightContext.close();
    const code = tracker.rows.find((r) => r.status === "not started")!.organisationCode;

    const { page, context } = await fixtures.signIn(`team.${code.toLowerCase()}@demo.example`);
    const body = `${fixtures.app.url}/agency/${code}/returns/${addressOf(period)}`;
    await page.goto(`${body}/`);
    await page.getByRole("button", { name: "Start this return" }).click();
    await expect.poll(() => page.locator(".govuk-task-list__link").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "a new return's task list");

    await page.goto(`${body}/remedies`);
    await page.getByRole("button", { name: "Add a special payment" }).click();
    await expect.poll(() => focusedId(page)).toBe("special_payments.1.amount");
    const item = (n: number, field: string) => page.locator(`[id="special_payments.${n}.${field}"]`);
    await item(1, "amount").fill("400000");
    const fillDate = async (n: number, [day, month, year]: [string, string, string]) => {
      await item(n, "date_paid-day").fill(day);
      await item(n, "date_paid-month").fill(month);
      await item(n, "date_paid-year").fill(year);
    };
    await fillDate(1, ["15", "08", "2020"]);
    await item(1, "description").fill("Settlement of a long-running case");
    await page.getByRole("button", { name: "Add another special payment" }).click();
    await item(2, "amount").fill("350000.50");
    await fillDate(2, ["1", "9", "2020"]);
    await item(2, "description").fill("Compensation agreed by the board");
    expect(await page.getByLabel("Amount").count()).toBe(2);

    // The first payment's date is outside the quarter: a warning to explain.
    await page.locator('[id="explanation-special_payment_in_quarter:1"]').waitFor();
    await expectNoAxeViolations(page, "the special payments group");

    await page.getByRole("button", { name: "Remove special payment 1" }).click();
    await expect.poll(() => item(2, "amount").count()).toBe(0);
    expect(await item(1, "amount").inputValue()).toBe("350000.50");
    expect(await item(1, "description").inputValue()).toBe("Compensation agreed by the board");
    // The section's other figures are still to do: back to the task list, saving on the way.
    await page.getByRole("link", { name: "Return to task list" }).click();
    await page.waitForURL(`${body}/`);
    const saved = await queryFromPage<Revision>(page, "returns.find", { organisationCode: code, period });
    expect(saved.values["special_payments.1.amount"]).toBe(35_000_050);
    expect(saved.values["special_payments.2.amount"]).toBeUndefined();
    await context.close();
  });
});
