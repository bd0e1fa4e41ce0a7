import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiSession } from "@complaints/e2e/api-session";
import { beforeAll, describe, expect } from "vitest";
import { expectNoAxeViolations } from "./harness.ts";
import { it } from "@complaints/e2e/fixtures";

/**
 * Text people type can hold a long run with no space (a pasted link, a reference run together):
 * a heading that shows it wraps inside the page at 320 px instead of pushing it sideways
 * (WCAG 1.4.10 reflow).
 */
const screenshots = join(tmpdir(), "agency-long-text-screens");
const org = "DES-LIC1";
const unbroken = `https://intranet.example.gov.uk/${"renewals-letters-address-check-".repeat(8)}guidance`;

describe("long unbroken text", { timeout: 300_000 }, () => {
  beforeAll(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  it("wraps in an action plan's heading at 320 px and 1280 px", async ({ app, signedIn }) => {
    const team = await apiSession(app, "submitter@demo.example");
    const plan = await team.mutate<{ id: string }>("actions.create", {
      organisationCode: org,
      failing: "Letters about renewals went to an old address.",
      sourceComplaints: ["CMP-2025-0412"],
      action: `Follow ${unbroken} before sending renewal letters.`,
      kind: "service",
      owner: "Renewals team",
      startDate: "2025-07-01",
      dueDate: "2025-09-30",
      standards: "Data protection policy.",
      involvement: ["reviewing_guidance"],
      keptInformed: "Email update each month",
      monitoring: "Monthly sample of 20 letters.",
      impactMeasure: "Complaints about renewal letters",
      impactBaseline: "12 a quarter",
      impactTarget: "Fewer than 3 a quarter",
    });
    for (const width of [320, 1280]) {
      const { context, page } = await signedIn("submitter@demo.example", `/agency/${org}/actions/${plan.id}`, { width });
      const h1 = page.getByRole("heading", { level: 1 });
      await expect.poll(() => h1.textContent(), { timeout: 30_000 }).toContain(unbroken);
      const fits = await h1.evaluate((el) => ({ heading: el.scrollWidth <= el.clientWidth, page: document.documentElement.scrollWidth <= window.innerWidth }));
      expect(fits, `at ${width} px`).toEqual({ heading: true, page: true });
      await expectNoAxeViolations(page, `an action with long unbroken text at ${width} px`);
      await page.screenshot({ path: join(screenshots, `plan-${width}.png`), fullPage: true });
      await context.close();
    }
  });
});
