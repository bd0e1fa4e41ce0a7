import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect } from "vitest";
import { expectNoAxeViolations, unique } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";
import { tabTo, tabToText } from "@complaints/e2e/page";

/**
 * Learning action plans in the browser: the list with overdue
 * actions first, adding one with the keyboard alone, errors, a review, closing it, a stale version,
 * and who may see and change what.
 */
const screenshots = join(tmpdir(), "agency-action-screens");
const org = "DES-LIC1";

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id, 60);
  await page.keyboard.type(text);
}

async function typeDate(page: Page, id: string, day: string, month: string, year: string): Promise<void> {
  await typeInto(page, `${id}-day`, day);
  await typeInto(page, `${id}-month`, month);
  await typeInto(page, `${id}-year`, year);
}

/** Waits as long as a busy machine needs (the default second is too short with other work running). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("learning action plans", { timeout: 300_000 }, () => {
  beforeAll(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  it("lists the body's actions with the overdue ones first, marked Overdue in words", async ({ signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/actions`);
    await poll(() => heading(page)).toBe("Learning action plans");
    await expect.poll(() => page.title()).toBe("Learning action plans – Complaints returns");
    const rows = page.locator("table tbody tr");
    const statuses = await rows.locator("td:nth-child(4)").allTextContents();
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses[0]).toMatch(/^Overdue/);
    const firstNotOverdue = statuses.findIndex((s) => !s.startsWith("Overdue"));
    expect(statuses.slice(firstNotOverdue).some((s) => s.startsWith("Overdue"))).toBe(false);
    expect(await rows.first().locator("td:nth-child(3)").textContent()).toMatch(/^Due \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await page.getByRole("button", { name: "Add an action" }).getAttribute("href")).toBe(`/agency/${org}/actions/new`);
    await expectNoAxeViolations(page, "the action list");
    await page.screenshot({ path: join(screenshots, "list-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(screenshots, "list-320.png"), fullPage: true });
    await expectNoAxeViolations(page, "the action list at 320 px");
    await context.close();
  });

  it("adds an action with the keyboard alone, adds a review and closes it", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/actions/new`);
    await poll(() => heading(page)).toBe("Add an action");
    await expectNoAxeViolations(page, "the new action form");
    await page.screenshot({ path: join(screenshots, "new-1280.png"), fullPage: true });

    const action = `Check the address before each letter is sent ${unique()}`;
    await typeInto(page, "failing", "Renewal letters went to an address the person had already changed.");
    await typeInto(page, "sourceComplaints", "CMP-2026-0412");
    await page.keyboard.press("Enter");
    await page.keyboard.type("CMP-2026-0413, CMP-2026-0420");
    await typeInto(page, "action", action);
    await tabTo(page, "kind", 60);
    await page.keyboard.press("ArrowDown"); // radios: arrows move and choose within the group
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kind-2");
    await page.keyboard.press("Space");
    await typeInto(page, "owner", "Customer contact team");
    await typeDate(page, "startDate", "1", "1", "2026");
    await typeDate(page, "dueDate", "31", "12", "2030");
    await typeInto(page, "standards", "The complaints procedure and the Complaint Standards.");
    await tabTo(page, "involvement", 60);
    await page.keyboard.press("Space");
    await typeInto(page, "keptInformed", "An email when each step is done");
    await typeInto(page, "monitoring", "Monthly sample checked by the team leader.");
    await typeInto(page, "impactMeasure", "Complaints about letters sent to an old address");
    await typeInto(page, "impactBaseline", "14 a quarter");
    await typeInto(page, "impactTarget", "Fewer than 3 a quarter");
    await tabTo(page, "themes-5", 60); // Mistake in following a process
    await page.keyboard.press("Space");
    await tabTo(page, "publishable", 60);
    await page.keyboard.press("Space");
    await typeInto(page, "publicSummary", "You said our letters went to your old address. We now check before every letter.");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Add action");
    await page.keyboard.press("Enter");

    await page.waitForURL(new RegExp(`/agency/${org}/actions/[0-9a-f-]{36}$`));
    await poll(() => heading(page)).toBe(action);
    const planUrl = page.url();
    expect(await page.locator(".govuk-notification-banner").textContent()).toContain("Action added");
    const details = await page.locator("main").textContent();
    for (const text of ["CMP-2026-0412", "CMP-2026-0413", "CMP-2026-0420", "Improve the service", "31 December 2030", "Helping to review guidance", "Mistake in following a process", "You said our letters"]) expect(details).toContain(text);
    await expectNoAxeViolations(page, "the action plan");
    await page.screenshot({ path: join(screenshots, "plan-1280.png"), fullPage: true });

    // It is in the list, with its due date and status, not overdue.
    await page.goto(`${app.url}/agency/${org}/actions`);
    const row = page.locator("tbody tr", { hasText: action });
    await poll(() => row.count()).toBe(1);
    expect(await row.locator("td").allTextContents()).toEqual([action, "Customer contact team", "Due 31 December 2030", "In progress", "Waiting for approval"]);

    // A review.
    await page.goto(planUrl);
    await page.getByRole("button", { name: "Add a review" }).click();
    await poll(() => heading(page)).toBe("Add a review");
    await expectNoAxeViolations(page, "the review form");
    await page.getByRole("button", { name: "Add review" }).click();
    await poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter the date of the review");
    await expect.poll(() => page.title()).toBe("Error: Add a review – Complaints returns");
    await expectNoAxeViolations(page, "the review form with errors");
    await page.getByLabel("Day").fill("1");
    await page.getByLabel("Month").fill("6");
    await page.getByLabel("Year").fill("2026");
    await page.getByLabel("Progress").fill("Half the letter templates changed.");
    await page.getByRole("button", { name: "Add review" }).click();
    await page.waitForURL(planUrl);
    await poll(() => page.locator(".moj-timeline").textContent()).toContain("Half the letter templates changed.");
    expect(await page.locator(".moj-timeline").textContent()).toContain("Review on 1 June 2026");

    // Closing it.
    await page.getByRole("button", { name: "Close this action" }).click();
    await poll(() => heading(page)).toBe("Close this action");
    await expectNoAxeViolations(page, "the close form");
    const completed = page.getByRole("group", { name: "When was the action completed?" });
    await completed.getByLabel("Day").fill("15");
    await completed.getByLabel("Month").fill("11");
    await completed.getByLabel("Year").fill("2026");
    await page.getByLabel("Who verified that it was completed").fill("Quality assurance team");
    const verified = page.getByRole("group", { name: "When was it verified?" });
    await verified.getByLabel("Day").fill("10");
    await verified.getByLabel("Month").fill("11");
    await verified.getByLabel("Year").fill("2026");
    await page.getByLabel("How was it verified?").fill("Checked a sample of 20 letters.");
    await page.getByRole("button", { name: "Close action" }).click();
    await poll(() => page.locator(".govuk-error-summary").textContent()).toContain("The verification date must be the same as or after the completion date");
    expect(await page.getByLabel("Who verified that it was completed").inputValue()).toBe("Quality assurance team");
    await verified.getByLabel("Day").fill("20");
    await page.getByRole("button", { name: "Close action" }).click();
    await page.waitForURL(planUrl);
    await poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Action closed");
    expect(await page.locator("main").textContent()).toContain("Completed 15 November 2026");
    expect(await page.getByRole("button", { name: "Close this action" }).count()).toBe(0);
    await page.goto(`${app.url}/agency/${org}/actions`);
    await poll(() => page.locator("tbody tr", { hasText: action }).locator("td").nth(3).textContent()).toBe("Completed");
    await context.close();
  });

  it("lets the senior accountable officer withdraw and approve a completed action's summary with the keyboard, and the public page follows", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("approver@demo.example", `/agency/${org}/actions`);
    await poll(() => heading(page)).toBe("Learning action plans");
    // Each plan's publication state in words, in its own column.
    const states = await page.locator("table tbody tr td:nth-child(5)").allTextContents();
    expect(states.every((s) => /^(Not for publication|Waiting for approval|Published \d{1,2} [A-Z][a-z]+ \d{4})$/.test(s))).toBe(true);
    const published = page.locator("tbody tr", { hasText: /Published \d/ }).first();
    await poll(() => published.count()).toBe(1);
    await published.getByRole("link").click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    const planUrl = page.url();
    const publishing = page.locator(".govuk-summary-card", { hasText: "Publishing" });
    const value = (key: string) => publishing.locator(".govuk-summary-list__row", { hasText: key }).locator(".govuk-summary-list__value");
    await poll(() => value("Publication").textContent()).toMatch(/^Published \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await value("Approved by").textContent()).toMatch(/^Alex Approver, /);
    const summary = (await value("summary").textContent())!.trim();
    // The demo's bodies reuse a few summaries: count this one on the body's public page and in its CSV.
    const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const shown = async () => {
      const page = decode(await (await fetch(`${app.url}/published/${org}/learning`)).text());
      const csv = await (await fetch(`${app.url}/published/${org}/learning.csv`)).text();
      return [page.split(summary).length - 1, csv.split(summary).length - 1];
    };
    const before = await shown();
    expect(before[0]).toBeGreaterThan(0);
    expect(before[1]).toBe(before[0]);
    await expectNoAxeViolations(page, "a published action plan, for its approver");
    await publishing.screenshot({ path: join(screenshots, "publishing-published-1280.png") });

    // Withdrawn with the keyboard: off the public page and its CSV at once.
    await tabToText(page, "Withdraw from publication");
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Summary withdrawn from publication");
    expect(page.url()).toBe(planUrl);
    expect(await value("Publication").textContent()).toBe("Waiting for approval");
    expect(await value("Approved by").count()).toBe(0);
    expect(await shown()).toEqual([before[0]! - 1, before[1]! - 1]);
    await expectNoAxeViolations(page, "an action plan waiting for approval, for its approver");
    await page.screenshot({ path: join(screenshots, "plan-waiting-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await publishing.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, "plan-waiting-320.png"), fullPage: true });
    // The publishing card and the button under it, for a person to look at.
    const top = await publishing.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: join(screenshots, "publishing-waiting-320.png"), fullPage: true, clip: { x: 0, y: top, width: 320, height: 760 } });
    await expectNoAxeViolations(page, "an action plan waiting for approval at 320 px");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Approved again with the keyboard: back on the public page.
    await tabToText(page, "Approve for publication");
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Summary approved and published");
    expect(await value("Publication").textContent()).toMatch(/^Published /);
    expect(await shown()).toEqual(before);
    await page.screenshot({ path: join(screenshots, "plan-published-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(screenshots, "plan-published-320.png"), fullPage: true });
    await expectNoAxeViolations(page, "a published action plan at 320 px");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app.url}/agency/${org}/actions`);
    await poll(() => heading(page)).toBe("Learning action plans");
    await page.screenshot({ path: join(screenshots, "list-publication-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(screenshots, "list-publication-320.png"), fullPage: true });
    await context.close();
  });

  it("lets the department's oversight withdraw a published summary, and gives the complaints team no approve or withdraw button", async ({ app, signedIn }) => {
    const team = await signedIn("submitter@demo.example", `/agency/${org}/actions`);
    const published = team.page.locator("tbody tr", { hasText: /Published \d/ }).first();
    await poll(() => published.count()).toBe(1);
    const planPath = new URL((await published.getByRole("link").getAttribute("href"))!, app.url).pathname;
    await published.getByRole("link").click();
    await poll(() => team.page.locator(".govuk-summary-card", { hasText: "Publishing" }).count()).toBe(1);
    expect(await team.page.getByRole("button", { name: /publication/ }).count()).toBe(0);
    await team.context.close();

    const { context, page } = await signedIn("oversight@demo.example", planPath);
    await poll(() => page.getByRole("button", { name: "Withdraw from publication" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Approve for publication" }).count()).toBe(0);
    await expectNoAxeViolations(page, "a published action plan, for the department");
    await tabToText(page, "Withdraw from publication");
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Summary withdrawn from publication");
    expect(await page.locator(".govuk-summary-list__row", { hasText: "Publication" }).locator(".govuk-summary-list__value").textContent()).toBe("Waiting for approval");
    // The department may not approve it again: that is the body's senior accountable officer's.
    expect(await page.getByRole("button", { name: /publication/ }).count()).toBe(0);
    await context.close();
  });

  it("shows the error summary, linked to the fields, and keeps what was typed", async ({ signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/actions/new`);
    await poll(() => heading(page)).toBe("Add an action");
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(screenshots, "new-320-top.png") });
    await expectNoAxeViolations(page, "the new action form at 320 px");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel("What went wrong").fill("Letters went to the wrong address.");
    await page.getByLabel("Complaints it came from").fill("CMP-2026-0001");
    await page.getByLabel("Who is responsible").fill("Operations manager");
    const start = page.getByRole("group", { name: "Start date" });
    await start.getByLabel("Day").fill("1");
    await start.getByLabel("Month").fill("6");
    await start.getByLabel("Year").fill("2026");
    const due = page.getByRole("group", { name: "Due date" });
    await due.getByLabel("Day").fill("1");
    await due.getByLabel("Month").fill("5");
    await due.getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Add action" }).click();

    const summary = page.locator(".govuk-error-summary");
    await poll(() => summary.isVisible()).toBe(true);
    await expect.poll(() => page.title()).toBe("Error: Add an action – Complaints returns");
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    const links = summary.getByRole("link");
    const texts = await links.allTextContents();
    expect(texts).toContain("Enter the action");
    expect(texts).toContain("The due date must be the same as or after the start date");
    expect(texts.indexOf("Enter the action")).toBeLessThan(texts.indexOf("The due date must be the same as or after the start date"));
    expect(await summary.getByRole("link", { name: "Enter the action" }).getAttribute("href")).toBe("#action");
    expect(await summary.getByRole("link", { name: "The due date must be the same as or after the start date" }).getAttribute("href")).toBe("#dueDate-day");
    expect(await page.locator("#action-error").textContent()).toBe("Error: Enter the action");
    expect(await page.locator("#dueDate-error").textContent()).toContain("The due date must be the same as or after the start date");
    // Nothing lost.
    expect(await page.getByLabel("What went wrong").inputValue()).toBe("Letters went to the wrong address.");
    expect(await due.getByLabel("Month").inputValue()).toBe("5");
    await expectNoAxeViolations(page, "the new action form with errors");
    await page.screenshot({ path: join(screenshots, "new-errors-1280.png"), fullPage: true });
    await page.screenshot({ path: join(screenshots, "new-errors-1280-top.png") });
    await page.locator("#startDate").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, "new-errors-1280-dates.png") });
    // The link takes you to the field.
    await summary.getByRole("link", { name: "Enter the action" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("action");

    // A name where a reference belongs is refused, naming it.
    await page.getByLabel("Complaints it came from").fill("Jane Smith");
    await page.getByRole("button", { name: "Add action" }).click();
    await poll(() => summary.textContent()).toContain("“Jane Smith” looks like a name");

    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(screenshots, "new-errors-320.png"), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, "new-errors-320-top.png") });
    await page.locator("#startDate").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, "new-errors-320-dates.png") });
    await context.close();
  });

  it("says plainly when someone else changed the plan first, and keeps the changes", async ({ app, signedIn }) => {
    const a = await signedIn("submitter@demo.example", `/agency/${org}/actions`);
    const b = await signedIn("submitter2@demo.example", `/agency/${org}/actions`);
    const firstLink = a.page.locator("tbody tr").first().getByRole("link");
    await poll(() => firstLink.count()).toBe(1);
    const planPath = new URL((await firstLink.getAttribute("href"))!, app.url).pathname;

    await a.page.goto(`${app.url}${planPath}/edit#owner`);
    await poll(() => heading(a.page)).toBe("Change the action plan");
    await poll(() => a.page.evaluate(() => document.activeElement?.id)).toBe("owner");
    await a.page.getByLabel("Who is responsible").fill("Head of operations");

    await b.page.goto(`${app.url}${planPath}/edit`);
    await poll(() => heading(b.page)).toBe("Change the action plan");
    await b.page.getByLabel("Target").fill("None a quarter");
    await b.page.getByRole("button", { name: "Save changes" }).click();
    await poll(() => b.page.locator(".govuk-notification-banner").textContent()).toContain("Action plan saved");

    await a.page.getByRole("button", { name: "Save changes" }).click();
    const summary = a.page.locator(".govuk-error-summary");
    await poll(() => summary.textContent()).toContain("Someone else changed this action plan after you opened it");
    expect(await summary.textContent()).toContain("They changed: Target.");
    expect(await a.page.getByLabel("Who is responsible").inputValue()).toBe("Head of operations");
    await expectNoAxeViolations(a.page, "the change form after a clash");
    await a.page.getByRole("button", { name: "Save changes" }).click();
    await poll(() => a.page.locator(".govuk-notification-banner").textContent()).toContain("Action plan saved");
    const text = await a.page.locator("main").textContent();
    expect(text).toContain("Head of operations");
    await a.context.close();
    await b.context.close();
  });

  it("lets the department read a body's plans but not change them", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", `/agency/${org}/actions`);
    await poll(() => heading(page)).toBe("Learning action plans");
    expect(await page.getByRole("button", { name: "Add an action" }).count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("You can read these action plans");
    await page.locator("tbody tr").first().getByRole("link").click();
    await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
    await poll(() => page.locator(".govuk-summary-card").count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: /^Change/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add a review" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Close this action" }).count()).toBe(0);
    await expectNoAxeViolations(page, "an action plan, read only");
    await page.goto(`${app.url}${new URL(page.url()).pathname}/edit`);
    await poll(() => heading(page)).toBe("You do not have access");
    await page.goto(`${app.url}/agency/${org}/actions/new`);
    await poll(() => heading(page)).toBe("You do not have access");
    await context.close();
  });

  it("lets a shared complaints team keep the plans of each body it acts for", async ({ signedIn }) => {
    const { context, page } = await signedIn("shared.team@demo.example", "/agency/DES-BEN3/actions");
    await poll(() => heading(page)).toBe("Learning action plans");
    expect(await page.getByRole("button", { name: "Add an action" }).getAttribute("href")).toBe("/agency/DES-BEN3/actions/new");
    await context.close();
  });

  it("shows another body's user “You do not have access”, and an unknown plan “Page not found”", async ({ app, signedIn }) => {
    const owner = await signedIn("submitter@demo.example", `/agency/${org}/actions`);
    const link = owner.page.locator("tbody tr").first().getByRole("link");
    await poll(() => link.count()).toBe(1);
    const planPath = new URL((await link.getAttribute("href"))!, app.url).pathname;
    const action = (await link.textContent())!;
    await owner.context.close();

    const { context, page } = await signedIn("team.msa-cou8@demo.example", `/agency/${org}/actions`);
    await poll(() => heading(page)).toBe("You do not have access");
    await expectNoAxeViolations(page, "You do not have access");
    await page.goto(`${app.url}${planPath}`);
    await poll(() => heading(page)).toBe("You do not have access");
    expect(await page.locator("main").textContent()).not.toContain(action);
    await page.goto(`${app.url}/agency/MSA-COU8/actions/00000000-0000-4000-8000-000000000000`);
    await poll(() => heading(page)).toBe("Page not found");
    await page.goto(`${app.url}/agency/MSA-COU8/actions/not-an-id`);
    await poll(() => heading(page)).toBe("Page not found");
    await context.close();
  });
});
