// Each view in headless Chromium, inside a small host page speaking the MCP Apps bridge (the SDK's
// AppBridge): the page comes from resources/read through the real gateway on the sandbox, the data
// from a real tools/call, both through an MCP SDK client that declares the UI extension. Found by role
// and text as a person reads them; light and dark; 320 px wide; nothing fetched by any view.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inFreshPage, launchChromium } from "../browser/chromium.js";
import { startStack, USERS, type McpClient, type Stack } from "../harness.js";
import { startTestHost, type TestHost } from "./host/server.js";

const OUTPUT = ".test-output/views";
const TODAY = "2026-11-20";
const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };

let stack: Stack;
let client: McpClient;
let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  [stack, host, browser] = await Promise.all([startStack({ today: TODAY, transactions: 3000 }), startTestHost(), launchChromium()]);
  client = await stack.client(stack.token(USERS.admin), { ui: true });
  mkdirSync(OUTPUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await stack?.close();
});

/** "12345.67" + "MXN" → "12,345.67 MXN", written independently of the views' own formatting. */
function money(m: { value: string; currency: string }): string {
  const [whole, fraction] = m.value.split(".");
  return `${BigInt(whole!).toLocaleString("en-US")}.${fraction} ${m.currency}`;
}
const transactions = (n: number) => `${n} transaction${n === 1 ? "" : "s"}`;

interface Shown {
  frame: Frame;
  result: any;
  /** Every URL the page requested, the host's own included. */
  requests: string[];
  problems: string[];
}

/** Calls the tool, reads its view's page from its tools/list entry, and shows both in the test host. */
async function show(page: Page, tool: string, args: Record<string, unknown>, opts: { theme?: "light" | "dark"; width?: number } = {}): Promise<Shown> {
  const listed = (await client.listTools()).tools.find((t) => t.name === tool)!;
  const uri = listed._meta.ui.resourceUri as string;
  const [{ contents }, result] = await Promise.all([client.readResource({ uri }), client.callTool({ name: tool, arguments: args })]);
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(host.url);
  await page.evaluate((showing) => (globalThis as any).showView(showing), {
    html: contents[0].text,
    csp: contents[0]._meta.ui.csp,
    theme: opts.theme ?? "light",
    width: opts.width ?? 640,
    input: args,
    result: result as Record<string, unknown>,
    timeZone: "America/Mexico_City",
  });
  const frame = (await page.locator("iframe").elementHandle())!.contentFrame();
  await (await frame)!.getByRole("heading").first().waitFor();
  // The frame has taken the height the view asked for.
  await page.waitForFunction(() => {
    const { document, sizes } = globalThis as any;
    const last = sizes.at(-1);
    return last?.height !== undefined && document.querySelector("iframe").getBoundingClientRect().height >= last.height - 1;
  });
  return { frame: (await frame)!, result, requests, problems };
}

/** A screenshot of the view's frame, the window first made tall enough to paint all of it. */
async function capture(page: Page, name: string): Promise<void> {
  const box = (await page.locator("iframe").boundingBox())!;
  await page.setViewportSize({ width: 1100, height: Math.ceil(box.y + box.height + 16) });
  await page.locator("iframe").screenshot({ path: join(OUTPUT, `${name}.png`) });
}

/** Everything drawn lies inside a frame `width` wide: no sideways scrolling, nothing cut off. */
async function fits(frame: Frame, width: number): Promise<void> {
  expect(await frame.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const outside = await frame.evaluate((w) => [...(globalThis as any).document.querySelectorAll("main *")].filter((e: any) => e.getBoundingClientRect().right > w + 0.5).map((e: any) => e.outerHTML.slice(0, 80)), width);
  expect(outside).toEqual([]);
}

/** Nothing but the host page and its script was requested, and no policy was broken. */
function selfContained(shown: Shown): void {
  expect(shown.requests.filter((url) => !url.startsWith(host.url))).toEqual([]);
  expect(shown.requests.every((url) => url === host.url || url === `${host.url}host.js`)).toBe(true);
  expect(shown.problems).toEqual([]);
}

describe("the spending chart", () => {
  it("bars by category: one per group, each with its exact total, currency and count; the caption says period, time zone and totals", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "summarize_spending", { groupBy: "category", ...OCTOBER });
      const summary = shown.result.structuredContent;
      expect(summary.groups.length).toBeGreaterThan(3);
      const bars = shown.frame.getByRole("list", { name: "Spending by category" }).getByRole("listitem");
      expect(await bars.count()).toBe(summary.groups.length);
      for (const [i, group] of summary.groups.entries()) {
        const said = `${group.label}: ${money(group.total)} (${transactions(group.count)})`;
        expect(await bars.nth(i).getAttribute("aria-label")).toBe(said);
        // The label and the amount are on the bar itself, and the tooltip says both.
        expect(await bars.nth(i).textContent()).toContain(money(group.total));
        expect(await bars.nth(i).getAttribute("title")).toBe(said);
      }
      const caption = await shown.frame.locator("#caption").textContent();
      expect(caption).toBe(`1 Oct 2026 – 31 Oct 2026 · time zone America/Mexico_City · ${money(summary.totals.total)} in ${transactions(summary.totals.count)}`);
      selfContained(shown);
      await capture(page, "spending-chart-light");
    }));

  it("the top 5 merchants: five bars, largest first, the caption's totals still covering every merchant", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "summarize_spending", { groupBy: "merchant", limit: 5, ...OCTOBER }, { theme: "dark" });
      const summary = shown.result.structuredContent;
      const bars = shown.frame.getByRole("list", { name: "Spending by merchant" }).getByRole("listitem");
      expect(await bars.count()).toBe(5);
      for (const group of summary.groups) expect(await shown.frame.getByRole("listitem", { name: `${group.label}: ${money(group.total)} (${transactions(group.count)})` }).count()).toBe(1);
      expect(await shown.frame.locator("#caption").textContent()).toContain(money(summary.totals.total));
      expect(await shown.frame.locator("html").getAttribute("data-theme")).toBe("dark");
      selfContained(shown);
      await capture(page, "spending-chart-merchants-dark");
    }));

  it("a line by day: one point per day with spending, its exact total as its name; the values as a table", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "summarize_spending", { groupBy: "day", ...OCTOBER });
      const summary = shown.result.structuredContent;
      const points = shown.frame.getByRole("list", { name: "Spending by day" }).getByRole("listitem");
      expect(await points.count()).toBe(summary.groups.length);
      for (const group of summary.groups.slice(0, 5)) {
        expect(await shown.frame.getByRole("listitem", { name: `${group.label}: ${money(group.total)} (${transactions(group.count)})` }).count()).toBe(1);
      }
      await capture(page, "spending-chart-by-day-light");
      await shown.frame.getByText("Show the values").click();
      const rows = shown.frame.getByRole("table").getByRole("row");
      expect(await rows.count()).toBe(summary.groups.length + 1);
      selfContained(shown);
    }));

  it("dark from the host's theme, and it follows a change of theme without reloading", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "summarize_spending", { groupBy: "category", ...OCTOBER }, { theme: "dark" });
      const background = () => shown.frame.evaluate(() => { const { getComputedStyle, document } = globalThis as any; return getComputedStyle(document.body).backgroundColor as string; });
      const dark = await background();
      await capture(page, "spending-chart-dark");
      await page.evaluate(() => (globalThis as any).changeTheme("light"));
      await shown.frame.waitForFunction(() => (globalThis as any).document.documentElement.dataset.theme === "light");
      expect(await background()).not.toBe(dark);
      expect(await background()).toBe("rgb(255, 255, 255)");
    }));

  it("at 320 px: every bar and its amount still shown, nothing wider than the frame", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "summarize_spending", { groupBy: "cardholder", ...OCTOBER }, { width: 320 });
      await fits(shown.frame, 320);
      const group = shown.result.structuredContent.groups[0];
      expect(await shown.frame.getByText(money(group.total), { exact: true }).first().isVisible()).toBe(true);
      await capture(page, "spending-chart-narrow");
    }));
});

describe("the cards table", () => {
  it("one row per card: last 4, cardholder, status badge (a locked card marked), limit and spent", () =>
    inFreshPage(browser, async (page) => {
      const active = (await client.callTool({ name: "list_cards", arguments: { status: "ACTIVE", limit: 1 } })).structuredContent as any;
      await client.callTool({ name: "lock_card", arguments: { card: active.data[0].id } });
      const shown = await show(page, "list_cards", { limit: 12 });
      const cards = shown.result.structuredContent.data as any[];
      const table = shown.frame.getByRole("table");
      expect(await table.getByRole("row").count()).toBe(cards.length + 1);
      for (const card of cards) {
        const row = table.getByRole("row").filter({ has: shown.frame.getByRole("rowheader", { name: `•••• ${card.last4}`, exact: true }) });
        expect(await row.count(), card.last4).toBe(1);
        const cells = await row.getByRole("cell").allTextContents();
        const status = card.status.charAt(0) + card.status.slice(1).toLowerCase();
        expect(cells).toEqual([card.cardholder.name, status, `${money(card.spendingLimit.amount)}${card.spendingLimit.period.toLowerCase().replace(/_/g, " ")}`, money(card.spentThisPeriod)]);
      }
      const locked = cards.filter((c) => c.status === "LOCKED");
      expect(locked.map((c) => c.id)).toContain(active.data[0].id);
      for (const card of locked) {
        const row = table.getByRole("row").filter({ has: shown.frame.getByRole("rowheader", { name: `•••• ${card.last4}`, exact: true }) });
        expect(await row.getAttribute("class")).toBe("locked");
      }
      expect(await shown.frame.locator("#caption").textContent()).toContain(`${locked.length} locked`);
      selfContained(shown);
      await capture(page, "cards-table-light");
      await page.evaluate(() => (globalThis as any).changeTheme("dark"));
      await shown.frame.waitForFunction(() => (globalThis as any).document.documentElement.dataset.theme === "dark");
      await capture(page, "cards-table-dark");
    }));

  it("at 320 px: the table fits the frame", () =>
    inFreshPage(browser, async (page) => {
      const shown = await show(page, "list_cards", { limit: 6 }, { width: 320 });
      await fits(shown.frame, 320);
      // Still a table to a screen reader: a row per card, the last 4 digits heading each.
      const cards = shown.result.structuredContent.data as any[];
      expect(await shown.frame.getByRole("row").count()).toBe(cards.length + 1);
      for (const card of cards) expect(await shown.frame.getByRole("rowheader", { name: `•••• ${card.last4}`, exact: true }).count()).toBe(1);
      await capture(page, "cards-table-narrow");
    }));
});

describe("the write confirmation card", () => {
  it("a lock: the card, Active → Locked, and when; then the unlock says the reverse", () =>
    inFreshPage(browser, async (page) => {
      const active = (await client.callTool({ name: "list_cards", arguments: { status: "ACTIVE", limit: 3 } })).structuredContent as any;
      const card = active.data[2];
      let shown = await show(page, "lock_card", { card: card.id });
      expect(shown.result.structuredContent).toMatchObject({ previousStatus: "ACTIVE", card: { status: "LOCKED" } });
      const frame = () => shown.frame;
      expect(await frame().getByRole("heading", { level: 1 }).textContent()).toBe("Card locked");
      expect(await frame().getByText(`•••• ${card.last4}`).textContent()).toBe(`•••• ${card.last4}`);
      expect(await frame().locator(".card").textContent()).toBe(`•••• ${card.last4} · ${card.cardholder.name}`);
      expect(await frame().locator("dl").textContent()).toBe("BeforeActive→AfterLocked");
      const when = frame().locator("time");
      expect(await when.getAttribute("datetime")).toBe(shown.result.structuredContent.changedAt);
      expect(await when.textContent()).toMatch(/2026.*(CST|GMT-6)/);
      selfContained(shown);
      await capture(page, "write-confirmation-lock-light");
      shown = await show(page, "unlock_card", { card: card.id }, { theme: "dark" });
      expect(await frame().getByRole("heading", { level: 1 }).textContent()).toBe("Card unlocked");
      expect(await frame().locator("dl").textContent()).toBe("BeforeLocked→AfterActive");
      await capture(page, "write-confirmation-unlock-dark");
    }));

  it("a limit change: the limit before and after (the user said yes first)", () =>
    inFreshPage(browser, async (page) => {
      const active = (await client.callTool({ name: "list_cards", arguments: { status: "ACTIVE", limit: 4 } })).structuredContent as any;
      const card = active.data[3];
      const shown = await show(page, "update_card_limit", { card: card.id, amount: "35000" }, { theme: "dark" });
      const change = shown.result.structuredContent;
      expect(change.before.amount).toEqual(card.spendingLimit.amount);
      expect(change.after.amount.value).toBe("35000.00");
      expect(await shown.frame.getByRole("heading", { level: 1 }).textContent()).toBe("Limit changed");
      const period = (p: string) => p.toLowerCase().replace(/_/g, " ");
      expect(await shown.frame.locator("dl").textContent()).toBe(`Before${money(change.before.amount)} ${period(change.before.period)}→After35,000.00 ${change.after.amount.currency} ${period(change.after.period)}`);
      selfContained(shown);
      await capture(page, "write-confirmation-limit-dark");
    }));

  it("at 320 px: before and after still side by side or stacked, nothing wider than the frame", () =>
    inFreshPage(browser, async (page) => {
      const card = ((await client.callTool({ name: "list_cards", arguments: { status: "ACTIVE", limit: 5 } })).structuredContent as any).data[4];
      const shown = await show(page, "update_card_limit", { card: card.id, amount: "1234567.89" }, { width: 320 });
      await fits(shown.frame, 320);
      expect(await shown.frame.getByText("1,234,567.89", { exact: false }).count()).toBe(1);
      await capture(page, "write-confirmation-narrow");
    }));
});
