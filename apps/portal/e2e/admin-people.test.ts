import { startTestSmtpServer, type TestSmtpServer } from "@complaints/api/testing/smtp";
import { expectNoAxeViolations, newPage, signIn, startApp, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Presses Enter on a control reached by the keyboard (focused, as Tab would). */
async function activate(page: Page, control: ReturnType<Page["getByRole"]>): Promise<void> {
  await control.focus();
  await page.keyboard.press("Enter");
}

describe("a department administrator invites a person, who accepts", () => {
  let smtp: TestSmtpServer;
  let app: RunningApp;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    app = await startApp({ template: inject("demoSqliteTemplate") ?? undefined, env: { SMTP_URL: smtp.url, JOB_INTERVAL_SECONDS: "1" }, needs: ["agency", "portal"] });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it("invites by email from the people page; the link sets a name and password and signs them in, once", async ({ browser }) => {
    const { page } = await newPage(browser);
    await signIn(page, app, "admin@demo.example", "/portal/");
    await page.goto(`${app.url}/portal/DES/admin/people`);
    await expect.poll(() => heading(page)).toBe("People");
    await expect.poll(() => page.title()).toBe("People – Department portal");
    await expect.poll(() => page.getByRole("row", { name: /submitter@demo\.example/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "the people page");
    await page.screenshot({ path: "/tmp/ap-people-1280.png", fullPage: true });

    // A body role for the department itself: a clear message, nothing sent.
    await page.locator("#invite-email").fill("new.officer@demo.example");
    await page.locator("#invite-role").selectOption("approver");
    await page.locator("#invite-organisation").selectOption("DES");
    await activate(page, page.getByRole("button", { name: "Send invitation" }));
    await expect.poll(() => page.locator(".govuk-error-summary").textContent()).toContain("belongs to a body, but Department for Example Services (synthetic) is a department");
    await expect.poll(() => page.title()).toBe("Error: People – Department portal");
    await expectNoAxeViolations(page, "the people page with an error");

    await page.locator("#invite-organisation").selectOption("DES-LIC1");
    await activate(page, page.getByRole("button", { name: "Send invitation" }));
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("Invitation sent to new.officer@demo.example");
    await expect.poll(() => page.getByText(/new\.officer@demo\.example: senior accountable officer/).count()).toBe(1);
    await expectNoAxeViolations(page, "the people page after inviting");

    const [mail] = await smtp.waitFor(1, 20_000);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe("new.officer@demo.example");
    const link = new RegExp(`${app.url}/agency/invitation/[A-Za-z0-9_-]{43}`).exec(mail!.text ?? "")?.[0];
    expect(link, mail!.text).toBeDefined();

    // The invited person, in a browser of their own.
    const invited = await newPage(browser);
    await invited.page.goto(link!);
    await expect.poll(() => heading(invited.page)).toBe("Set up your account");
    expect(await invited.page.locator("main").textContent()).toContain("new.officer@demo.example");
    await expectNoAxeViolations(invited.page, "the invitation page");
    await invited.page.screenshot({ path: "/tmp/ap-invitation-1280.png", fullPage: true });
    await activate(invited.page, invited.page.getByRole("button", { name: "Set up account and sign in" }));
    await expect.poll(() => invited.page.locator(".govuk-error-summary").textContent()).toContain("Enter your full name");
    await expectNoAxeViolations(invited.page, "the invitation page with errors");
    await invited.page.getByLabel("Full name").fill("New Officer");
    await invited.page.getByLabel("Create a password", { exact: true }).fill("four unrelated words together");
    await invited.page.keyboard.press("Enter");
    await invited.page.waitForURL((u) => u.pathname === "/agency/" || u.pathname.startsWith("/agency/DES-LIC1"));
    // Signed in, as the new account: the navigation offers to sign out, and the API knows them.
    await expect.poll(() => invited.page.getByRole("link", { name: "Sign out" }).count()).toBeGreaterThan(0);
    const me = await invited.page.evaluate(async () => (await fetch("/trpc/auth.me")).json());
    expect(me).toMatchObject({ result: { data: { email: "new.officer@demo.example", displayName: "New Officer", role: "approver", organisationCode: "DES-LIC1" } } });

    await invited.page.goto(link!);
    await expect.poll(() => heading(invited.page)).toBe("This invitation has already been used");
    await expectNoAxeViolations(invited.page, "the used invitation page");
    await invited.page.goto(`${app.url}/agency/invitation/not-a-real-link`);
    await expect.poll(() => heading(invited.page)).toBe("This invitation link is not valid");
    await invited.context.close();

    // The administrator sees the new person, and deactivates them: signed out at once.
    await page.reload();
    const row = page.getByRole("row", { name: /new\.officer@demo\.example/ });
    await expect.poll(() => row.textContent()).toContain("Active");
    await activate(page, row.getByRole("button", { name: "Deactivate New Officer" }));
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent()).toContain("new.officer@demo.example is deactivated");
    await expect.poll(() => row.textContent()).toContain("Deactivated");
    await expectNoAxeViolations(page, "the people page after deactivating");
  });

  it("fits a 320 px screen", async ({ browser }) => {
    const { page } = await newPage(browser, { width: 320 });
    await signIn(page, app, "admin@demo.example", "/portal/");
    await page.goto(`${app.url}/portal/DES/admin/people`);
    await expect.poll(() => heading(page)).toBe("People");
    await expect.poll(() => page.getByRole("row", { name: /submitter@demo\.example/ }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/ap-people-320.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, "the people page at 320 px");
    await page.goto(`${app.url}/portal/invitation/not-a-real-link`);
    await expect.poll(() => heading(page)).toBe("This invitation link is not valid");
    await expectNoAxeViolations(page, "the invalid invitation page at 320 px");
    await page.screenshot({ path: "/tmp/ap-invitation-invalid-320.png", fullPage: true });
  });

  it("refuses the people page to an analyst", async ({ browser }) => {
    const { page } = await newPage(browser);
    await signIn(page, app, "oversight@demo.example", "/portal/");
    await page.goto(`${app.url}/portal/DES/admin/people`);
    await expect.poll(() => heading(page)).toBe("You do not have access");
  });
});
