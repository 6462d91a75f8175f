// Debian's Chromium driven by playwright-core, for the browser suites: one headless browser per test
// file, a fresh context (cookies, storage) per scenario, screenshots under .test-output/browser/.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const OUTPUT = ".test-output/browser";

// Quiet and self-contained: no sync, updates or first-run pages, no GPU in CI's containers.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Starts Chromium. Playwright gives each launch a fresh temporary profile (user data dir), removed
 * when the browser closes. Fails with how to install it when Debian's Chromium is missing: CI
 * installs it (.ci/run), so a missing browser is an error to fix, never a reason to skip.
 */
export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`The browser tests need Debian's Chromium at ${executablePath}, which is missing. Install it with: sudo apt-get install -y chromium (CI's .ci/run does this itself).`);
  }
  return chromium.launch({ executablePath, headless: true, args: ARGS });
}

/** Runs a scenario in a fresh context and page (nothing signed in, nothing remembered), closed afterwards. */
export async function inFreshPage<T>(browser: Browser, scenario: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-GB" });
  context.setDefaultTimeout(10_000);
  try {
    return await scenario(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** Writes a full-page screenshot to .test-output/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
