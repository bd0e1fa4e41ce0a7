import { expectNoAxeViolations, newPage, startApp, type RunningApp } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import { focusedId, screenshotsAtWidths, tabTo, tabToText } from "@complaints/e2e/page";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject } from "vitest";

/**
 * A person's own account in the portal (who is signed in, in the header; `/portal/account`: their
 * details, changing their password, signing out everywhere) and the standard pages in the footer,
 * which anyone can read signed out.
 */
const poll = expect.poll;
const shots = "/tmp/account-pages";
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Signs in at the portal's sign-in page with a password of our choosing (the fixture's uses the demo's). */
async function signInWith(browser: Browser, app: RunningApp, email: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  await page.goto(`${app.url}/portal/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { page, close: () => context.close() };
}

describe("who is signed in, and their account page", () => {
  it("shows the signed-in person's name in the service navigation, linking to their account page", async ({ signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/tracker");
    const nav = page.getByRole("navigation", { name: "Menu" });
    const account = nav.getByRole("link", { name: "Your account: Olu Oversight" });
    expect(await account.getAttribute("href")).toBe("/portal/account");
    // What shows is the name; "Your account" is for screen readers.
    expect(await account.textContent()).toBe("Your account: Olu Oversight");
    expect(await account.locator(".govuk-visually-hidden").textContent()).toBe("Your account: ");
    expect((await nav.getByRole("link").allTextContents()).slice(-2)).toEqual(["Your account: Olu Oversight", "Sign out"]);
    // Followed with the keyboard. (Playwright's click aims at the link's first box, the 1 px
    // visually hidden "Your account: ", which the list item covers; a person clicks the name.)
    await account.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/portal/account");
    await poll(() => heading(page)).toBe("Your account");
    expect(await page.title()).toBe("Your account – Department portal");
    expect(await nav.getByRole("link", { name: "Your account: Olu Oversight" }).getAttribute("aria-current")).toBe("page");
    const rows = await page.locator(".govuk-summary-list__row").evaluateAll((rs) => rs.map((r) => [r.querySelector("dt")?.textContent?.trim(), r.querySelector("dd")?.textContent?.trim()]));
    expect(rows).toEqual([
      ["Name", "Olu Oversight"],
      ["Email address", "oversight@demo.example"],
      ["Role", expect.stringMatching(/oversight/i)],
      ["Organisation", expect.stringMatching(/^Department for Example Services/)],
    ]);
    await expectNoAxeViolations(page, "the account page");
  });

  it("changes the password with the keyboard: a wrong current password and a weak new one are refused, then it keeps this session and ends the others", async ({ app, browser, signedIn }) => {
    const email = "oversight.dip@demo.example";
    const elsewhere = await signedIn(email, "/portal/");
    const { page } = await signedIn(email, "/portal/account");
    await poll(() => heading(page)).toBe("Your account");

    const submit = async (current: string, next: string) => {
      await tabTo(page, "currentPassword");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(current);
      await tabTo(page, "newPassword");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(next);
      await page.keyboard.press("Enter");
    };
    // A wrong current password: the error summary takes focus and names the field.
    await submit("not my password", "kettle orbit lantern moss");
    await poll(() => page.locator(".govuk-error-summary").textContent()).toContain("Your current password is not right");
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toBe("Error: Your account – Department portal");
    expect(await page.locator("#currentPassword-error").textContent()).toContain("Your current password is not right");
    await expectNoAxeViolations(page, "the account page with an error");
    // The summary's link takes the keyboard to the field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await poll(() => focusedId(page)).toBe("currentPassword");

    await submit("complaints-demo-2026", "password12345");
    await poll(() => page.locator("#newPassword-error").textContent()).toContain("this one is among the most common passwords");

    await submit("complaints-demo-2026", "kettle orbit lantern moss");
    await poll(() => page.locator(".govuk-notification-banner--success").textContent()).toContain("Your password has been changed");
    expect(await page.title()).toBe("Your account – Department portal");
    expect(await page.locator("#currentPassword").inputValue()).toBe("");
    await expectNoAxeViolations(page, "the account page after changing the password");

    // This session goes on; the other one has ended.
    await page.goto(`${app.url}/portal/DIP/`);
    await page.waitForURL((u) => u.pathname === "/portal/DIP/");
    await elsewhere.page.goto(`${app.url}/portal/DIP/`);
    await elsewhere.page.waitForURL((u) => u.pathname === "/portal/sign-in");
    // The new password signs in; the old one does not.
    const old = await signInWith(browser, app, email, "complaints-demo-2026");
    await poll(() => old.page.locator(".govuk-error-summary").textContent()).toContain("Enter a correct email address and password");
    await old.close();
    const fresh = await signInWith(browser, app, email, "kettle orbit lantern moss");
    await fresh.page.waitForURL((u) => u.pathname === "/portal/DIP/");
    await fresh.close();
  }, 120_000);

  it("signs out everywhere: this browser and every other one", async ({ app, signedIn }) => {
    const email = "oversight.msa@demo.example";
    const elsewhere = await signedIn(email, "/portal/");
    const { page } = await signedIn(email, "/portal/account");
    await poll(() => heading(page)).toBe("Your account");
    await tabToText(page, "Sign out everywhere");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/portal/sign-in");
    await page.goto(`${app.url}/portal/MSA/`);
    await page.waitForURL((u) => u.pathname === "/portal/sign-in");
    await elsewhere.page.goto(`${app.url}/portal/MSA/`);
    await elsewhere.page.waitForURL((u) => u.pathname === "/portal/sign-in");
  }, 60_000);
});

describe("the standard pages", () => {
  const footerPages = [
    ["Help and contact", "/portal/help", "Help and contact"],
    ["Accessibility statement", "/portal/accessibility", "Accessibility statement for Department portal"],
    ["Cookies", "/portal/cookies", "Cookies"],
    ["Privacy notice", "/portal/privacy", "Privacy notice"],
  ] as const;

  it("reaches each from the footer by keyboard, signed out, each axe-clean, under a Beta phase banner", async ({ app, browser }) => {
    const { context, page } = await newPage(browser);
    for (const [link, path, title] of footerPages) {
      await page.goto(`${app.url}/portal/sign-in`);
      await poll(() => heading(page)).toBe("Sign in");
      await tabToText(page, link);
      await page.keyboard.press("Enter");
      await page.waitForURL((u) => u.pathname === path);
      await poll(() => heading(page)).toBe(title);
      await poll(() => page.locator("main .govuk-body").count()).toBeGreaterThan(0);
      expect(await page.title()).toBe(`${title} – Department portal`);
      // Read as words: the tag, a space, then the text.
      expect((await page.locator(".govuk-phase-banner").textContent())?.replace(/\s+/g, " ").trim()).toBe("Beta This is a new service. Help us improve it by giving your feedback.");
      expect(await page.locator(".govuk-phase-banner a").getAttribute("href")).toBe("mailto:support@demo.example");
      await expectNoAxeViolations(page, `${path}, signed out`);
    }
    expect(await page.locator(".govuk-footer").getByRole("link", { name: "Feedback" }).getAttribute("href")).toBe("mailto:support@demo.example");
    // Signed out, the account page asks to sign in first.
    await page.goto(`${app.url}/portal/account`);
    await page.waitForURL(/\/portal\/sign-in\?returnTo=%2Faccount$/);
    await context.close();
  }, 120_000);

  it("shows the department's own contact details, phase and feedback address", async ({ browser }) => {
    const configured = await startApp({
      template: inject("demoSqliteTemplate") ?? undefined,
      needs: ["portal"],
      env: { PHASE_BANNER: "alpha", SUPPORT_EMAIL: "complaints-help@dept.example", SUPPORT_HOURS: "Weekdays, 8am to 6pm", SUPPORT_PHONE: "0300 123 4567", FEEDBACK_URL: "https://forms.example/feedback" },
    });
    try {
      const { context, page } = await newPage(browser);
      await page.goto(`${configured.url}/portal/help`);
      await poll(() => page.locator("main").innerText()).toContain("Weekdays, 8am to 6pm");
      const main = await page.locator("main").innerText();
      expect(main).toContain("Email: complaints-help@dept.example");
      expect(main).toContain("Telephone: 0300 123 4567");
      expect(await page.locator(".govuk-phase-banner .govuk-tag").innerText()).toMatch(/alpha/i);
      expect(await page.locator(".govuk-phase-banner a").getAttribute("href")).toBe("https://forms.example/feedback");
      await context.close();
    } finally {
      await configured.close();
    }
    // With PHASE_BANNER=none there is no banner.
    const live = await startApp({ template: inject("demoSqliteTemplate") ?? undefined, needs: ["portal"], env: { PHASE_BANNER: "none" } });
    try {
      const { context, page } = await newPage(browser);
      await page.goto(`${live.url}/portal/cookies`);
      await poll(() => heading(page)).toBe("Cookies");
      expect(await page.locator(".govuk-phase-banner").count()).toBe(0);
      await context.close();
    } finally {
      await live.close();
    }
  }, 120_000);

  it("fits 1280 and 320 px screens (screenshots of the account page)", async ({ signedIn }) => {
    await screenshotsAtWidths(signedIn, "secretariat@demo.example", "/portal/account", `${shots}-account`, async (page) => {
      await poll(() => heading(page)).toBe("Your account");
    });
  }, 120_000);

  it("fits 1280 and 320 px screens signed out (screenshots of the accessibility statement)", async ({ app, browser }) => {
    for (const width of [1280, 320]) {
      const { context, page } = await newPage(browser, { width });
      await page.goto(`${app.url}/portal/accessibility`);
      await poll(() => heading(page)).toBe("Accessibility statement for Department portal");
      await page.screenshot({ path: `${shots}-accessibility-${width}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    }
  }, 60_000);
});
