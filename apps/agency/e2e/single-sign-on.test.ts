import { afterAll, beforeAll, describe, expect } from "vitest";
import { expectNoAxeViolations, newPage, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import { startAppWithSingleSignOn, type TestIdentityProvider } from "@complaints/e2e/identity-provider";

/** The agency app's sign-in page with single sign-on set up (the portal's tests cover the refusals). */
describe("single sign-on in the agency app", () => {
  let idp: TestIdentityProvider;
  let app: RunningApp;

  beforeAll(async () => {
    ({ app, idp } = await startAppWithSingleSignOn(["agency"]));
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it("sends a body's complaints team to their department's provider and back to the page they asked for", async ({ browser }) => {
    const { context, page } = await newPage(browser, { width: 320 });
    await page.goto(`${app.url}/agency/`);
    await page.waitForURL((u) => u.pathname === "/agency/sign-in");
    await expect.poll(() => page.getByRole("button", { name: "Continue" }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, "the agency app's email step");
    await page.screenshot({ path: "/tmp/sso-agency-email-step-320.png", fullPage: true });
    idp.signInAs({ email: "submitter@demo.example" });
    await page.getByLabel("Email address").fill("submitter@demo.example");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((u) => u.pathname.startsWith("/agency/") && u.pathname !== "/agency/sign-in");
    expect((await context.cookies()).filter((c) => c.name.endsWith("complaints_session")).length).toBe(1);
    // At 320 px the service navigation (with "Sign out") is behind its Menu button.
    await expect.poll(() => page.getByRole("button", { name: /menu/i }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "the agency app after single sign-on");
    await context.close();
  });
});
