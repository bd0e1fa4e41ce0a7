import { startTestSmtpServer, type TestSmtpServer } from "@complaints/api/testing/smtp";
import { demoPassword, expectNoAxeViolations, newPage, signIn, startApp, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";

const email = "oversight@demo.example";
const newPassword = "four unrelated words together";

/** Presses Enter on a control reached by the keyboard (focused, as Tab would). */
async function activate(page: Page, control: ReturnType<Page["getByRole"]>): Promise<void> {
  await control.focus();
  await page.keyboard.press("Enter");
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("resetting a forgotten password", () => {
  let smtp: TestSmtpServer;
  let app: RunningApp;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    // The server sends through the test's SMTP server and looks for email every second.
    app = await startApp({ template: inject("demoSqliteTemplate") ?? undefined, env: { SMTP_URL: smtp.url, JOB_INTERVAL_SECONDS: "1" }, needs: ["agency", "portal"] });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it("sends one link by email, which sets a new password once and signs the person out everywhere", async ({ browser }) => {
    const elsewhere = await newPage(browser);
    await signIn(elsewhere.page, app, email, "/portal/");
    const { context, page } = await newPage(browser);

    await page.goto(`${app.url}/portal/sign-in`);
    await activate(page, page.getByRole("link", { name: "Forgotten your password?" }));
    await page.waitForURL((u) => u.pathname === "/portal/forgotten-password");
    await expect.poll(() => page.title()).toBe("Reset your password – Department portal");
    await expectNoAxeViolations(page, "the forgotten-password page");
    await page.screenshot({ path: "/tmp/ej-forgotten-1280.png", fullPage: true });

    // Nothing typed: a clear message, in the summary and beside the field.
    await activate(page, page.getByRole("button", { name: "Send the link" }));
    await expect.poll(() => page.title()).toBe("Error: Reset your password – Department portal");
    expect(await page.locator(".govuk-error-summary").textContent()).toContain("Enter your email address");
    await expectNoAxeViolations(page, "the forgotten-password page with an error");

    // An address with no account gets the same answer as one with an account.
    await page.getByLabel("Email address").fill("nobody@demo.example");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe("Check your email");
    const unknownAnswer = (await page.locator("main").textContent())!.replace("nobody@demo.example", "ADDRESS");
    await expectNoAxeViolations(page, "the check-your-email page");
    await activate(page, page.getByRole("link", { name: "Ask for another link" }));
    await expect.poll(() => heading(page)).toBe("Reset your password");
    await page.getByLabel("Email address").fill(email);
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe("Check your email");
    expect((await page.locator("main").textContent())!.replace(email, "ADDRESS")).toBe(unknownAnswer);

    // One email, to the right person, with a link to this app's page.
    const [mail] = await smtp.waitFor(1, 20_000);
    await page.waitForTimeout(2_500);
    expect(smtp.messages).toHaveLength(1);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe(email);
    const link = new RegExp(`${app.url}/portal/reset-password/[A-Za-z0-9_-]{43}`).exec(mail!.text ?? "")?.[0];
    expect(link, mail!.text).toBeDefined();
    expect(mail!.html).toContain(`href="${link}"`);

    await page.goto(link!);
    await expect.poll(() => heading(page)).toBe("Choose a new password");
    await expectNoAxeViolations(page, "the new-password page");
    await page.getByLabel("New password", { exact: true }).fill("too short");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Use a password of at least 12 characters");
    await expect.poll(() => page.title()).toBe("Error: Choose a new password – Department portal");
    await expectNoAxeViolations(page, "the new-password page with an error");
    await page.screenshot({ path: "/tmp/ej-new-password-error-1280.png", fullPage: true });
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await activate(page, page.getByRole("button", { name: "Save the new password" }));
    await expect.poll(() => heading(page)).toBe("Your password has been changed");
    await expectNoAxeViolations(page, "the password-changed page");

    // The other browser's session ended.
    await elsewhere.page.goto(`${app.url}/portal/DES/`);
    await elsewhere.page.waitForURL((u) => u.pathname === "/portal/sign-in");

    // The link works once.
    await page.goto(link!);
    await expect.poll(() => heading(page)).toBe("This link has already been used");
    await expectNoAxeViolations(page, "the used-link page");
    await page.goto(`${app.url}/portal/reset-password/not-a-real-link`);
    await expect.poll(() => heading(page)).toBe("This link is not valid");

    // The new password signs in; the old one does not.
    await page.goto(`${app.url}/portal/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Enter a correct email address and password");
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/portal/DES/");
    await context.close();
    await elsewhere.context.close();
  });

  it("links to it from the agency app's sign-in page too, and fits a narrow screen", async ({ browser }) => {
    const { context, page } = await newPage(browser, { width: 320 });
    await page.goto(`${app.url}/agency/sign-in`);
    await activate(page, page.getByRole("link", { name: "Forgotten your password?" }));
    await page.waitForURL((u) => u.pathname === "/agency/forgotten-password");
    await expect.poll(() => heading(page)).toBe("Reset your password");
    await expectNoAxeViolations(page, "the agency app's forgotten-password page");
    await page.screenshot({ path: "/tmp/ej-forgotten-320.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });
});
