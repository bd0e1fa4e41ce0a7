import { describe, expect } from "vitest";
import { expectNoAxeViolations, newPage, signIn } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";

describe("signing in to the department portal", () => {
  it("sends a signed-out user to sign in, then to their department's summary", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/portal/`);
    await page.waitForURL(/\/portal\/sign-in\?returnTo=%2F/);
    await expect.poll(() => page.title()).toBe("Sign in – Department portal");
    // The same pattern and labels as the agency app.
    await expect.poll(() => page.getByLabel("Email address").isVisible()).toBe(true);
    await expectNoAxeViolations(page, "the portal's sign-in page");
    await signIn(page, app, "oversight@demo.example", "/portal/");
    await page.waitForURL((u) => u.pathname === "/portal/DES/");
    const nav = page.getByRole("navigation", { name: /menu|navigation/i });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Summary", "Tracker", "Compare", "Totals", "Themes", "Action plans", "Learning", "Reports", "Your account: Olu Oversight", "Sign out"]);
    await context.close();
  });

  it("brings a user back to the address they asked for, filters and all", async ({ signedIn }) => {
    const { context, page } = await signedIn("secretariat@demo.example", "/portal/DES/actions?status=overdue");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/portal/DES/actions?status=overdue");
    await context.close();
  });

  it("tells a body's user the portal is for departments and points them at their own app", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", "/portal/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("This portal is for departments");
    expect(await page.getByRole("link", { name: "Go to the returns app for your organisation" }).getAttribute("href")).toBe("/agency/");
    await expectNoAxeViolations(page, "the portal for a body's user");
    await page.goto(`${app.url}/portal/DES/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You do not have access");
    await context.close();
  });

  it("keeps one department's users out of another's pages", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight.msa@demo.example", "/portal/");
    await page.waitForURL((u) => u.pathname === "/portal/MSA/");
    for (const path of ["/portal/DES/", "/portal/DES/tracker/2026-27-q2", "/portal/DES/compare/2025-26", "/portal/DES/bodies/DES-LIC1", "/portal/DES/returns/DES-LIC1/2026-27-q2"]) {
      await page.goto(`${app.url}${path}`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { message: path }).toBe("You do not have access");
      expect(await page.locator("main").textContent(), path).not.toMatch(/Department for Example Services|Licensing Agency/);
    }
    await context.close();
  });

  it("answers malformed addresses with Page not found", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("oversight@demo.example", "/portal/");
    for (const path of ["/portal/DES/tracker/2026-27", "/portal/DES/compare/2026", "/portal/DES-LIC1/", "/portal/DES/no/such/page"]) {
      await page.goto(`${app.url}${path}`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { message: path }).toBe("Page not found");
    }
    await expectNoAxeViolations(page, "Page not found");
    await context.close();
  });
});
