import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { apiSession, type ApiSession } from "@complaints/e2e/api-session";
import { fillReturnForSubmission } from "./api-client.ts";
import { inCi, testDatabaseUrl } from "./env.ts";
import { expectNoAxeViolations, newPage, signIn, type RunningApp } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";

/**
 * Sign-off in the browser: the complaints team checks its answers and submits, the senior
 * accountable officer approves (or sends back with a comment), the department decides through the
 * API, and the body sees the decision on its page and in the return's history.
 */

const body = "DES-LIC1";

async function openPeriod(session: ApiSession): Promise<string> {
  const windows = await session.query<{ period: string; open: boolean }[]>("windows.list", { openOnly: true });
  expect(windows.length).toBeGreaterThan(0);
  return windows[0]!.period;
}

const address = (period: string) => period.toLowerCase().replace(" ", "-");

/** Waits for the page's main heading to read `text` (pages render after their data arrives). */
async function expectHeading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect.poll(async () => ((await h1.count()) > 0 ? h1.first().textContent() : null), { timeout: 60_000 }).toBe(text);
}

/** The whole journey on one running app (SQLite, and PostgreSQL when there is one). */
async function submitterToApproverJourney(app: RunningApp, browser: Browser, options: { axe: boolean }) {
  const team = await apiSession(app, "submitter@demo.example");
  const period = await openPeriod(team);
  const ready = await fillReturnForSubmission(team, body, period);
  const checkPath = `/agency/${body}/returns/${address(period)}/check`;

  // The complaints team: its body's page, then check your answers and submit.
  const submitter = await newPage(browser);
  await signIn(submitter.page, app, "submitter@demo.example");
  await submitter.page.waitForURL((u) => u.pathname === `/agency/${body}/`);
  await submitter.page.getByText(/^Due by \d{1,2} [A-Z][a-z]+ \d{4}$/).waitFor();
  const quarterLink = submitter.page.getByRole("table").getByRole("link").first();
  expect(await quarterLink.getAttribute("href")).toBe(`/agency/${body}/returns/${address(period)}/`);
  expect(await submitter.page.getByRole("table").getByRole("row").nth(1).textContent()).toContain("In draft");
  if (options.axe) await expectNoAxeViolations(submitter.page, "the body's page");

  await submitter.page.goto(`${app.url}${checkPath}`);
  await expectHeading(submitter.page, "Check your answers before you submit the return");
  const change = submitter.page.locator('[data-section="flow"] a', { hasText: "Change" }).first();
  expect(await change.getAttribute("href")).toBe(`/agency/${body}/returns/${address(period)}/flow#brought_forward`);
  expect(await change.textContent()).toBe("Change open at the start of the quarter");
  expect(await submitter.page.locator('[data-section="flow"]').textContent()).toContain(`${ready.values.received} complaints`);
  await submitter.page.getByText("By submitting this return you confirm that").waitFor();
  if (options.axe) await expectNoAxeViolations(submitter.page, "check your answers");
  await submitter.page.getByRole("button", { name: "Submit return" }).click();
  await expectHeading(submitter.page, "Return submitted");
  await expect.poll(() => submitter.page.title()).toBe("Return submitted – Complaints returns");
  if (options.axe) await expectNoAxeViolations(submitter.page, "the submitted confirmation");

  // The senior accountable officer, in another browser: the same page, signing off.
  const approver = await newPage(browser);
  await signIn(approver.page, app, "approver@demo.example", checkPath);
  await expectHeading(approver.page, "Check the return before you approve it");
  expect(await approver.page.locator(".govuk-summary-list a", { hasText: "Change" }).count()).toBe(0);
  if (options.axe) await expectNoAxeViolations(approver.page, "the approver's check page");
  await approver.page.getByRole("button", { name: "Approve and send to the department" }).click();
  await expectHeading(approver.page, "Return approved and sent to the department");
  if (options.axe) await expectNoAxeViolations(approver.page, "the approved confirmation");

  // The department accepts, through the API.
  const department = await apiSession(app, "oversight@demo.example");
  const sent = await department.query<{ version: number; status: string }>("returns.get", { returnId: ready.returnId });
  expect(sent.status).toBe("approved");
  await department.mutate("returns.accept", { returnId: ready.returnId, expectedVersion: sent.version });

  // The body sees the decision on its page and in the timeline.
  await submitter.page.goto(`${app.url}/agency/${body}/`);
  const row = submitter.page.getByRole("row").filter({ has: submitter.page.getByRole("link", { name: quarterLabel(period) }) });
  await expect.poll(() => row.textContent()).toContain("Accepted");
  await submitter.page.goto(`${app.url}/agency/${body}/returns/${address(period)}/history`);
  const timeline = submitter.page.locator(".moj-timeline");
  await timeline.waitFor();
  const titles = await timeline.locator(".moj-timeline__title").allTextContents();
  expect(titles.slice(0, 3)).toEqual(["Accepted by the department", "Approved and sent to the department", "Sent for sign-off"]);
  expect(await timeline.locator(".moj-timeline__item").first().textContent()).toContain("by Olu Oversight");
  if (options.axe) await expectNoAxeViolations(submitter.page, "the return's history");

  // After acceptance, the complaints team corrects the return: a reason is needed; a new revision opens as a draft.
  await submitter.page.goto(`${app.url}${checkPath}`);
  await submitter.page.getByRole("button", { name: "Correct this return" }).click();
  await submitter.page.locator(".govuk-error-summary").getByRole("link", { name: "Enter why this return needs correcting" }).waitFor();
  if (options.axe) await expectNoAxeViolations(submitter.page, "correcting without a reason");
  await submitter.page.getByLabel("Why does this return need correcting?").fill("Two complaints were recorded twice.");
  await submitter.page.getByRole("button", { name: "Correct this return" }).click();
  await expectHeading(submitter.page, "Revision 2 opened");
  const corrected = await team.query<{ revision: number; status: string }>("returns.get", { returnId: ready.returnId });
  expect(corrected).toMatchObject({ revision: 2, status: "draft" });
  await submitter.page.goto(`${app.url}/agency/${body}/returns/${address(period)}/history`);
  await submitter.page.locator(".moj-timeline").waitFor();
  expect(await submitter.page.locator(".moj-timeline__title").first().textContent()).toBe("Correction started: revision 2");

  await submitter.context.close();
  await approver.context.close();
  return { period, returnId: ready.returnId };
}

function quarterLabel(period: string): string {
  const [year, q] = period.split(" Q") as [string, string];
  const start = Number(year.slice(0, 4));
  const months = ["Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"][Number(q) - 1]!;
  return `${months} ${q === "4" ? start + 1 : start}`;
}

describe("signing off a return in the agency app", () => {
  it("runs the whole journey: submitter checks and submits, approver approves, the department accepts and the body sees it", async ({ app, browser }) => {
    await submitterToApproverJourney(app, browser, { axe: true });
  }, 300_000);

  it("shows what blocks submission, and a comment the approver sends back reaches the submitter", async ({ browser, freshApp: second }) => {
    const team = await apiSession(second, "submitter@demo.example");
    const period = await openPeriod(team);
    const ready = await fillReturnForSubmission(team, body, period);
    const checkPath = `/agency/${body}/returns/${address(period)}/check`;

    // A required figure left blank: the error summary links to its question, and there is no Submit button.
    const blank = await team.mutate<{ version: number }>("returns.save", { returnId: ready.returnId, expectedVersion: ready.version, values: { ...ready.values, received: null }, notes: ready.notes, explanations: {} });
    const submitter = await newPage(browser);
    await signIn(submitter.page, second, "submitter@demo.example", checkPath);
    const summary = submitter.page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => submitter.page.title()).toMatch(/^Error: /);
    const toReceived = summary.getByRole("link").filter({ hasText: "Complaints received" }).first();
    expect(await toReceived.getAttribute("href")).toBe(`/agency/${body}/returns/${address(period)}/flow#received`);
    expect(await submitter.page.getByRole("button", { name: "Submit return" }).count()).toBe(0);
    await expectNoAxeViolations(submitter.page, "check your answers with errors");
    const fixed = await team.mutate<{ version: number }>("returns.save", { returnId: ready.returnId, expectedVersion: blank.version, values: ready.values, notes: ready.notes, explanations: ready.explanations });
    expect(fixed.version).toBeGreaterThan(blank.version);

    await submitter.page.reload();
    await submitter.page.getByRole("button", { name: "Submit return" }).click();
    await expectHeading(submitter.page, "Return submitted");

    // The approver sends it back: first with no comment (an error), then with one.
    const approver = await newPage(browser);
    await signIn(approver.page, second, "approver@demo.example", checkPath);
    await approver.page.getByRole("button", { name: "Send back to the complaints team" }).click();
    const error = approver.page.locator(".govuk-error-summary");
    await error.waitFor();
    expect(await error.getByRole("link").allTextContents()).toEqual(["Enter what the complaints team needs to change"]);
    expect(await error.getByRole("link").getAttribute("href")).toBe("#send-back-comment");
    await expect.poll(() => approver.page.title()).toMatch(/^Error: /);
    await expect.poll(() => approver.page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expectNoAxeViolations(approver.page, "sending back without a comment");
    const comment = `Please check the closer look figures against the case system (${randomBytes(2).toString("hex")}).`;
    await approver.page.getByLabel("What needs to change").fill(comment);
    await approver.page.getByText(/You have [\d,]+ characters remaining/).first().waitFor();
    await approver.page.getByRole("button", { name: "Send back to the complaints team" }).click();
    await expectHeading(approver.page, "Return sent back to the complaints team");
    await expectNoAxeViolations(approver.page, "the sent-back confirmation");

    // The complaints team sees the comment on its page and on the return.
    await submitter.page.goto(`${second.url}/agency/${body}/`);
    const banner = submitter.page.locator(".govuk-notification-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toContain(comment);
    expect(await banner.textContent()).toContain("Your senior accountable officer sent back your return");
    await expectNoAxeViolations(submitter.page, "the body's page with a return sent back");
    await submitter.page.goto(`${second.url}${checkPath}`);
    await submitter.page.locator(".govuk-notification-banner").waitFor();
    expect(await submitter.page.locator(".govuk-notification-banner").textContent()).toContain(comment);
    await submitter.page.goto(`${second.url}/agency/${body}/returns/${address(period)}/history`);
    await submitter.page.locator(".moj-timeline").waitFor();
    expect(await submitter.page.locator(".moj-timeline__item").first().textContent()).toContain(comment);

    // The department returns a later submission with its reasons; the body's page says so.
    await submitter.page.goto(`${second.url}${checkPath}`);
    await submitter.page.getByRole("button", { name: "Submit return" }).click();
    await expectHeading(submitter.page, "Return submitted");
    await approver.page.goto(`${second.url}${checkPath}`);
    await approver.page.getByRole("button", { name: "Approve and send to the department" }).click();
    await expectHeading(approver.page, "Return approved and sent to the department");
    const department = await apiSession(second, "oversight@demo.example");
    const sent = await department.query<{ version: number }>("returns.get", { returnId: ready.returnId });
    await department.mutate("returns.returnToBody", { returnId: ready.returnId, expectedVersion: sent.version, reason: "The themes do not cover every complaint received." });
    await submitter.page.goto(`${second.url}/agency/${body}/`);
    await submitter.page.locator(".govuk-notification-banner").waitFor();
    expect(await submitter.page.locator(".govuk-notification-banner").textContent()).toContain("The department returned your return");
    expect(await submitter.page.locator(".govuk-notification-banner").textContent()).toContain("The themes do not cover every complaint received.");
    await submitter.page.goto(`${second.url}/agency/${body}/returns/${address(period)}/history`);
    await submitter.page.locator(".moj-timeline").waitFor();
    expect(await submitter.page.locator(".moj-timeline__title").first().textContent()).toBe("Returned by the department");

    // Sent again with a reply to the department's reasons, which the department reads beside what changed.
    await submitter.page.goto(`${second.url}${checkPath}`);
    const reply = "We recounted the themes against the case system: they now cover every complaint.";
    await submitter.page.getByLabel("Your reply to the department (optional)").fill(reply);
    await expectNoAxeViolations(submitter.page, "submitting again with a reply to the department");
    await submitter.page.getByRole("button", { name: "Submit return" }).click();
    await expectHeading(submitter.page, "Return submitted");
    await approver.page.goto(`${second.url}${checkPath}`);
    await approver.page.getByRole("button", { name: "Approve and send to the department" }).click();
    await expectHeading(approver.page, "Return approved and sent to the department");
    const since = await department.query<{ reply: { text: string } | null; returned: { reason: string } }>("returns.changesSinceReturned", { returnId: ready.returnId });
    expect(since).toMatchObject({ reply: { text: reply }, returned: { reason: "The themes do not cover every complaint received." } });

    await submitter.context.close();
    await approver.context.close();
  }, 300_000);

  it("shows another body's page as 'You do not have access', with none of its data", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", "/agency/MSA-COU8/");
    await expectHeading(page, "You do not have access");
    expect(await page.locator("table, .govuk-summary-list, .moj-timeline").count()).toBe(0);
    await expectNoAxeViolations(page, "You do not have access");
    await page.goto(`${app.url}/agency/MSA-COU8/returns/2025-26-q1/check`);
    await expectHeading(page, "You do not have access");
    // A quarter that is not one is "Page not found".
    await page.goto(`${app.url}/agency/${body}/returns/2025-26-q9/check`);
    await expectHeading(page, "Page not found");
    await context.close();
  }, 120_000);

  it("lets a team acting for two bodies switch between them, and lists a body's overdue actions", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("shared.team@demo.example");
    // Home lists both bodies; each body's page carries the MOJ organisation switcher.
    const bodies = page.locator("main ul.govuk-list a");
    await expect.poll(() => bodies.count(), { timeout: 60_000 }).toBe(2);
    await page.goto(`${app.url}/agency/DES-BEN3/`);
    const switcher = page.locator(".moj-organisation-nav");
    await switcher.waitFor();
    expect(await switcher.getByRole("link").getAttribute("href")).toMatch(/^\/agency\/?$/);
    await page.getByRole("table").waitFor();
    await expectNoAxeViolations(page, "a body's page with the organisation switcher");
    const team = await apiSession(app, "shared.team@demo.example");
    const plans = await team.query<{ overdue: boolean }[]>("actions.list", { organisationCode: "DES-BEN3" });
    const overdue = plans.filter((p) => p.overdue).length;
    const shown = page.locator("main li").filter({ hasText: "Overdue" });
    await expect.poll(() => shown.count()).toBe(overdue);
    await context.close();
  }, 120_000);

  it("signs out from the service navigation", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("approver@demo.example");
    const nav = page.getByRole("navigation", { name: "Menu" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Returns", "Action plans", "Your account: Alex Approver", "Sign out"]);
    await nav.getByRole("link", { name: "Sign out" }).click();
    await page.waitForURL(/\/agency\/sign-in$/);
    await page.goto(`${app.url}/agency/${body}/`);
    await page.waitForURL(/\/agency\/sign-in\?returnTo=/);
    await context.close();
  }, 120_000);
});

// The same journey on PostgreSQL, in a copy of the seeded demo database.
describe("signing off a return on PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl && !inCi)("runs the whole journey", async ({ postgresApp: pgApp, browser }) => {
    if (!testDatabaseUrl) throw new Error("CI is set but TEST_DATABASE_URL is not: the browser journey must also run on PostgreSQL in CI.");
    await submitterToApproverJourney(pgApp, browser, { axe: false });
  }, 400_000);
});
