import type { APIResponse, Page } from "playwright-core";
import { expect } from "vitest";
import type { SignInAs } from "./fixtures.ts";

/**
 * What a browser test does from inside a signed-in page: call the API with the page's own session
 * (its cookie, its origin), as the app itself does, and move focus with the keyboard alone.
 */

type Answer = { result?: { data: unknown }; error?: unknown };

/**
 * The request goes through the page's context (its cookies) rather than `fetch` inside the page, so
 * it works while the page is navigating; it names the page's origin, as the app's own calls do.
 */
async function answer<T>(page: Page, path: string, send: (url: string, headers: Record<string, string>) => Promise<APIResponse>): Promise<T> {
  const origin = new URL(page.url()).origin;
  const response = await send(`${origin}/trpc/${path}`, { origin });
  const body = (await response.json()) as Answer;
  if (!response.ok() || !body.result) throw new Error(`${path} failed (${response.status()}): ${JSON.stringify(body.error)}`);
  return body.result.data as T;
}

/** A query through the API with the signed-in page's session; `input` left out sends none. */
export function queryFromPage<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return answer<T>(page, path, (url, headers) => page.request.get(`${url}${query}`, { headers }));
}

/** A mutation through the API with the signed-in page's session. */
export function mutateFromPage<T>(page: Page, path: string, input: unknown): Promise<T> {
  return answer<T>(page, path, (url, headers) => page.request.post(url, { headers: { ...headers, "content-type": "application/json" }, data: JSON.stringify(input) }));
}

/** The id of the element that has focus ("" for none). */
export const focusedId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses Tab until the element with this id has focus (keyboard only), failing if it never does. */
export async function tabTo(page: Page, id: string, most = 80): Promise<void> {
  // The page may still be building (a section made on the server): Tab only once the element is
  // there, or under load the presses run past where it will appear.
  await page.locator(`#${id}`).waitFor({ state: "visible" });
  for (let i = 0; i < most; i += 1) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Presses Tab until the focused element's text is this (a button or link), failing if it never is. */
export async function tabToText(page: Page, text: string, most = 80): Promise<void> {
  for (let i = 0; i < most; i += 1) {
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached “${text}”`);
}

/**
 * Screenshots of the page at `path`, signed in as `email`, at 1280 and 320 px, for a person to look
 * at (`${file}-1280.png`, `${file}-320.png`); `ready` waits for what should be on it. Long pages
 * shrink too far to read whole, so at 320 px they are kept in screen-high parts as well, and nothing
 * may scroll sideways there (WCAG 1.4.10 reflow).
 */
export async function screenshotsAtWidths(signedIn: SignInAs, email: string, path: string, file: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const width of [1280, 320]) {
    const { context, page } = await signedIn(email, path, { width });
    await ready(page);
    await page.screenshot({ path: `${file}-${width}.png`, fullPage: true });
    if (width === 320) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, part = 1; y < height; y += 1200, part += 1) {
        await page.screenshot({ path: `${file}-320-part${part}.png`, fullPage: true, clip: { x: 0, y, width: 320, height: Math.min(1200, height - y) } });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
    await context.close();
  }
}

/**
 * Walks the page with Tab from its skip link (arriving in an app puts focus on the heading), noting
 * each stop (a file input as `file input #id`, anything else by its text), until `last` or `most`
 * presses; gives the stops back in order.
 */
export async function tabStopsUntil(page: Page, last: string, most: number): Promise<string[]> {
  const stops: string[] = [];
  await page.locator(".govuk-skip-link").focus();
  for (let i = 0; i < most && stops.at(-1) !== last; i += 1) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        return el instanceof HTMLInputElement && el.type === "file" ? `file input #${el.id}` : (el.textContent ?? "").trim();
      }),
    );
  }
  return stops;
}
