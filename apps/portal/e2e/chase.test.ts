import { expectNoAxeViolations } from "@complaints/e2e";
import { it } from "@complaints/e2e/fixtures";
import { describe, expect } from "vitest";

/** Chasing a late body from the tracker, with the keyboard: who will be emailed, a line of one's own, sent. */
describe("chasing a late body", { timeout: 300_000 }, () => {
  it("goes from the tracker's Chase link to a page naming who will be emailed, sends, and says it was sent", async ({ signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/tracker");
    const chase = page.getByRole("link", { name: /^Chase / }).first();
    await chase.waitFor({ timeout: 60_000 });
    await chase.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => /^\/portal\/DES\/tracker\/[0-9-]+q[1-4]\/chase\/[A-Z0-9-]+$/.test(u.pathname));
    await expect.poll(() => page.getByRole("heading", { name: "Who we will email" }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.title()).toMatch(/^Chase .+'s return – Department portal$/);
    const recipients = await page.locator("main li").allTextContents();
    expect(recipients.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page, "the chase page");
    await page.screenshot({ path: "/tmp/notif-chase-1280.png", fullPage: true });

    await page.getByLabel("Add a line to the email (optional)").fill("The board meets on Thursday.");
    await page.getByRole("button", { name: "Send the email" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 }).toBe("Email sent");
    const said = await page.locator("main").textContent();
    for (const r of recipients) expect(said).toContain(/\(([^)]+)\)$/.exec(r)![1]);
    await expectNoAxeViolations(page, "the chase sent");
  });

  it("fits a phone", async ({ signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/tracker", { width: 320 });
    const chase = page.getByRole("link", { name: /^Chase / }).first();
    await chase.waitFor({ timeout: 60_000 });
    await page.goto(await chase.evaluate((a) => (a as HTMLAnchorElement).href));
    await page.getByRole("heading", { name: "Who we will email" }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: "/tmp/notif-chase-320.png", fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
