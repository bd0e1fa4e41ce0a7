import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { fileFixtures, it } from "@complaints/e2e/fixtures";
import type { StoredReturn } from "@complaints/e2e/api-session";
import { queryFromPage } from "@complaints/e2e/page";
import { demoPassword, expectNoAxeViolations } from "./harness.ts";

/**
 * Nothing is lost: the draft saves itself a moment after typing stops, and keeps what was
 * typed across a reload, a server restart and an expired session; two people editing one return
 * both keep their work, and a clash on the same answer is theirs to settle. Driven through the
 * section page (inputs with the field ids, the save status) of the demo body DES-LIC1, whose latest
 * quarter is a draft.
 */
const organisation = "DES-LIC1";
const savedAt = /^Saved at \d{2}:\d{2}$/;
const retrying = /^Not saved yet: we'll try again in \d+ (second|seconds|minute)\. Your changes are kept in this browser\.$/;

describe("autosave: nothing is lost", () => {
  const fixtures = fileFixtures();
  let period: string;
  let sectionPageMissing = false;
  const noSectionPage = "the section page (branch form) is not on this branch yet";
  const open: BrowserContext[] = [];

  it.beforeAll(async () => {
    // The quarter in progress: the draft's period, in the address form ("2026-27-q2").
    const { context, page } = await fixtures.signIn("submitter@demo.example");
    const list = await queryFromPage<{ period: string; status: string }[]>(page, "returns.list", { organisationCode: organisation });
    const draft = list.find((r) => r.status === "draft");
    if (!draft) throw new Error(`The demo has no draft return for ${organisation}`);
    period = draft.period.toLowerCase().replace(" ", "-");
    // The section page comes from another branch (form); until it is here these tests wait for it.
    await page.goto(`${fixtures.app.url}${sectionPath("flow")}`);
    sectionPageMissing = await Promise.race([
      page.locator("#received").waitFor({ timeout: 60_000 }).then(() => false),
      page.getByRole("heading", { name: "Page not found" }).waitFor({ timeout: 60_000 }).then(() => true),
    ]);
    await context.close();
  }, 120_000);

  afterAll(async () => {
    for (const context of open) await context.close().catch(() => {});
  });

  const sectionPath = (section: string) => `/agency/${organisation}/returns/${period}/${section}`;

  /** Signed in on a section page, its draft loaded (the field with this id is there). */
  async function personOnSection(email: string, section: string, field: string): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await fixtures.signIn(email, sectionPath(section));
    open.push(opened.context);
    await opened.page.locator(`[id="${field}"]`).waitFor({ timeout: 30_000 });
    return opened;
  }

  async function expectStatus(page: Page, pattern: RegExp, timeout = 30_000): Promise<void> {
    await expect
      .poll(async () => (await page.locator(".app-save-status__text").textContent())?.trim(), { timeout, interval: 250 })
      .toMatch(pattern);
  }

  /** A value unlike any the demo holds, so a test never passes on what was there already. */
  let counter = 700;
  const fresh = () => String((counter += 1));

  it("saves a moment after typing stops, says when, and the value survives a reload", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const { page } = await personOnSection("submitter@demo.example", "flow", "received");
    const value = fresh();
    await page.locator("#received").fill(value);
    await expectStatus(page, savedAt);
    expect(await page.locator(".app-save-status__text").getAttribute("role")).toBe("status");
    await page.reload();
    await expect.poll(() => page.locator("#received").inputValue(), { timeout: 30_000 }).toBe(value);
    expect((await storedReturn(page)).values.received).toBe(Number(value));
  }, 120_000);

  it("keeps what was typed when the page is reloaded before it could be saved, and saves it then", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const { page } = await personOnSection("submitter@demo.example", "flow", "received");
    const value = fresh();
    await page.locator("#received").fill(value);
    await page.reload();
    await expect.poll(() => page.locator("#received").inputValue(), { timeout: 30_000 }).toBe(value);
    // Saved as the page went (a keepalive request), or else from local storage once it loaded again.
    await expect.poll(async () => (await storedReturn(page)).values.received, { timeout: 30_000 }).toBe(Number(value));
  }, 120_000);

  it("keeps typing through a server restart, says it will try again, and saves once the server is back", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const { page } = await personOnSection("submitter@demo.example", "flow", "withdrawn");
    const value = fresh();
    await fixtures.app.stop();
    try {
      await page.locator("#withdrawn").fill(value);
      await expectStatus(page, retrying);
      await expectNoAxeViolations(page, "the section page while a save is retried");
    } finally {
      await fixtures.app.restart();
    }
    await expectStatus(page, savedAt, 150_000);
    await page.reload();
    await expect.poll(() => page.locator("#withdrawn").inputValue(), { timeout: 30_000 }).toBe(value);
    expect((await storedReturn(page)).values.withdrawn).toBe(Number(value));
  }, 300_000);

  it("after the session expires, sends the user to sign in and back to the page with what they typed, then saves it", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const { context, page } = await personOnSection("submitter@demo.example", "flow", "carried_forward");
    const value = fresh();
    await context.clearCookies();
    await page.locator("#carried_forward").fill(value);
    await page.waitForURL((url) => url.pathname === "/agency/sign-in", { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get("returnTo")).toBe(sectionPath("flow").replace(/^\/agency/, ""));
    await page.getByLabel("Email address").fill("submitter@demo.example");
    await page.getByLabel("Password", { exact: true }).fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === sectionPath("flow"), { timeout: 30_000 });
    await expect.poll(() => page.locator("#carried_forward").inputValue(), { timeout: 30_000 }).toBe(value);
    await expectStatus(page, savedAt);
    expect((await storedReturn(page)).values.carried_forward).toBe(Number(value));
  }, 150_000);

  it("two people editing different sections of one return at once both keep their work", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const [one, two] = await Promise.all([personOnSection("submitter@demo.example", "flow", "received"), personOnSection("submitter2@demo.example", "stages", "er_closed")]);
    const first = fresh();
    const second = fresh();
    // Both start from the same version, and type at the same time.
    await Promise.all([one.page.locator("#received").fill(first), two.page.locator("#er_closed").fill(second)]);
    await Promise.all([expectStatus(one.page, savedAt), expectStatus(two.page, savedAt)]);
    const stored = await storedReturn(one.page);
    expect(stored.values).toMatchObject({ received: Number(first), er_closed: Number(second) });
    await Promise.all([one.page.reload(), two.page.reload()]);
    await expect.poll(() => one.page.locator("#received").inputValue(), { timeout: 30_000 }).toBe(first);
    await expect.poll(() => two.page.locator("#er_closed").inputValue(), { timeout: 30_000 }).toBe(second);
  }, 150_000);

  it("a clash on the same answer shows both values; the one chosen is saved", async ({ skip }) => {
    skip(sectionPageMissing, noSectionPage);
    const [one, two] = await Promise.all([personOnSection("submitter@demo.example", "flow", "received"), personOnSection("submitter2@demo.example", "flow", "received")]);
    const theirs = fresh();
    const yours = fresh();
    await one.page.locator("#received").fill(theirs);
    await expectStatus(one.page, savedAt);
    // The second person's page still started from the old value.
    await two.page.locator("#received").fill(yours);
    const panel = two.page.getByRole("region", { name: "Important" });
    await panel.waitFor({ timeout: 30_000 });
    await expectStatus(two.page, /^Not saved: someone else changed an answer you also changed\. Choose which to keep\./);
    const question = panel.getByRole("group", { name: "Complaints received" });
    await expect.poll(() => question.getByRole("radio").count()).toBe(2);
    expect(await question.getByLabel(`Your answer: ${Number(yours).toLocaleString("en-GB")}`).count()).toBe(1);
    expect(await question.getByLabel(`Their answer: ${Number(theirs).toLocaleString("en-GB")}`).count()).toBe(1);
    await expectNoAxeViolations(two.page, "the section page with the conflict panel");

    // Keyboard alone: choose "Your answer", then "Keep these answers".
    await question.getByLabel(/^Your answer/).focus();
    await two.page.keyboard.press("Space");
    await panel.getByRole("button", { name: "Keep these answers" }).focus();
    await two.page.keyboard.press("Enter");
    await expectStatus(two.page, savedAt);
    expect(await panel.count()).toBe(0);
    expect((await storedReturn(two.page)).values.received).toBe(Number(yours));
    await one.page.reload();
    await expect.poll(() => one.page.locator("#received").inputValue(), { timeout: 30_000 }).toBe(yours);
  }, 150_000);

  async function storedReturn(page: Page): Promise<StoredReturn> {
    const found = await queryFromPage<StoredReturn | null>(page, "returns.find", { organisationCode: organisation, period: period.replace(/-q(\d)$/, " Q$1") });
    if (!found) throw new Error("No return found");
    return found;
  }
});
