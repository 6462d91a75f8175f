// Answers that fit every client, end to end on both eras (the SDK clients check every structuredContent
// against the tool's outputSchema): a 500-row list within the budget saying "N of M", a smaller budget
// that cuts it, the slim table the text line tells, numbers for text, a last-4 as a number, and a
// summary that says which statuses it counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { restAll, session, type Session } from "./prompting.js";

const TODAY = "2026-11-20";
const grouped = (n: number) => n.toLocaleString("en-US");
const size = (result: any) => JSON.stringify({ content: result.content, structuredContent: result.structuredContent }).length;
const textOf = (result: any) => (result.content[0] as { text: string }).text;
/** An answer without its export links, which differ on every call (each is sealed afresh). */
const withoutLinks = (result: any) => ({
  text: textOf(result).split("\n").filter((line: string) => !line.includes("/exports/")).join("\n"),
  structured: { ...result.structuredContent, export: undefined },
});
const ROW = (t: any) => [t.authorizedAt, t.merchant.name, t.merchant.category, t.amount.value, t.amount.currency, t.status, t.cardholder.name, t.card.last4];

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;
  let admin: Session;

  beforeAll(async () => {
    stack = await startStack({ era, today: TODAY });
    admin = await session(stack, USERS.admin);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("500 rows within the default budget, saying honestly how many of how many, the table the text line tells", async () => {
    const rest = await restAll(admin, "/api/v3/transactions?from=2026-10-01&to=2026-12-31");
    const result = await admin.client.callTool({ name: "list_transactions", arguments: { period: "this_quarter", limit: 500 } });
    const structured = result.structuredContent as any;
    expect(size(result)).toBeLessThanOrEqual(100_000);
    expect(structured).toMatchObject({ totalItems: rest.totalItems, returned: 500, hasMore: true });
    expect(structured.columns).toEqual(["authorizedAt", "merchant.name", "merchant.category", "amount.value", "amount.currency", "status", "cardholder.name", "card.last4"]);
    expect(structured.data).toEqual(rest.items.slice(0, 500).map(ROW));
    const lines = textOf(result).split("\n");
    expect(lines[0]).toBe(`500 of ${grouped(rest.totalItems)} transactions`);
    expect(lines.filter((line) => line.startsWith("- "))).toHaveLength(500);
  });

  it("a smaller budget keeps the largest prefix that fits: text and structured answer alike, the rest offered as an export", async () => {
    const small = await startStack({ era, today: TODAY, answerBudget: 30_000 });
    try {
      const user = await session(small, USERS.admin);
      const rest = await restAll(user, "/api/v3/transactions?from=2026-10-01&to=2026-12-31");
      const result = await user.client.callTool({ name: "list_transactions", arguments: { period: "this_quarter", limit: 500 } });
      const structured = result.structuredContent as any;
      const held = structured.returned as number;
      expect(size(result)).toBeLessThanOrEqual(30_000);
      expect(held).toBeGreaterThan(50);
      expect(held).toBeLessThan(500);
      expect(structured).toMatchObject({ totalItems: rest.totalItems, hasMore: true });
      expect(structured.data).toEqual(rest.items.slice(0, held).map(ROW));
      const lines = textOf(result).split("\n");
      expect(lines[0]).toBe(`${held} of ${grouped(rest.totalItems)} transactions`);
      expect(lines.filter((line) => line.startsWith("- "))).toHaveLength(held);
      expect(lines).toContain(`Only ${held} of the 500 asked for fit in one answer.`);
      expect(lines.at(-1)).toMatch(new RegExp(`^All ${grouped(rest.totalItems)} as a CSV file: http://127\\.0\\.0\\.1:\\d+/exports/\\S+\\.csv \\(link valid 10 minutes\\)\\.$`));
      expect((result.content as any[])[1]).toMatchObject({ type: "resource_link", mimeType: "text/csv" });
      // Every line whole: the text is its heading, item lines and notes, nothing cut in half.
      for (const line of lines.filter((l) => l.startsWith("- "))) expect(line).toMatch(/ •••• \d{4}$/);
    } finally {
      await small.close();
    }
  });

  it('5000 and "5000" give the same answer; "5,000" is refused in words, and nothing is sent', async () => {
    const asText = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_30_days", minAmount: "5000", limit: 20 } });
    const asNumber = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_30_days", minAmount: 5000, limit: 20 } });
    expect(asNumber.isError).toBeFalsy();
    expect(withoutLinks(asNumber)).toEqual(withoutLinks(asText));
    expect((asNumber.structuredContent as any).totalItems).toBeGreaterThan(0);
    const decimal = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_30_days", minAmount: 1234.5, limit: 1 } });
    const decimalText = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_30_days", minAmount: "1234.5", limit: 1 } });
    expect((decimal.structuredContent as any).totalItems).toBe((decimalText.structuredContent as any).totalItems);

    const before = stack.sandbox.requestLog.length;
    const refused = await admin.client.callTool({ name: "list_transactions", arguments: { minAmount: "5,000", status: ["SPENT"] } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe(
      [
        "Invalid arguments for list_transactions; nothing was sent:",
        '- minAmount: expected a decimal amount such as "5000" or "1234.50"; got "5,000"',
        '- status[0]: expected one of PENDING, POSTED, DECLINED or REVERSED; got "SPENT"',
      ].join("\n"),
    );
    expect(stack.sandbox.requestLog.slice(before).filter((r) => r.path.startsWith("/api/v3/transactions"))).toEqual([]);
  });

  it("a last-4 sent as a number: 4821 is the card, 123 gets the clear message and nothing is looked up", async () => {
    const card = await admin.client.callTool({ name: "get_card", arguments: { card: 4821 } });
    expect(textOf(card)).toMatch(/^•••• 4821 · Luis Pérez · /);
    const before = stack.sandbox.requestLog.length;
    const refused = await admin.client.callTool({ name: "get_card", arguments: { card: 123 } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe('Invalid arguments for get_card; nothing was sent:\n- card: send the last 4 digits as text, such as "0123" (a number loses its leading zeros)');
    expect(stack.sandbox.requestLog.slice(before).filter((r) => r.path !== "/api/v3/me")).toEqual([]);
  });

  it("the summary says which statuses it counted, by default and when asked for all", async () => {
    const spending = await admin.client.callTool({ name: "summarize_spending", arguments: { groupBy: "category", period: "last_month" } });
    const list = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_month", limit: 1 } });
    const posted = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_month", status: ["POSTED", "PENDING"], limit: 1 } });
    const s = spending.structuredContent as any;
    expect(s.statuses).toEqual(["POSTED", "PENDING"]);
    expect(s.totals.count).toBe((posted.structuredContent as any).totalItems);
    expect(s.totals.count).toBeLessThan((list.structuredContent as any).totalItems);
    expect(textOf(spending).split("\n")[0]).toMatch(/^Spending by category: [\d,]+ transactions, [\d,.]+ MXN, counting posted and pending transactions \(not declined or reversed ones\)$/);

    const every = await admin.client.callTool({ name: "summarize_spending", arguments: { groupBy: "category", period: "last_month", status: ["PENDING", "POSTED", "DECLINED", "REVERSED"] } });
    expect((every.structuredContent as any).statuses).toEqual(["PENDING", "POSTED", "DECLINED", "REVERSED"]);
    expect((every.structuredContent as any).totals.count).toBe((list.structuredContent as any).totalItems);
    expect(textOf(every).split("\n")[0]).toMatch(/, counting transactions of every status$/);
    const declined = await admin.client.callTool({ name: "summarize_spending", arguments: { groupBy: "category", period: "last_month", status: ["DECLINED"] } });
    expect(textOf(declined).split("\n")[0]).toMatch(/, counting declined transactions only$/);
    const tool = (await admin.client.listTools()).tools.find((t: any) => t.name === "summarize_spending");
    expect(tool.inputSchema.properties.status).toMatchObject({ type: "array", default: ["POSTED", "PENDING"] });
  });
});
