import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./harness.ts";

describe("signing in to the agency app", () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends a signed-out user to sign in and back to the page they asked for", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/agency/DES-LIC1/`);
    await page.waitForURL(/\/agency\/sign-in\?returnTo=%2FDES-LIC1%2F/);
    await expect.poll(() => page.title()).toBe("Sign in – Complaints returns");
    await expectNoAxeViolations(page, "the sign-in page");
    await signIn(page, app, "submitter@demo.example", "/agency/DES-LIC1/");
    expect(new URL(page.url()).pathname).toBe("/agency/DES-LIC1/");
    await context.close();
  });

  it("shows the error summary, linked to the fields, when sign-in fails", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/agency/sign-in`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.title()).toBe("Error: Sign in – Complaints returns");
    expect(await summary.getByRole("link").allTextContents()).toEqual(["Enter your email address", "Enter your password"]);
    await expectNoAxeViolations(page, "the sign-in page with errors");

    await page.getByLabel("Email address").fill("submitter@demo.example");
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => summary.textContent()).toMatch(/Enter a correct email address and password/);
    await expectNoAxeViolations(page, "the sign-in page after a wrong password");
    await context.close();
  });

  it("answers an unknown address with Page not found", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, app, "submitter@demo.example");
    await page.goto(`${app.url}/agency/DES-LIC1/no/such/page`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expectNoAxeViolations(page, "Page not found");
    await context.close();
  });
});
