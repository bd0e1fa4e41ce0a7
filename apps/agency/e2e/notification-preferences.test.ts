import { describe, expect } from "vitest";
import { screenshotsAtWidths } from "@complaints/e2e/page";
import { it } from "@complaints/e2e/fixtures";
import { expectNoAxeViolations } from "./harness.ts";

/** "Emails you get": a person turns a kind of email off with the keyboard, and it stays off. */
describe("choosing which emails you get", { timeout: 300_000 }, () => {
  it("lists the approver's emails, saves a box unticked, and shows it unticked when the page is opened again", async ({ signedIn }) => {
    const { page } = await signedIn("approver@demo.example", "/agency/account");
    const link = page.getByRole("link", { name: "Choose which emails you get" });
    await link.waitFor({ timeout: 30_000 });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/agency/account/notifications");
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe("Emails you get – Complaints returns");
    const boxes = page.getByRole("checkbox");
    await expect.poll(() => boxes.count()).toBe(3);
    const signOff = page.getByRole("checkbox", { name: "A return is waiting for your sign-off" });
    expect(await signOff.isChecked()).toBe(true);
    await expectNoAxeViolations(page, "the email choices");

    await signOff.focus();
    await page.keyboard.press("Space");
    expect(await signOff.isChecked()).toBe(false);
    await page.getByRole("button", { name: "Save your choices" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".govuk-notification-banner").textContent(), { timeout: 30_000 }).toContain("Your email choices have been saved");
    await expectNoAxeViolations(page, "the email choices, saved");

    await page.reload();
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBe(3);
    expect(await page.getByRole("checkbox", { name: "A return is waiting for your sign-off" }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: "Reminders that a return is due" }).isChecked()).toBe(true);
  });

  it("tells a role with no emails to choose that there are none, and fits a phone", async ({ signedIn }) => {
    const { page } = await signedIn("secretariat@demo.example", "/portal/account/notifications");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 }).toBe("Emails you get");
    expect(await page.locator("main").textContent()).toContain("does not send people in your role any emails you can turn off");
    await expectNoAxeViolations(page, "the email choices with none to make");
    await screenshotsAtWidths(signedIn, "submitter2@demo.example", "/agency/account/notifications", "/tmp/notif-prefs", async (p) => {
      await p.getByRole("checkbox").first().waitFor();
    });
  });
});
