import { describe, expect } from "vitest";
import { it } from "@complaints/e2e/fixtures";

/**
 * What a reader on a narrow screen or at 200% zoom sees whole: the heat map's turned quarter labels,
 * the last one too, inside the chart's visible box, and a scrolling table's caption inside the width.
 * And what a screen reader user hears in a list of controls: repeated disclosures told apart.
 */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

describe("narrow screens and zoom", () => {
  it("shows the department heat map's last quarter label whole at 1280 px and at 200% zoom, its summary naming theme then quarter", async ({ signedIn }) => {
    for (const width of [1280, 640]) {
      const { page } = await signedIn("oversight@demo.example", "/portal/DES/themes", { width });
      const figure = page.locator("figure", { has: page.getByRole("heading", { name: /by theme and quarter, pooled over the panel/ }) });
      await poll(() => figure.locator(".app-chart__columns text").count()).toBeGreaterThan(1);
      expect(await figure.locator(".app-chart__summary").textContent()).toMatch(/^\d+ themes by \d+ quarters, each cell a rate per 100 complaints received\. Highest: \S+ in /);
      const [labelRight, boxRight] = await figure.evaluate((f) => [
        f.querySelector(".app-chart__columns text:last-of-type")!.getBoundingClientRect().right,
        f.querySelector(".app-chart__box")!.getBoundingClientRect().right,
      ]);
      if (width === 1280) expect(labelRight).toBeLessThanOrEqual(boxRight);
      else {
        // At 200% zoom the map scrolls sideways; scrolled to its end, the label is whole.
        await figure.locator(".app-chart__box").evaluate((b) => void (b.scrollLeft = b.scrollWidth));
        const right = await figure.evaluate((f) => f.querySelector(".app-chart__columns text:last-of-type")!.getBoundingClientRect().right);
        expect(right).toBeLessThanOrEqual(boxRight);
      }
      await page.context().close();
    }
  });

  it("shows the tracker at 320 px as a block of labelled lines per body, nothing hidden sideways, its caption inside the screen", async ({ signedIn }) => {
    const { page } = await signedIn("oversight@demo.example", "/portal/DES/tracker/2026-27-q2", { width: 320 });
    const caption = page.locator(".app-table-scroll caption");
    await poll(() => caption.count()).toBe(1);
    const right = await caption.evaluate((c) => c.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(320);
    const [scrollWidth, clientWidth] = await page.locator(".app-table-scroll").evaluate((r) => [r.scrollWidth, r.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const received = page.locator('.app-tracker-table td[data-label="Received by the department"]').first();
    expect(await received.evaluate((td) => getComputedStyle(td).display)).toBe("block");
    await page.context().close();
  });

  it("tells the many 'More about this action' and 'What the body did' disclosures apart by body and date", async ({ signedIn }) => {
    for (const [path, words] of [["/portal/DES/actions", /^More about this action: .+ \(synthetic\), due \d{1,2} \w+ \d{4}$/], ["/portal/DES/learning", /^What the body did: .+ \(synthetic\), (completed|due) \d{1,2} \w+ \d{4}$/]] as const) {
      const { page } = await signedIn("oversight@demo.example", path, { width: 1280 });
      const summaries = page.locator("summary .govuk-details__summary-text");
      await poll(() => summaries.count()).toBeGreaterThan(3);
      const names = (await summaries.allTextContents()).filter((t) => /^(More about|What the body)/.test(t));
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) expect(name).toMatch(words);
      await page.context().close();
    }
  });
});
