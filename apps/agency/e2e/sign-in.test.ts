import { describe, expect } from "vitest";
import { expectNoAxeViolations, newPage, signIn } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";

describe("signing in to the agency app", () => {
  it("sends a signed-out user to sign in and back to the page they asked for", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/agency/DES-LIC1/`);
    await page.waitForURL(/\/agency\/sign-in\?returnTo=%2FDES-LIC1%2F/);
    await expect.poll(() => page.title()).toBe("Sign in – Complaints returns");
    await expectNoAxeViolations(page, "the sign-in page");
    await signIn(page, app, "submitter@demo.example", "/agency/DES-LIC1/");
    expect(new URL(page.url()).pathname).toBe("/agency/DES-LIC1/");
    await context.close();
  });

  it("shows the error summary, linked to the fields, when sign-in fails", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/agency/sign-in`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expect.poll(() => page.title()).toBe("Error: Sign in – Complaints returns");
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Enter your email address", "Enter your password"]);
    await expectNoAxeViolations(page, "the sign-in page with errors");

    await page.getByLabel("Email address").fill("submitter@demo.example");
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => summary.textContent()).toMatch(/Enter a correct email address and password/);
    await expectNoAxeViolations(page, "the sign-in page after a wrong password");
    await context.close();
  });

  it("answers an unknown address with Page not found", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example");
    await page.goto(`${app.url}/agency/DES-LIC1/no/such/page`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expectNoAxeViolations(page, "Page not found");
    await context.close();
  });
});
