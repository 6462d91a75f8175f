// The product's read prompts, end to end: SDK client → gateway (HTTP) → sandbox (HTTP), each answer
// checked against the sandbox's own REST answer for the same question.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { asRows, cents, requestsSince, restAll, session, tableItems, type Session } from "./prompting.js";

describe.each(ERAS)("%s era", (era) => {
  const TODAY = "2026-11-20";
  let stack: Stack;
  let admin: Session;

  beforeAll(async () => {
    stack = await startStack({ era,  today: TODAY });
    admin = await session(stack, USERS.admin);
  });
  afterAll(async () => {
    await stack?.close();
  });

  describe("prompts, read", () => {
    it('"List all my corporate cards"', async () => {
      const rest = await restAll(admin, "/api/v3/cards");
      const answer = await admin.call("list_cards", { limit: 500 });
      expect(answer.isError).toBe(false);
      expect(answer.structured.totalItems).toBe(rest.totalItems);
      expect(answer.structured.returned).toBe(rest.totalItems);
      expect(answer.structured.hasMore).toBe(false);
      expect(answer.structured.data.map((card: any) => card.id)).toEqual(rest.items.map((card) => card.id));
      const lines = answer.text.split("\n");
      expect(lines[0]).toBe(`${grouped(rest.totalItems)} of ${grouped(rest.totalItems)} cards`);
      expect(lines).toHaveLength(rest.totalItems + 1);
      expect(answer.text).toContain("•••• 4821 · Luis Pérez · ACTIVE · limit 20,000.00 MXN monthly");

      // The default limit still reports the true total.
      const first = await admin.call("list_cards");
      expect(first.structured).toMatchObject({ returned: Math.min(50, rest.totalItems), totalItems: rest.totalItems });
    });

    it('"Which cards are locked?" and "cards with a limit above 10,000"', async () => {
      const locked = await restAll(admin, "/api/v3/cards?status=LOCKED");
      const answer = await admin.call("list_cards", { status: "LOCKED" });
      expect(locked.totalItems).toBeGreaterThan(0);
      expect(answer.structured.data.map((card: any) => card.id)).toEqual(locked.items.map((card) => card.id));
      expect(answer.structured.data.every((card: any) => card.status === "LOCKED")).toBe(true);

      const big = await restAll(admin, "/api/v3/cards?minSpendingLimit=10000");
      const bigAnswer = await admin.call("list_cards", { minSpendingLimit: "10000", limit: 500 });
      expect(bigAnswer.structured.totalItems).toBe(big.totalItems);
      expect(bigAnswer.structured.data.every((card: any) => cents(card.spendingLimit.amount.value) >= 1_000_000n)).toBe(true);
    });

    it('"Show my transactions this month"', async () => {
      const rest = await admin.rest("/api/v3/transactions?from=2026-11-01&to=2026-11-30&size=50");
      const answer = await admin.call("list_transactions", { period: "this_month" });
      expect(rest.totalItems).toBeGreaterThan(0);
      expect(answer.structured.totalItems).toBe(rest.totalItems);
      expect(answer.structured.returned).toBe(Math.min(50, rest.totalItems));
      // Each transaction as its text line tells it (pages.table); every field is in the export.
      expect(answer.structured.data).toEqual(asRows(rest.data, answer.structured.columns));
      expect(answer.structured.period).toEqual({ from: "2026-11-01", to: "2026-11-30", timeZone: "America/Mexico_City", preset: "this_month" });
      const lines = answer.text.split("\n");
      expect(lines[0]).toBe(`${grouped(answer.structured.returned)} of ${grouped(rest.totalItems)} transactions`);
      expect(lines.at(-2)).toBe("Period: 2026-11-01 to 2026-11-30 (America/Mexico_City), this month.");
      // Not every match is here: the last line links to all of them.
      expect(lines.at(-1)).toMatch(new RegExp(`^All ${grouped(rest.totalItems)} as a CSV file: \\S+/exports/\\S+\\.csv \\(link valid 10 minutes\\)\\.$`));
    });

    it("list_transactions without a period covers the current billing period and says so", async () => {
      // Statement day 5, today 2026-11-20: from 2026-11-06 through 2026-12-05.
      const rest = await admin.rest("/api/v3/transactions?size=1");
      const answer = await admin.call("list_transactions", {});
      expect(answer.structured.period).toEqual({ from: "2026-11-06", to: "2026-12-05", timeZone: "America/Mexico_City", preset: "current_billing_period" });
      expect(answer.structured.totalItems).toBe(rest.totalItems);
      expect(answer.text).toContain("Period: 2026-11-06 to 2026-12-05 (America/Mexico_City), current billing period, used by default because no period was given.");
    });

    it('"What were my top spending categories last month?" — counts > 0 and equal to the list\'s', async () => {
      const summary = await admin.call("summarize_spending", { groupBy: "category", period: "last_month" });
      expect(summary.isError).toBe(false);
      const { groups, totals } = summary.structured;
      expect(summary.structured.period).toMatchObject({ from: "2026-10-01", to: "2026-10-31", preset: "last_month" });
      expect(groups.length).toBeGreaterThan(3);
      for (const group of groups) expect(group.count).toBeGreaterThan(0);
      expect(groups.map((g: any) => cents(g.total.value))).toEqual([...groups.map((g: any) => cents(g.total.value))].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));

      // The list, through the gateway, for the same filters (settled and pending purchases).
      const all = await admin.call("list_transactions", { period: "last_month", status: ["PENDING", "POSTED"], limit: 1 });
      expect(all.structured.totalItems).toBe(totals.count);
      for (const group of groups.slice(0, 4)) {
        const list = await admin.call("list_transactions", { period: "last_month", status: ["PENDING", "POSTED"], category: group.key, limit: 1 });
        expect(list.structured.totalItems).toBe(group.count);
      }
      const rest = await admin.rest("/api/v3/transactions/summary?groupBy=category&from=2026-10-01&to=2026-10-31&status=PENDING&status=POSTED");
      expect(groups).toEqual(rest.groups);
      expect(summary.structured.statuses).toEqual(["POSTED", "PENDING"]);
      expect(summary.text.split("\n")[0]).toBe(
        `Spending by category: ${grouped(totals.count)} transactions, ${formatMoney(totals.total)}, counting posted and pending transactions (not declined or reversed ones)`,
      );
      expect(summary.text).toContain("Period: 2026-10-01 to 2026-10-31 (America/Mexico_City), last month.");
    });

    it('"Show me all transactions over $5,000 from the last 30 days"', async () => {
      const rest = await restAll(admin, "/api/v3/transactions?minAmount=5000&from=2026-10-22&to=2026-11-20");
      const answer = await admin.call("list_transactions", { minAmount: "5000", period: "last_30_days", limit: 500 });
      expect(rest.totalItems).toBeGreaterThan(0);
      expect(answer.structured.period).toMatchObject({ from: "2026-10-22", to: "2026-11-20" });
      expect(answer.structured.totalItems).toBe(rest.totalItems);
      expect(answer.structured.data).toEqual(asRows(rest.items.slice(0, 500), answer.structured.columns));
      expect(tableItems(answer.structured).every((t: any) => cents(t["amount.value"]) >= 500_000n)).toBe(true);
    });

    it('"Top 5 vendors this quarter by total spend"', async () => {
      const answer = await admin.call("summarize_spending", { groupBy: "merchant", period: "this_quarter", limit: 5 });
      const rest = await admin.rest("/api/v3/transactions/summary?groupBy=merchant&from=2026-10-01&to=2026-12-31&limit=5&status=PENDING&status=POSTED");
      expect(answer.structured.groups).toHaveLength(5);
      expect(answer.structured.groups).toEqual(rest.groups);
      expect(answer.structured.totals).toEqual(rest.totals);
      const lines = answer.text.split("\n");
      expect(lines.slice(1, 6)).toEqual(rest.groups.map((g: any) => `- ${g.label}: ${formatMoney(g.total)} (${grouped(g.count)} transactions)`));
    });

    it("an empty result is an empty list, not an error", async () => {
      const answer = await admin.call("list_transactions", { period: "today", minAmount: "9999999999" });
      expect(answer.isError).toBe(false);
      expect(answer.structured).toMatchObject({ data: [], totalItems: 0, returned: 0, hasMore: false });
      expect(answer.text.split("\n")[0]).toBe("0 of 0 transactions");
    });

    it("invalid arguments name each field and never reach the upstream", async () => {
      const before = stack.sandbox.requestLog.length;
      const answer = await admin.call("list_transactions", { period: "next_century", limit: 0, minAmount: "5,000" });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/period: /);
      expect(answer.text).toMatch(/limit: /);
      expect(answer.text).toMatch(/minAmount: /);
      expect(requestsSince(stack, before, "/api/v3/transactions")).toEqual([]);

      const both = await admin.call("summarize_spending", { groupBy: "category", period: "last_month", from: "2026-10-01" });
      expect(both.isError).toBe(true);
      expect(both.text).toContain('either "period" or "from"/"to"');
      expect(requestsSince(stack, before, "/api/v3/transactions")).toEqual([]);
    });

    it("a Brazilian administrator sees only their company's cards and transactions", async () => {
      const brasa = await session(stack, USERS.brasa);
      const cards = await brasa.call("list_cards", { limit: 500 });
      const rest = await restAll(brasa, "/api/v3/cards");
      expect(cards.structured.data.map((c: any) => c.id)).toEqual(rest.items.map((c) => c.id));
      expect(cards.text).not.toContain("Luis Pérez");
      expect(cards.text).toContain("BRL");
      const tx = await brasa.call("list_transactions", { period: "last_month", limit: 5 });
      expect(tx.structured.period.timeZone).toBe("America/Sao_Paulo");
      expect(tableItems(tx.structured).every((t: any) => t["amount.currency"] === "BRL")).toBe(true);
    });
  });

  function formatMoney(money: { value: string; currency: string }): string {
    const [whole, fraction] = money.value.split(".");
    return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction} ${money.currency}`;
  }

  function grouped(count: number): string {
    return count.toLocaleString("en-US");
  }
});
