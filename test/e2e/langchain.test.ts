// What a LangChain agent's model sees of a 50-row list_transactions, through LangChain's own MCP adapter
// (@langchain/mcp-adapters) loading the gateway's tools over HTTP. The adapter hands the model the text
// and, when the content is one text block, the whole structuredContent too, as one string: today's
// 23,837 characters (issue 14) must at least halve, by the slim table and not by any trick of the adapter.
import { MultiServerMCPClient } from "@langchain/mcp-adapters";
import type { ToolMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ToolTable } from "../../generated/table.js";
import { table as claraTable } from "../../generated/tools.js";
import { startStack, USERS, type Stack } from "./harness.js";
import { session } from "./prompting.js";

const TODAY = "2026-11-20";
const BEFORE = 23_837;
const HALF = Math.floor(BEFORE / 2);

/** The same tools without exports: every answer is one text block, so the adapter adds structuredContent. */
const withoutExports: ToolTable = { ...claraTable, tools: claraTable.tools.map((tool) => ({ ...tool, export: undefined }) as typeof tool) };

/** The string a model is given for a tool message: its content, as text. */
const modelVisible = (message: ToolMessage) => (typeof message.content === "string" ? message.content : JSON.stringify(message.content));

async function viaLangChain(stack: Stack, token: string, args: Record<string, unknown>): Promise<ToolMessage> {
  const client = new MultiServerMCPClient({ mcpServers: { clara: { transport: "http", url: stack.mcpUrl, headers: { authorization: `Bearer ${token}` } } }, useStandardContentBlocks: false });
  try {
    const tools = await client.getTools();
    const list = tools.find((tool) => tool.name === "list_transactions");
    expect(list, "the adapter loads list_transactions").toBeDefined();
    return (await list!.invoke({ type: "tool_call", id: "call_1", name: "list_transactions", args })) as ToolMessage;
  } finally {
    await client.close();
  }
}

describe("LangChain's MCP adapter, a 50-row list_transactions", () => {
  let stack: Stack;
  let bare: Stack;
  beforeAll(async () => {
    [stack, bare] = await Promise.all([startStack({ today: TODAY }), startStack({ today: TODAY, table: withoutExports })]);
  });
  afterAll(async () => {
    await Promise.all([stack?.close(), bare?.close()]);
  });

  it("shows the model at most half of today's 23,837 characters, structuredContent included", async () => {
    const args = { period: "last_month", limit: 50 };
    // With the export: the content is text and a resource_link (the adapter then leaves structuredContent out).
    const linked = await viaLangChain(stack, stack.token(USERS.admin), args);
    // Without one: a single text block, which the adapter sends with the whole structuredContent.
    const whole = await viaLangChain(bare, bare.token(USERS.admin), args);
    expect(modelVisible(whole)).toContain('"structuredContent"');
    expect(modelVisible(whole)).toContain('"columns"');

    // Today's answer, rebuilt on the same data: the same text, and the items in full in structuredContent.
    const admin = await session(bare, USERS.admin);
    const rest = await admin.rest("/api/v3/transactions?from=2026-10-01&to=2026-10-31&size=50");
    const mine = await admin.call("list_transactions", args);
    const before = JSON.stringify([
      { type: "text", text: mine.text, structuredContent: { data: rest.data, totalItems: rest.totalItems, returned: 50, hasMore: true, period: mine.structured.period } },
    ]).length;

    const figures = { issue: BEFORE, todayOnThisData: before, withExport: modelVisible(linked).length, withoutExport: modelVisible(whole).length };
    console.log(`model-visible characters of a 50-row list_transactions through @langchain/mcp-adapters: ${JSON.stringify(figures)}`);
    expect(figures.todayOnThisData).toBeGreaterThan(20_000);
    expect(figures.withoutExport).toBeLessThanOrEqual(HALF);
    expect(figures.withExport).toBeLessThanOrEqual(HALF);
    // And what any client gets in all, text, structuredContent and links: within half too.
    const all = await (await stack.client(stack.token(USERS.admin))).callTool({ name: "list_transactions", arguments: args });
    expect(JSON.stringify({ content: all.content, structuredContent: all.structuredContent }).length).toBeLessThanOrEqual(HALF);
  });
});
