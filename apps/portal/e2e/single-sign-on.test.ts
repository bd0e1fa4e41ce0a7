import { afterAll, beforeAll, describe, expect } from "vitest";
import { expectNoAxeViolations, newPage, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import { startAppWithSingleSignOn, type TestIdentityProvider } from "@complaints/e2e/identity-provider";

/**
 * Signing in with the organisation's account, in Chromium, against a real OpenID Connect provider
 * (oidc-provider on loopback) that the Department for Example Services uses for demo.example emails.
 */
describe("single sign-on in the portal", () => {
  let idp: TestIdentityProvider;
  let app: RunningApp;

  beforeAll(async () => {
    ({ app, idp } = await startAppWithSingleSignOn(["portal"]));
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it("asks for the email first, sends a department's email to its provider, and comes back signed in", async ({ browser }) => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/portal/DES/tracker`);
    await page.waitForURL((u) => u.pathname === "/portal/sign-in");
    await expect.poll(() => page.getByRole("button", { name: "Continue" }).isVisible()).toBe(true);
    expect(await page.getByLabel("Password", { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, "the email step of sign-in");
    await page.screenshot({ path: "/tmp/sso-email-step-1280.png", fullPage: true });

    // By keyboard: the email, then Enter.
    idp.signInAs({ email: "oversight@demo.example" });
    await page.getByLabel("Email address").fill("oversight@demo.example");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/portal/DES/tracker");
    await expect.poll(() => page.getByRole("link", { name: "Sign out" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, "the tracker after single sign-on");
    await context.close();
  });

  it("shows the password field to anyone whose email no provider covers", async ({ browser }) => {
    const { context, page } = await newPage(browser, { width: 320 });
    await page.goto(`${app.url}/portal/sign-in`);
    await page.getByLabel("Email address").fill("someone@elsewhere.example");
    await page.getByRole("button", { name: "Continue" }).click();
    const password = page.getByLabel("Password", { exact: true });
    await expect.poll(() => password.isVisible()).toBe(true);
    // The field that replaced the button takes focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("password");
    await expectNoAxeViolations(page, "the password step of sign-in");
    await page.screenshot({ path: "/tmp/sso-password-step-320.png", fullPage: true });
    await password.fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Enter a correct email address and password.");
    await context.close();
  });

  it("refuses someone whose account belongs to another department, with a clear page and no session", async ({ browser }) => {
    const { context, page } = await newPage(browser);
    idp.signInAs({ email: "oversight.msa@demo.example" });
    await page.goto(`${app.url}/portal/sign-in`);
    await page.getByLabel("Email address").fill("oversight.msa@demo.example");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((u) => u.pathname === "/auth/sso/callback");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You have not been signed in");
    expect(await page.locator("#sign-in-refused").textContent()).toBe("There is no account for oversight.msa@demo.example in this service. Ask your department's administrator to invite you.");
    await expectNoAxeViolations(page, "the refusal page");
    await page.screenshot({ path: "/tmp/sso-refused-1280.png", fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: "/tmp/sso-refused-320.png", fullPage: true });
    expect((await context.cookies()).filter((c) => c.name.includes("complaints_session"))).toEqual([]);
    await page.getByRole("link", { name: "Go back to sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/portal/sign-in");
    await context.close();
  });
});
