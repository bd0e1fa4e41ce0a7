import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectNoAxeViolations, newPage, signIn, type RunningApp } from "@complaints/e2e";
import { apiSession, bodyAccounts, sendReturn } from "@complaints/e2e/api-session";
import { inCi, testDatabaseUrl } from "@complaints/e2e/env";
import { periodToAddress } from "@complaints/domain";
import type { Browser, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * The submission tracker and the review of a return, in the browser: the department's oversight
 * analyst opens a sent return from the tracker, accepts it or returns it with reasons (which the
 * body's complaints team then reads in the agency app); a return not yet sent shows only its
 * status; the board secretariat reads but cannot decide.
 */

const dept = "DES";
const screenshots = join(tmpdir(), "portal-review-screens");
mkdirSync(screenshots, { recursive: true });

interface TrackerAnswer {
  period: string;
  periodLabel: string;
  rows: { organisationCode: string; name: string; status: string; statusLabel: string; bodyType: string; returnedBy: string | null }[];
  summary: { expected: number; received: number; accepted: number; late: number; returned: number };
}

async function latestQuarter(app: RunningApp): Promise<string> {
  const oversight = await apiSession(app, "oversight@demo.example");
  const windows = await oversight.query<{ departmentCode: string; period: string }[]>("windows.list", { openOnly: false });
  const own = windows.filter((w) => w.departmentCode === dept).map((w) => w.period);
  expect(own.length).toBeGreaterThan(0);
  return own.toSorted().at(-1)!;
}

async function tracker(app: RunningApp, period: string): Promise<TrackerAnswer> {
  return (await apiSession(app, "oversight@demo.example")).query<TrackerAnswer>("tracker.forPeriod", { departmentCode: dept, period });
}

/** Bodies whose return the body can still send this quarter (in draft or awaiting sign-off), other than those given. */
async function unsentBodies(app: RunningApp, period: string): Promise<string[]> {
  return (await tracker(app, period)).rows.filter((r) => r.status === "draft" || r.status === "submitted").map((r) => r.organisationCode);
}

async function expectHeading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect.poll(async () => ((await h1.count()) > 0 ? h1.first().textContent() : null), { timeout: 60_000 }).toBe(text);
}

const reviewPath = (org: string, period: string) => `/portal/${dept}/returns/${org}/${periodToAddress(period)}`;

/** Oversight opens a sent return from the tracker and accepts it; the API agrees. */
async function acceptJourney(app: RunningApp, browser: Browser, options: { axe: boolean }) {
  const period = await latestQuarter(app);
  const [org] = await unsentBodies(app, period);
  expect(org, "a body with an unsent return in the demo data").toBeDefined();
  const sent = await sendReturn(app, org!, period);
  expect(sent.status).toBe("approved");

  const { context, page } = await newPage(browser);
  await signIn(page, app, "oversight@demo.example", `/portal/${dept}/tracker/${periodToAddress(period)}`);
  const row = page.locator(`[data-body="${org}"]`);
  await row.waitFor();
  const link = row.getByRole("link");
  expect(await link.getAttribute("href")).toBe(reviewPath(org!, period));
  expect(await page.locator("tr", { has: row }).textContent()).toContain("Sent to the department");
  if (options.axe) await expectNoAxeViolations(page, "the submission tracker");
  await link.click();
  await expectHeading(page, "Review the return");
  await page.getByRole("heading", { name: "Every answer" }).waitFor();
  // Every section with answers, the warnings, the previous revision and last year.
  expect(await page.locator("[data-section]").count()).toBeGreaterThanOrEqual(8);
  expect(await page.locator('[data-section="flow"]').textContent()).toContain(`${sent.values.received!.toLocaleString("en-GB")} complaints`);
  // The warnings as the API finds them, each with the explanation the body stored.
  const checks = await (await apiSession(app, "oversight@demo.example")).query<{ warnings: { id: string; message: string }[] }>("returns.validate", { returnId: sent.returnId });
  if (checks.warnings.length === 0) await page.getByText("The checks found nothing unusual in this return.").waitFor();
  else {
    const cards = page.locator('[data-testid="warnings"] .govuk-summary-card');
    await expect.poll(() => cards.count()).toBe(checks.warnings.length);
    for (const [i, w] of checks.warnings.entries()) {
      expect(await cards.nth(i).textContent()).toContain(w.message);
      expect(await cards.nth(i).textContent()).toContain(sent.explanations[w.id]!);
    }
  }
  await page.getByText("This is the first revision sent to the department").waitFor();
  await page.getByRole("heading", { name: /^Compared with [A-Z][a-z]+ to [A-Z][a-z]+ \d{4}$/ }).waitFor();
  await page.locator('[data-testid="year-on-year"], :text("Every figure is the same as in")').first().waitFor();
  if (options.axe) await expectNoAxeViolations(page, "reviewing a sent return");

  await page.getByRole("button", { name: "Accept return" }).click();
  const banner = page.locator(".govuk-notification-banner--success");
  await banner.waitFor();
  expect(await banner.textContent()).toContain("Return accepted");
  await expect.poll(() => page.locator('[data-testid="return-status"]').textContent()).toBe("Accepted");
  await expect.poll(() => page.title()).toBe("Return accepted – Department portal");
  expect(await page.getByRole("button", { name: "Accept return" }).count()).toBe(0);
  if (options.axe) await expectNoAxeViolations(page, "a return just accepted");
  const after = await (await apiSession(app, "oversight@demo.example")).query<{ status: string }>("returns.get", { returnId: sent.returnId });
  expect(after.status).toBe("accepted");
  await context.close();
  return { period, org: org! };
}

describe("the submission tracker and reviewing a return", () => {
  let period: string;
  it.beforeAll(async ({ app }) => {
    period = await latestQuarter(app);
  });

  it("lists every expected body with its status, filters by status and body type in the query string, and moves between quarters", async ({ app, signedIn }) => {
    const answer = await tracker(app, period);
    const { context, page } = await signedIn("oversight@demo.example", `/portal/${dept}/tracker/${periodToAddress(period)}`);
    await expectHeading(page, `Submission tracker: ${answer.periodLabel}`);
    const bodyRows = page.locator("tbody tr");
    await expect.poll(() => bodyRows.count()).toBe(answer.summary.expected);
    for (const [label, n] of [["Expected", answer.summary.expected], ["Received", answer.summary.received], ["Accepted", answer.summary.accepted], ["Late or overdue", answer.summary.late], ["Returned", answer.summary.returned]] as const) {
      expect(await page.locator(`[data-figure="${label}"]`).textContent(), label).toBe(String(n));
    }
    // A draft is a status in words with no link; an accepted return opens for review.
    const draft = answer.rows.find((r) => r.status === "draft")!;
    expect(await page.locator(`[data-body="${draft.organisationCode}"] a`).count()).toBe(0);
    expect(await page.locator("tr", { has: page.locator(`[data-body="${draft.organisationCode}"]`) }).textContent()).toContain("In draft");
    const accepted = answer.rows.find((r) => r.status === "accepted")!;
    expect(await page.locator(`[data-body="${accepted.organisationCode}"] a`).getAttribute("href")).toBe(reviewPath(accepted.organisationCode, period));

    // Filter: accepted executive agencies (or whichever type an accepted body has).
    await page.getByRole("group", { name: "Status" }).getByLabel("Accepted").check();
    const typeLabel = accepted.bodyType.charAt(0).toUpperCase() + accepted.bodyType.slice(1);
    await page.getByRole("group", { name: "Body type" }).getByLabel(typeLabel, { exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((u) => u.searchParams.getAll("status").join() === "accepted" && u.searchParams.getAll("type").join() === accepted.bodyType);
    const expected = answer.rows.filter((r) => r.status === "accepted" && r.bodyType === accepted.bodyType).map((r) => r.organisationCode);
    await expect.poll(async () => (await bodyRows.locator("[data-body]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-body")))).toSorted()).toEqual(expected.toSorted());
    await expectNoAxeViolations(page, "the tracker, filtered");
    // The filtered address, shared, shows the same rows; the previous quarter keeps the filter.
    const shared = page.url();
    const other = await signedIn("oversight@demo.example", new URL(shared).pathname + new URL(shared).search);
    await expect.poll(() => other.page.locator("tbody tr").count()).toBe(expected.length);
    expect(await other.page.getByRole("group", { name: "Status" }).getByLabel("Accepted").isChecked()).toBe(true);
    await other.context.close();
    await page.getByRole("link", { name: /Previous quarter/ }).click();
    await page.waitForURL((u) => u.pathname !== new URL(shared).pathname && u.search === new URL(shared).search);
    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.waitForURL((u) => u.search === "");
    await expect.poll(() => page.getByRole("link", { name: /Next quarter/ }).count()).toBe(1);
    await context.close();
  }, 180_000);

  it("lets the oversight analyst accept a sent return", async ({ app, browser }) => {
    await acceptJourney(app, browser, { axe: true });
  }, 240_000);

  it("shows a correction: the sent figures while it is prepared, then what changed since the previous revision and why", async ({ app, browser, signedIn }) => {
    const { org } = await acceptJourney(app, browser, { axe: false });
    const oversight = await apiSession(app, "oversight@demo.example");
    const accepted = await oversight.query<{ returnId: string; version: number }>("returns.find", { organisationCode: org, period });
    const reason = "The compliments were counted before the quarter ended: please correct them.";
    await oversight.mutate("returns.reopen", { returnId: accepted.returnId, expectedVersion: accepted.version, reason });
    const team = await apiSession(app, bodyAccounts(org).submitter);
    const draft = await team.query<{ returnId: string; version: number; revision: number; values: Record<string, number | string | null>; notes: Record<string, string>; explanations: Record<string, string> }>("returns.find", { organisationCode: org, period });
    expect(draft.revision).toBe(2);
    const before = Number(draft.values.compliments ?? 0);
    await team.mutate("returns.save", { returnId: draft.returnId, expectedVersion: draft.version, values: { ...draft.values, compliments: before + 3 }, notes: draft.notes, explanations: draft.explanations });

    // While the body corrects it, the department sees revision 1 as accepted, and no decision.
    const { context, page } = await signedIn("oversight@demo.example", reviewPath(org, period));
    await page.getByText("is preparing a correction (revision 2)").waitFor();
    await expect.poll(() => page.locator('[data-testid="return-status"]').textContent()).toBe("Accepted");
    expect(await page.getByRole("button", { name: "Accept return" }).count()).toBe(0);

    // Sent again: the difference from revision 1, with the reason the correction was opened.
    await sendReturn(app, org, period);
    await page.reload();
    const table = page.getByRole("table", { name: "Answers that changed from revision 1 to revision 2" });
    await table.waitFor();
    expect(await table.locator("tbody tr").allTextContents()).toEqual([`Compliments and thanks${before.toLocaleString("en-GB")} compliments${(before + 3).toLocaleString("en-GB")} compliments`]);
    await page.getByText(`Why revision 2 was opened: ${reason}`).waitFor();
    await page.getByRole("button", { name: "Accept return" }).waitFor();
    await expectNoAxeViolations(page, "reviewing a corrected return");
    await context.close();
  }, 300_000);

  it("returns a return with reasons (required), using the keyboard alone, and the body's complaints team reads them", async ({ app, browser, signedIn }) => {
    const [org] = await unsentBodies(app, period);
    await sendReturn(app, org!, period);
    const { context, page } = await signedIn("oversight@demo.example", reviewPath(org!, period));
    await expectHeading(page, "Review the return");
    const returnButton = page.getByRole("button", { name: "Return to the body" });
    await returnButton.waitFor();

    // No reason: the error summary takes focus and links to the box.
    await returnButton.focus();
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Enter why you are sending this return back to the body"]);
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#return-reason");
    await expect.poll(() => page.title()).toMatch(/^Error: Review the return/);
    await expectNoAxeViolations(page, "returning without a reason");

    // Keyboard only: Tab to the error's link, Enter moves to the box, type, Tab to the button, Enter.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Enter why you are sending this return back to the body");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("return-reason");
    const reason = `The themes do not add up to the complaints received: please check them (${randomBytes(2).toString("hex")}).`;
    await page.keyboard.type(reason);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Return to the body");
    await page.keyboard.press("Enter");
    const banner = page.locator(".govuk-notification-banner--success");
    await banner.waitFor();
    const bodyName = (await tracker(app, period)).rows.find((r) => r.organisationCode === org)!.name;
    expect(await banner.textContent()).toContain(`Return sent back to ${bodyName}`);
    expect(await banner.textContent()).toContain(reason);
    // Now back with the body: the department still reads the figures it returned, marked as not counted, and cannot decide.
    await expect.poll(() => page.locator('[data-testid="return-status"]').textContent()).toBe("Returned by the department");
    expect(await page.locator('[data-testid="returned-notice"]').textContent()).toContain(`Returned to ${bodyName}`);
    expect(await page.locator('[data-testid="returned-notice"]').textContent()).toContain("not counted");
    await page.getByRole("heading", { name: "Every answer" }).waitFor();
    expect(await page.getByRole("button", { name: "Accept return" }).count()).toBe(0);
    await expectNoAxeViolations(page, "a return just returned");

    // The body's complaints team, in its own browser, sees the reasons.
    const body = await newPage(browser);
    await signIn(body.page, app, bodyAccounts(org!).submitter, `/agency/${org}/`);
    const bodyBanner = body.page.locator(".govuk-notification-banner");
    await bodyBanner.waitFor();
    expect(await bodyBanner.textContent()).toContain("The department returned your return");
    expect(await bodyBanner.textContent()).toContain(reason);
    await body.context.close();
    await context.close();
  }, 240_000);

  it("shows the review diff after a return: the returned figures while the body corrects them, then what changed, first, with the reasons and the reply", async ({ app, signedIn }) => {
    const [org] = await unsentBodies(app, period);
    const sent = await sendReturn(app, org!, period);
    const oversight = await apiSession(app, "oversight@demo.example");
    const reason = "Compliments and claims look swapped: please check both.";
    await oversight.mutate("returns.returnToBody", { returnId: sent.returnId, expectedVersion: sent.version, reason });

    // The body changes two figures and explains one, but has not sent them.
    const team = await apiSession(app, bodyAccounts(org!).submitter);
    const draft = await team.query<{ returnId: string; version: number; values: Record<string, number | string | null>; notes: Record<string, string>; explanations: Record<string, string> }>("returns.find", { organisationCode: org, period });
    const compliments = Number(draft.values.compliments ?? 0);
    const claims = Number(draft.values.claims ?? 0);
    const note = "Two claims were missed, and one compliment arrived late.";
    await team.mutate("returns.save", {
      returnId: draft.returnId,
      expectedVersion: draft.version,
      values: { ...draft.values, compliments: compliments + 1, claims: claims + 2 },
      notes: { ...draft.notes, claims: note },
      explanations: draft.explanations,
    });
    const { context, page } = await signedIn("oversight@demo.example", reviewPath(org!, period));
    await page.locator('[data-testid="returned-notice"]').waitFor();
    // The figures it returned, not the body's unsent corrections.
    const insight = page.locator('[data-section="insight"]');
    await insight.waitFor();
    expect(await insight.textContent()).toContain(`${compliments.toLocaleString("en-GB")} compliments`);
    expect(await insight.textContent()).not.toContain(note);
    expect(await page.locator('[data-testid="since-returned"]').count()).toBe(0);
    await expectNoAxeViolations(page, "a returned return while the body corrects it");
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('[data-testid="returned-notice"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling at ${width} px`).toBe(true);
      await page.screenshot({ path: join(screenshots, `review-returned-${width}.png`), fullPage: true });
    }

    // Sent again with a reply: the changes come first, above the contents and the warnings.
    const reply = "We found two claims and a compliment that had been missed; both figures are now corrected.";
    const resent = await sendReturn(app, org!, period, { reply });
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      const since = page.locator('[data-testid="since-returned"]');
      await since.waitFor();
      const order = await page.evaluate(() => ["since-returned-heading", "contents-heading", "warnings-heading", "answers-heading"].map((id) => document.getElementById(id)!.getBoundingClientRect().top));
      expect(order, "the changes are above everything else").toEqual(order.toSorted((a, b) => a - b));
      expect(await since.textContent()).toContain(reason);
      expect(await since.locator('[data-testid="body-reply"]').textContent()).toBe(reply);
      const cards = since.locator(".govuk-summary-card");
      expect(await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute("data-field")))).toEqual(["claims", "compliments"]);
      expect(await cards.nth(0).locator(".govuk-summary-list__row").allTextContents()).toEqual([
        `As returned${claims.toLocaleString("en-GB")} claims`,
        `As sent again${(claims + 2).toLocaleString("en-GB")} claims`,
        `The body's explanation${note}`,
      ]);
      expect(await cards.nth(1).textContent()).toContain("None given");
      await page.getByText("The department has accepted no earlier revision.").waitFor();
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fits, `no sideways scrolling at ${width} px`).toBe(true);
      await expectNoAxeViolations(page, `the changes since a return at ${width} px`);
      await page.screenshot({ path: join(screenshots, `review-after-return-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keyboard alone: the contents link moves to the changes, then on to the decision and accept.
    const contentsLink = page.getByRole("link", { name: "Changes since the department returned it" });
    await contentsLink.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.hash === "#since-returned-heading");
    const accept = page.getByRole("button", { name: "Accept return" });
    await accept.focus();
    await page.keyboard.press("Enter");
    const banner = page.locator(".govuk-notification-banner--success");
    await banner.waitFor();
    expect(await banner.textContent()).toContain("locked and no longer provisional");
    expect(await banner.textContent()).not.toContain("now count");
    await expect.poll(() => page.locator('[data-testid="return-status"]').textContent()).toBe("Accepted");
    // Accepted, the comparison with the figures returned stays first.
    await page.locator('[data-testid="since-returned"]').waitFor();
    await expectNoAxeViolations(page, "a return accepted after a return");
    expect((await oversight.query<{ revision: number; status: string }>("returns.get", { returnId: resent.returnId })).status).toBe("accepted");
    await context.close();
  }, 300_000);

  it("shows a return the body has not sent as its status only, and a quarter not started as such", async ({ app, signedIn }) => {
    const answer = await tracker(app, period);
    const draft = answer.rows.find((r) => r.status === "draft")!;
    const { context, page } = await signedIn("oversight@demo.example", reviewPath(draft.organisationCode, period));
    await expectHeading(page, "Review the return");
    await expect.poll(() => page.locator('[data-testid="return-status"]').textContent()).toBe("In draft");
    await page.getByText("has not sent this return to the department yet").waitFor();
    expect(await page.locator(".govuk-summary-list, table, button.govuk-button").count()).toBe(0);
    await expectNoAxeViolations(page, "a return not yet sent");
    // The API agrees: the figures of an unsent return are refused.
    const oversight = await apiSession(app, "oversight@demo.example");
    expect((await oversight.attempt("returns.find", { organisationCode: draft.organisationCode, period })).code).toBe("FORBIDDEN");
    const notStarted = answer.rows.find((r) => r.status === "not started");
    if (notStarted) {
      await page.goto(`${app.url}${reviewPath(notStarted.organisationCode, period)}`);
      await page.getByText(`${notStarted.name} has not started its return`).waitFor();
    }
    await context.close();
  }, 120_000);

  it("lets the board secretariat read a sent return but not decide, and says why", async ({ app, signedIn }) => {
    const [org] = await unsentBodies(app, period);
    await sendReturn(app, org!, period);
    const { context, page } = await signedIn("secretariat@demo.example", reviewPath(org!, period));
    await expectHeading(page, "Review the return");
    await page.getByText("only the department's oversight analysts can accept it or return it to the body").waitFor();
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await page.getByRole("textbox").count()).toBe(0);
    await expectNoAxeViolations(page, "a sent return, read by the secretariat");
    await context.close();
    const secretariat = await apiSession(app, "secretariat@demo.example");
    const ret = await secretariat.query<{ returnId: string; version: number }>("returns.find", { organisationCode: org, period });
    // The API refuses the decision too, whatever the page shows.
    expect((await secretariat.attemptMutation("returns.accept", { returnId: ret.returnId, expectedVersion: ret.version })).code).toBe("FORBIDDEN");
  }, 180_000);
});

// The review journey on PostgreSQL, in a copy of the seeded demo database (as the agency app's workflow test does).
describe("reviewing a return on PostgreSQL", () => {
  it.skipIf(!testDatabaseUrl && !inCi)("accepts a sent return", async ({ postgresApp: pgApp, browser }) => {
    if (!testDatabaseUrl) throw new Error("CI is set but TEST_DATABASE_URL is not: the review journey must also run on PostgreSQL in CI.");
    await acceptJourney(pgApp, browser, { axe: false });
  }, 400_000);
});
