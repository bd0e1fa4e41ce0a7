import { expectNoAxeViolations } from "@complaints/e2e";
import { apiSession } from "@complaints/e2e/api-session";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * Nobody sees another department's data (DESIGN.md section 5): not through the portal's addresses,
 * not through the API. A body's people are pointed at their own app.
 */

async function expectHeading(page: Page, text: string): Promise<void> {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect.poll(async () => ((await h1.count()) > 0 ? h1.first().textContent() : null), { timeout: 60_000 }).toBe(text);
}

describe("access to the portal", () => {
  it("does not show another department's summary, tracker or returns to a department user, and the API refuses them", async ({ app, signedIn }) => {
    const des = await apiSession(app, "oversight@demo.example");
    const desBodies = (await des.query<{ code: string; name: string; kind: string }[]>("organisations.list", {})).filter((o) => o.kind === "body");
    expect(desBodies.length).toBeGreaterThan(0);
    const { context, page } = await signedIn("oversight.msa@demo.example", "/portal/DES/");
    for (const path of ["/portal/DES/", "/portal/DES/returns/DES-LIC1/2026-27-q2", "/portal/DES/tracker/2026-27-q2"]) {
      if (path !== "/portal/DES/") await page.goto(`${app.url}${path}`);
      await expectHeading(page, "You do not have access");
      const main = (await page.locator("main").textContent()) ?? "";
      for (const body of desBodies) expect(main, `${path} shows ${body.name}`).not.toContain(body.name);
      expect(main).not.toContain("Example Services");
      expect(await page.locator("main table, main .govuk-summary-list").count()).toBe(0);
    }
    await expectNoAxeViolations(page, "You do not have access");
    await context.close();

    // The API refuses every one of those calls for DES, while answering for MSA.
    const msa = await apiSession(app, "oversight.msa@demo.example");
    const desReturn = await des.query<{ returnId: string }>("returns.find", { organisationCode: "DES-BEN3", period: "2026-27 Q1" });
    const calls: [string, unknown][] = [
      ["organisations.get", { code: "DES" }],
      ["tracker.forPeriod", { departmentCode: "DES", period: "2026-27 Q2" }],
      ["returns.find", { organisationCode: "DES-LIC1", period: "2026-27 Q2" }],
      ["returns.find", { organisationCode: "DES-BEN3", period: "2026-27 Q1" }],
      ["returns.get", { returnId: desReturn.returnId }],
      ["returns.history", { returnId: desReturn.returnId }],
      ["metrics.funnel", { departmentCode: "DES", period: "2026-27 Q2", measure: "within_timescale" }],
      ["metrics.themes", { departmentCode: "DES" }],
      ["actions.listForDepartment", { departmentCode: "DES", status: "overdue" }],
    ];
    for (const [path, input] of calls) {
      const answer = await msa.attempt(path, input);
      expect({ path, code: answer.code, data: answer.data }).toEqual({ path, code: "FORBIDDEN", data: null });
    }
    expect((await msa.attempt("tracker.forPeriod", { departmentCode: "MSA", period: "2026-27 Q2" })).code).toBeNull();
  }, 180_000);

  it("tells a body's user that the portal is for departments", async ({ app, signedIn }) => {
    const { context, page } = await signedIn("submitter@demo.example", "/portal/");
    await expectHeading(page, "This portal is for departments");
    expect(await page.getByRole("link", { name: "Go to the returns app for your organisation" }).getAttribute("href")).toBe("/agency/");
    await expectNoAxeViolations(page, "This portal is for departments");
    // And a department's address is not theirs either.
    await page.goto(`${app.url}/portal/DES/`);
    await expectHeading(page, "You do not have access");
    await context.close();
  }, 120_000);
});
