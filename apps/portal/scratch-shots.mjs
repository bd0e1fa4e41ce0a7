import { chromium } from "playwright-core";
const [,, email, path, name, widths = "1280,320", action] = process.argv;
const url = "http://127.0.0.1:4517";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
for (const w of widths.split(",").map(Number)) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, locale: "en-GB", timezoneId: "Europe/London" });
  const page = await ctx.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
  await page.goto(`${url}/portal/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("complaints-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.endsWith("/sign-in"));
  await page.goto(`${url}${path}`);
  await page.waitForTimeout(2500);
  console.log(w, await page.title());
  if (action === "click-return") { await page.getByRole("button", { name: "Return to the body" }).click(); await page.waitForTimeout(800); }
  if (action === "accept") { await page.getByRole("button", { name: "Accept return" }).click(); await page.waitForTimeout(1500); }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const chunk = w >= 1000 ? 1800 : 2400;
  for (let y = 0, i = 0; y < height && i < 12; y += chunk, i++) {
    await page.screenshot({ path: `/tmp/review-${name}-${w}-${i}.png`, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(chunk, height - y) } });
  }
  console.log("chunks", Math.ceil(height / chunk));
  await ctx.close();
}
await browser.close();
